#include "bot/board/board_job.hpp"

#include <algorithm>
#include <sstream>

#include "bot/board/board_http.hpp"
#include "bot/board/board_page.hpp"
#include "bot/cli/report_section.hpp"
#include "bot/cli/report_writer.hpp"
#include "store/database.hpp"
#include "store/org.hpp"

namespace whistle::bot::board {

namespace {

handlers::RankingMonth month_asked(const BoardQuery& query, const ViewClock& clock) {
  const language::YearMonth month =
      query.month.value_or(handlers::month_of(clock.now, clock.utc_offset_seconds));
  return handlers::ranking_month(month, clock.utc_offset_seconds);
}

std::string hh_mm(std::int64_t at, int utc_offset_seconds) {
  return local_iso(at, utc_offset_seconds).substr(11);
}

HttpAnswer report(store::Database& db, const store::OrgNode& node, const handlers::RankingMonth& month,
                  const std::string& format, const config::Templates& templates, int utc_offset_seconds) {
  const std::vector<ReportSection> sections{report_section(db, node, month)};
  const ReportStyle style{templates, utc_offset_seconds};
  std::ostringstream out;
  HttpAnswer answer;
  if (format == "csv") {
    write_report_csv(out, sections, style);
    answer.content_type = "text/csv; charset=utf-8";
  } else if (format == "md") {
    write_report_md(out, sections, style);
    answer.content_type = "text/markdown; charset=utf-8";
  } else {
    write_report_json(out, sections, style);
    answer.content_type = "application/json; charset=utf-8";
  }
  answer.body = out.str();
  answer.headers.emplace_back("Cache-Control", std::string(kPrivateCaching));
  return answer;
}

HttpAnswer private_json(const nlohmann::json& body) {
  HttpAnswer answer;
  answer.content_type = "application/json; charset=utf-8";
  answer.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  answer.headers.emplace_back("Cache-Control", std::string(kPrivateCaching));
  return answer;
}

PageData page_data(store::Database& db, BoardCache& cache, const store::OrgNode& node, const BoardJob& job) {
  store::OrgRepository org(db);
  PageData data;
  data.node = node;
  // Read from the community down (社区 › 网格 › 楼栋 › 单元), the way people name a place.
  data.path = org.ancestors_and_self(node.id);
  std::reverse(data.path.begin(), data.path.end());
  data.has_children = node.level < 3;
  data.lobby = job.query.lobby;
  const handlers::RankingMonth month = month_asked(BoardQuery{}, job.clock);
  const handlers::RankingMonth last =
      handlers::ranking_month(handlers::previous_month(month.month), job.clock.utc_offset_seconds);
  data.ranking_this_month = ranking_view(db, cache, node, month, Paging{job.query.page, 50});
  data.ranking_last_month = ranking_view(db, cache, node, last, Paging{1, 50});
  data.tasks = tasks_view(db, node, Paging{1, 50}, job.clock);
  data.tickets = tickets_view(db, node, month);
  data.trend = trend_view(db, node, job.clock);
  data.echo = echo_view(db, node, Paging{1, 20}, job.clock);
  data.ledger = ledger_view(db, cache, node);
  data.updated = hh_mm(job.clock.now, job.clock.utc_offset_seconds);
  return data;
}

}  // namespace

HttpAnswer BoardJob::operator()(store::Database& db, BoardCache& cache) const {
  // One snapshot for the whole request: the sections of a page agree with each other.
  store::ReadSnapshot snapshot(db);
  if (endpoint == Endpoint::api_nodes) return cacheable_json(nodes_view(db), kApiCaching, if_none_match);
  if (endpoint == Endpoint::board_index) {
    return cacheable(render_board_index(store::OrgRepository(db).all_nodes()), "text/html; charset=utf-8",
                     kPageCaching, if_none_match);
  }
  const std::optional<store::OrgNode> found = store::OrgRepository(db).node(node);
  if (!found) {
    if (endpoint != Endpoint::board_page) return refused(HttpError{404, "unknown node"});
    HttpAnswer answer{404, "text/html; charset=utf-8", render_unknown_node(), {}};
    answer.headers.emplace_back("Cache-Control", std::string(kPrivateCaching));
    return answer;
  }
  const Paging paging{query.page, query.per_page};
  switch (endpoint) {
    case Endpoint::board_page: {
      // The page's time stamp is left out of its ETag's reach only by being a minute wide; a
      // refresh within the minute with nothing new is a 304.
      return cacheable(render_board_page(page_data(db, cache, *found, *this)), "text/html; charset=utf-8",
                       kPageCaching, if_none_match);
    }
    case Endpoint::api_ranking:
      return cacheable_json(ranking_view(db, cache, *found, month_asked(query, clock), paging), kApiCaching,
                            if_none_match);
    case Endpoint::api_tasks:
      return cacheable_json(tasks_view(db, *found, paging, clock), kApiCaching, if_none_match);
    case Endpoint::api_tickets:
      return cacheable_json(tickets_view(db, *found, month_asked(query, clock)), kApiCaching, if_none_match);
    case Endpoint::api_trend:
      return cacheable_json(trend_view(db, *found, clock), kApiCaching, if_none_match);
    case Endpoint::api_echo:
      return cacheable_json(echo_view(db, *found, paging, clock), kApiCaching, if_none_match);
    case Endpoint::api_ledger:
      return cacheable_json(ledger_view(db, cache, *found), kApiCaching, if_none_match);
    case Endpoint::api_report:
      return report(db, *found, month_asked(query, clock), query.format, *templates,
                    clock.utc_offset_seconds);
    case Endpoint::api_ledger_entries:
      return private_json(ledger_entries_view(db, *found, month_asked(query, clock)));
    default:
      return refused(HttpError{404, "not found"});
  }
}

}  // namespace whistle::bot::board
