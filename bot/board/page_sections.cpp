#include "bot/board/page_sections.hpp"

#include <cmath>

#include <fmt/format.h>

#include "bot/adapters/query_string.hpp"
#include "bot/board/html_text.hpp"
#include "bot/board/trend_chart.hpp"

namespace whistle::bot::board {

namespace {

std::string text_of(const nlohmann::json& value) {
  return html_escape(value.is_string() ? value.get<std::string>() : std::string());
}

std::string percent(const nlohmann::json& rate) {
  if (!rate.is_number()) return figure(rate, "—");
  return figure(rate, fmt::format("{:.1f}%", rate.get<double>() * 100.0));
}

// Hours as the chats show them, with their one decimal ("4.0", not "4" beside "1.9").
std::string hours_text(const nlohmann::json& value) {
  if (!value.is_number()) return "—";
  return fmt::format("{:.1f}", value.get<double>());
}

// A length with its unit, in days past two days ("23.1 天", not "553.5 小时"), as 统计 says it; no
// unit when there is no figure.
std::string length_text(const nlohmann::json& hours) {
  if (!hours.is_number()) return figure(hours, "—");
  const double value = hours.get<double>();
  if (value >= 48.0) return figure(hours, fmt::format("{:.1f}", value / 24.0)) + " 天";
  return figure(hours, fmt::format("{:.1f}", value)) + " 小时";
}

// The points of the rows shown (people or child nodes), to hold against their 合计.
std::int64_t points_of(const nlohmann::json& rows) {
  std::int64_t sum = 0;
  for (const nlohmann::json& row : rows)
    sum += row.at("points").get<std::int64_t>();
  return sum;
}

std::string whole_line(const nlohmann::json& whole) {
  return "<p class=\"whole\">合计 " + figure(whole.at("points"), number_text(whole.at("points"))) + " 分 · " +
         figure(whole.at("hours"), hours_text(whole.at("hours"))) + " 小时 · " +
         figure(whole.at("active"), number_text(whole.at("active"))) + " 人参与</p>";
}

std::string pager(const nlohmann::json& ranking, const std::string& page_link) {
  const std::int64_t page = ranking.at("page").get<std::int64_t>();
  const std::int64_t per_page = ranking.at("per_page").get<std::int64_t>();
  const std::int64_t total = ranking.at("total_people").get<std::int64_t>();
  const std::int64_t pages = std::max<std::int64_t>(1, (total + per_page - 1) / per_page);
  std::string out =
      fmt::format("<nav class=\"pager\" data-pager data-page=\"{}\" data-pages=\"{}\">", page, pages);
  // Past the last page, "上一页" leads to the last one, not to another empty page.
  if (page > 1)
    out += fmt::format("<a rel=\"prev\" href=\"{}page={}\">上一页</a>", page_link, std::min(page - 1, pages));
  out += fmt::format(" 第 {} / {} 页 ", page, pages);
  if (page < pages) out += fmt::format("<a rel=\"next\" href=\"{}page={}\">下一页</a>", page_link, page + 1);
  return out + "</nav>";
}

}  // namespace

std::string figure(const nlohmann::json& raw, const std::string& shown) {
  const std::string value = raw.is_null() ? std::string() : raw.dump();
  return "<span data-value=\"" + html_escape(value) + "\">" + shown + "</span>";
}

std::string number_text(const nlohmann::json& value) {
  if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
  if (value.is_number()) return fmt::format("{:g}", value.get<double>());
  return "—";
}

std::string ranking_section(const nlohmann::json& ranking, const std::string& section,
                            const std::string& title, bool with_pager, const std::string& page_link) {
  std::string out = "<section data-section=\"" + section + "\"><h2>" + title + " <small>" +
                    text_of(ranking.at("month")) + "</small></h2>" + whole_line(ranking.at("whole"));
  out += "<p class=\"count\">共 " +
         figure(ranking.at("total_people"), number_text(ranking.at("total_people"))) + " 人上榜</p>";
  if (ranking.at("people").empty() && ranking.at("total_people").get<std::int64_t>() > 0) {
    // A page past the last said "nobody has points this month" under "57 人上榜" (an exploratory run
    // of the board, 2026-12-07).
    out += "<p class=\"empty\">这一页没有记录，请看前面的页。</p>";
  } else if (ranking.at("people").empty()) {
    out += "<p class=\"empty\">本月还没有人获得积分。</p>";
  } else {
    out +=
        "<table class=\"people\"><thead><tr><th>名次</th><th>志愿者</th><th>积分</th><th>时长（小时）</th>"
        "</tr></thead><tbody>";
    for (const nlohmann::json& person : ranking.at("people")) {
      out += "<tr data-name=\"" + text_of(person.at("name")) + "\"><td>" +
             figure(person.at("rank"), number_text(person.at("rank"))) + "</td><td class=\"name\">" +
             text_of(person.at("name")) + "</td><td>" +
             figure(person.at("points"), number_text(person.at("points"))) + "</td><td>" +
             figure(person.at("hours"), hours_text(person.at("hours"))) + "</td></tr>";
    }
    out += "</tbody></table>";
  }
  // 3号楼2单元 showed 合计 5 分 beside its one person's 10: someone whose month nets below zero is not
  // listed, and their −5 is in the total (an exploratory run of the board, 2026-12-07). Said where the
  // whole list is on the page.
  const std::int64_t total_people = ranking.at("total_people").get<std::int64_t>();
  if (ranking.at("page").get<std::int64_t>() == 1 &&
      total_people <= ranking.at("per_page").get<std::int64_t>()) {
    const std::int64_t listed = points_of(ranking.at("people"));
    const std::int64_t whole = ranking.at("whole").at("points").get<std::int64_t>();
    // Said as more or fewer, never as "−5 分来自…" (the final read, 2026-12-07).
    if (listed != whole)
      out += fmt::format(
          "<p class=\"note\">合计比上面各人相加{}{} 分：当月积分为零或扣成负数的人不上榜，但计入合计。</p>",
          whole < listed ? "少" : "多", whole < listed ? listed - whole : whole - listed);
  }
  if (with_pager) out += pager(ranking, page_link);
  return out + "</section>";
}

std::string children_section(const nlohmann::json& ranking) {
  std::string out =
      "<section data-section=\"children-this-month\"><h2>下级评比 <small>" + text_of(ranking.at("month")) +
      "</small></h2><table class=\"children\"><thead><tr><th>名称</th><th>积分</th><th>时长（小时）</th>"
      "<th>参与人数</th></tr></thead><tbody>";
  for (const nlohmann::json& child : ranking.at("children")) {
    out += "<tr data-node=\"" + text_of(child.at("id")) + "\"><td><a href=\"/board/" +
           percent_encode(child.at("id").get<std::string>()) + "\">" + text_of(child.at("name")) +
           "</a></td><td>" + figure(child.at("points"), number_text(child.at("points"))) + "</td><td>" +
           figure(child.at("hours"), hours_text(child.at("hours"))) + "</td><td>" +
           figure(child.at("active"), number_text(child.at("active"))) + "</td></tr>";
  }
  out += "</tbody></table>";
  // The grids showed 15 of the community's 297: points of a volunteer who reported in in the
  // community's own group count for the community, not a grid (an exploratory run of the board).
  const std::int64_t children = points_of(ranking.at("children"));
  const std::int64_t whole = ranking.at("whole").at("points").get<std::int64_t>();
  if (children != whole)
    out += fmt::format(
        "<p class=\"note\">下级合计 {} 分；另有 {} 分是在本级群里报到或记在本级的，不计入下级。</p>",
        children, whole - children);
  return out + "</section>";
}

std::string tasks_section(const nlohmann::json& tasks) {
  std::string out = "<section data-section=\"open-tasks\"><h2>正在招募 <small>" +
                    figure(tasks.at("total"), number_text(tasks.at("total"))) + " 项</small></h2>";
  if (tasks.at("tasks").empty()) return out + "<p class=\"empty\">目前没有缺人的活动。</p></section>";
  out += "<ul class=\"tasks\">";
  for (const nlohmann::json& task : tasks.at("tasks")) {
    const std::string when =
        task.at("start").is_string()
            ? text_of(task.at("start")).replace(10, 1, " ") +
                  (task.at("end").is_string() ? " – " + text_of(task.at("end")).substr(11) : "")
            : "时间待定";
    const std::string left =
        task.at("left").is_null()
            ? std::string("名额不限")
            : "剩余 " + figure(task.at("left"), number_text(task.at("left"))) + " 个名额";
    out += "<li data-ref=\"" + text_of(task.at("ref")) + "\"><span class=\"ref\">" + text_of(task.at("ref")) +
           "</span> <strong class=\"title\">" + text_of(task.at("title")) +
           "</strong><span class=\"place\">" +
           (task.at("place").is_string() ? text_of(task.at("place")) : text_of(task.at("node_name"))) +
           "</span><span class=\"time\">" + when + "</span><span class=\"left\">" + left +
           "</span><span class=\"points\">" + figure(task.at("points"), number_text(task.at("points"))) +
           " 分</span></li>";
  }
  return out + "</ul></section>";
}

std::string tickets_section(const nlohmann::json& tickets) {
  static constexpr std::pair<const char*, const char*> kStates[] = {{"open", "待分派"},
                                                                    {"assigned", "待接单"},
                                                                    {"accepted", "办理中"},
                                                                    {"resolved", "待评价"},
                                                                    {"closed", "已关闭"}};
  static constexpr std::pair<const char*, const char*> kRates[] = {
      {"response", "响应率"}, {"solve", "解决率"},  {"satisfaction", "满意率"},
      {"close", "办结率"},    {"reopen", "重办率"}, {"send_back", "回退率"}};
  std::string out = "<section data-section=\"tickets\"><h2>民情工单 <small>" + text_of(tickets.at("month")) +
                    "</small></h2><ul class=\"states\">";
  for (const auto& [state, name] : kStates) {
    out += std::string("<li data-state=\"") + state + "\">" + name + " " +
           figure(tickets.at("states").at(state), number_text(tickets.at("states").at(state))) + "</li>";
  }
  out += "</ul><p class=\"received\">本月受理 " +
         figure(tickets.at("figures").at("received"), number_text(tickets.at("figures").at("received"))) +
         " 件 · 解决 " +
         figure(tickets.at("figures").at("solved"), number_text(tickets.at("figures").at("solved"))) +
         " 件</p><ul class=\"rates\">";
  for (const auto& [rate, name] : kRates)
    out += std::string("<li data-rate=\"") + rate + "\">" + name + " " +
           percent(tickets.at("rates").at(rate)) + "</li>";
  // Named as 统计 names them: 办结率 on the same card counts every close, and "平均办结" read as its
  // time (an exploratory run of the board, 2026-12-07).
  out += "</ul><p class=\"means\">平均接单用时 " + length_text(tickets.at("mean_accept_hours")) +
         " · 平均解决用时 " + length_text(tickets.at("mean_solve_hours")) + "</p>";
  return out + "</section>";
}

std::string trend_section(const nlohmann::json& trend) {
  return "<section data-section=\"trend\"><h2>近12个月</h2>" + trend_svg(trend) + "</section>";
}

std::string echo_section(const nlohmann::json& echo) {
  std::string out = "<section data-section=\"echo\"><h2>回音壁 <small>已解决 " +
                    figure(echo.at("total"), number_text(echo.at("total"))) + " 件</small></h2>";
  if (echo.at("tickets").empty()) return out + "<p class=\"empty\">还没有办结的工单。</p></section>";
  out += "<ul class=\"echo\">";
  for (const nlohmann::json& ticket : echo.at("tickets")) {
    const std::string rating =
        ticket.at("rating").is_null()
            ? std::string()
            : " · 评分 " + figure(ticket.at("rating"), number_text(ticket.at("rating")));
    out += "<li data-ref=\"" + text_of(ticket.at("ref")) + "\"><span class=\"ref\">" +
           text_of(ticket.at("ref")) + "</span> <span class=\"summary\">" + text_of(ticket.at("summary")) +
           "</span><span class=\"meta\">" + text_of(ticket.at("node_name")) + " · " +
           text_of(ticket.at("solved_by")) + " 办结 · 用时 " + length_text(ticket.at("hours")) + rating +
           "</span></li>";
  }
  return out + "</ul></section>";
}

std::string ledger_section(const nlohmann::json& ledger) {
  std::string out = "<section data-section=\"ledger\"><h2>积分账本</h2><p>当前摘要 <code class=\"digest\">" +
                    text_of(ledger.at("digest")) + "</code>（共 " +
                    figure(ledger.at("entries"), number_text(ledger.at("entries"))) + " 条）</p>";
  if (!ledger.at("publications").empty()) {
    out +=
        "<table "
        "class=\"publications\"><thead><tr><th>公示月份</th><th>公示范围</th><th>摘要</th><th>条目数</th></"
        "tr></thead>"
        "<tbody>";
    for (const nlohmann::json& publication : ledger.at("publications")) {
      out += "<tr data-month=\"" + text_of(publication.at("month")) + "\"><td>" +
             text_of(publication.at("month")) + "</td><td>" + text_of(publication.value("node_name", "")) +
             "</td><td><code>" + text_of(publication.at("digest")) + "</code></td><td>" +
             figure(publication.at("entries"), number_text(publication.at("entries"))) + "</td></tr>";
    }
    out += "</tbody></table>";
  }
  return out + "<p class=\"how\">" + text_of(ledger.at("how_to_check")) + "</p></section>";
}

}  // namespace whistle::bot::board
