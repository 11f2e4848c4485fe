#include "bot/board/board.hpp"

#include <variant>

#include "bot/adapters/query_string.hpp"
#include "bot/board/assets.hpp"
#include "bot/board/board_http.hpp"
#include "bot/board/board_job.hpp"
#include "bot/board/board_page.hpp"
#include "bot/board/board_reader.hpp"

namespace whistle::bot::board {

namespace {

bool is_officials_export(Endpoint endpoint) {
  return endpoint == Endpoint::api_report || endpoint == Endpoint::api_ledger_entries;
}

// A page opened in a browser is refused with a page; the API answers JSON.
HttpAnswer refused_for(Endpoint endpoint, const HttpError& error) {
  if (endpoint != Endpoint::board_page && endpoint != Endpoint::board_index) return refused(error);
  HttpAnswer answer{error.status,
                    "text/html; charset=utf-8",
                    render_bad_address(error.page_message.empty() ? error.message : error.page_message),
                    {}};
  answer.headers.emplace_back("Cache-Control", std::string(kPrivateCaching));
  return answer;
}

}  // namespace

Board::Board(const config::Config& config, BoardReader& reader)
    : token_(config.board.token),
      utc_offset_seconds_(config.locale.utc_offset_seconds),
      templates_(config::Templates::builtin(config.locale.language)),
      reader_(reader) {}

asio::awaitable<void> Board::handle(Endpoint endpoint, std::string node, std::string file,
                                    const InboundRequest& request, HttpAnswer& answer) {
  // The token first: without it, not even whether a node exists is told.
  if (is_officials_export(endpoint)) {
    if (const std::optional<HttpError> refusal =
            bearer_refusal(request.headers.get("Authorization"), token_)) {
      answer = refused(*refusal);
      co_return;
    }
  }
  if (endpoint == Endpoint::board_asset) {
    const std::optional<Asset> asset = board_asset(file);
    answer = asset ? cacheable(std::string(asset->body), std::string(asset->content_type), kAssetCaching,
                               request.headers.get("If-None-Match"))
                   : refused(HttpError{404, "no such file"});
    co_return;
  }
  std::variant<BoardQuery, HttpError> query = parse_board_query(request.target);
  if (const HttpError* error = std::get_if<HttpError>(&query)) {
    answer = refused_for(endpoint, *error);
    co_return;
  }
  const std::optional<std::string> decoded = percent_decode(node);
  if (!decoded) {
    answer = refused_for(endpoint, HttpError{400, "bad node: a path segment with a malformed %XX escape",
                                             "地址里地方的编号有写错的 %XX 编码。"});
    co_return;
  }
  BoardReader::Work work = BoardJob{endpoint,
                                    *decoded,
                                    std::get<BoardQuery>(std::move(query)),
                                    std::string(request.headers.get("If-None-Match")),
                                    ViewClock{utc_offset_seconds_, request.received_at},
                                    &templates_};
  HttpAnswer read = co_await reader_.read(std::move(work));
  answer = std::move(read);
}

}  // namespace whistle::bot::board
