// The board's pure parts: HTML escaping, the query, the token and the routes.
#include <gtest/gtest.h>

#include <variant>

#include <fmt/format.h>

#include "bot/adapters/query_string.hpp"
#include "bot/board/board_http.hpp"
#include "bot/board/board_query.hpp"
#include "bot/board/board_views.hpp"
#include "bot/board/html_text.hpp"
#include "bot/board/page_sections.hpp"
#include "bot/router.hpp"
#include "handlers/shown_figures.hpp"

namespace whistle::bot::board {
namespace {

// 3号楼2单元 showed 合计 5 分 beside its one person's 10, and the grids 15 of the community's 297,
// each by the documented rules (an exploratory run of the board, 2026-12-07): the page says where
// the difference is.
TEST(BoardSections, TotalsThatTheRowsDoNotAddUpToSayWhy) {
  const nlohmann::json standing = {{"points", 5}, {"hours", 2.0}, {"active", 1}};
  nlohmann::json ranking = {{"month", "2026-12"},
                            {"page", 1},
                            {"per_page", 50},
                            {"total_people", 1},
                            {"whole", standing},
                            {"children", nlohmann::json::array()},
                            {"people", {{{"rank", 1}, {"name", "张三"}, {"points", 10}, {"hours", 2.0}}}}};
  const std::string people =
      ranking_section(ranking, "ranking-this-month", "本月积分榜", true, "/board/b3u2?");
  EXPECT_NE(people.find("少5 分"), std::string::npos) << people;
  EXPECT_EQ(people.find("-5"), std::string::npos) << people;
  ranking["whole"]["points"] = 10;
  EXPECT_EQ(ranking_section(ranking, "ranking-this-month", "本月积分榜", true, "/board/b3u2?")
                .find("class=\"note\""),
            std::string::npos);

  ranking["whole"]["points"] = 297;
  ranking["children"] = {{{"id", "g1"}, {"name", "第一网格"}, {"points", 5}, {"hours", 1.0}, {"active", 1}},
                         {{"id", "g2"}, {"name", "第二网格"}, {"points", 10}, {"hours", 1.0}, {"active", 1}}};
  const std::string children = children_section(ranking);
  EXPECT_NE(children.find("下级合计 15 分"), std::string::npos) << children;
  EXPECT_NE(children.find("282 分"), std::string::npos) << children;
  // Hours keep their decimal.
  EXPECT_NE(children.find(">1.0<"), std::string::npos) << children;
}

TEST(HtmlEscape, MarkupAndQuotesBecomeEntities) {
  EXPECT_EQ(html_escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;q&quot;");
}

// The lobby's screen and the group's 公示 show one digit for one fact.
TEST(BoardHours, ReadAsChatReadsThem) {
  for (std::int64_t minutes = 0; minutes <= 3000; ++minutes) {
    EXPECT_EQ(fmt::format("{:.1f}", hours_of(minutes)), handlers::tenths_text(handlers::hour_tenths(minutes)))
        << minutes;
  }
  for (const double seconds : {6272.7, 36900.0, 5.0 * 3600.0 + 179.0, 5.0 * 3600.0 + 180.0, 90.0}) {
    EXPECT_EQ(fmt::format("{:.1f}", hours_of_seconds(seconds)),
              handlers::tenths_text(handlers::hour_tenths_of_seconds(seconds)))
        << seconds;
  }
  EXPECT_EQ(hours_of_seconds(6272.7), 1.7) << "a mean time is rounded once, not first to whole minutes";
  EXPECT_EQ(hours_of(75), 1.3);
}

TEST(PercentDecode, DecodesEscapesAndRefusesBrokenOnes) {
  EXPECT_EQ(percent_decode("b3u2"), "b3u2");
  EXPECT_EQ(percent_decode("%E4%B8%80"), "一");
  EXPECT_FALSE(percent_decode("%E4%B").has_value());
  EXPECT_FALSE(percent_decode("%zz").has_value());
}

TEST(BoardQueryParse, DefaultsAndGoodValuesAreRead) {
  const auto query = std::get<BoardQuery>(parse_board_query("/board/c1?month=2026-11&page=3&per_page=100"));
  EXPECT_EQ(query.month->year, 2026);
  EXPECT_EQ(query.month->month, 11);
  EXPECT_EQ(query.page, 3);
  EXPECT_EQ(query.per_page, 100);
  const auto plain = std::get<BoardQuery>(parse_board_query("/board/c1"));
  EXPECT_FALSE(plain.month.has_value());
  EXPECT_EQ(plain.page, 1);
  EXPECT_EQ(plain.per_page, 50);
}

TEST(BoardQueryParse, BadValuesNameTheirParameter) {
  for (const char* target :
       {"/x?month=2026-13", "/x?month=26-11", "/x?page=0", "/x?page=-1", "/x?per_page=1000", "/x?per_page=0",
        "/x?format=pdf", "/x?screen=tv", "/x?page=1&page=2"}) {
    const auto parsed = parse_board_query(target);
    ASSERT_TRUE(std::holds_alternative<HttpError>(parsed)) << target;
    EXPECT_EQ(std::get<HttpError>(parsed).status, 400) << target;
  }
}

TEST(BearerToken, NoTokenConfiguredMeansNotFound) {
  EXPECT_EQ(bearer_refusal("Bearer x", "")->status, 404);
}

TEST(BearerToken, AMissingOrWrongTokenIsUnauthorized) {
  EXPECT_EQ(bearer_refusal("", "secret")->status, 401);
  EXPECT_EQ(bearer_refusal("Bearer secre", "secret")->status, 401);
  EXPECT_EQ(bearer_refusal("Basic c2VjcmV0", "secret")->status, 401);
  EXPECT_FALSE(bearer_refusal("Bearer secret", "secret").has_value());
}

TEST(BearerToken, TheSchemeIsReadWhateverItsCase) {
  EXPECT_FALSE(bearer_refusal("bearer secret", "secret").has_value());
  EXPECT_FALSE(bearer_refusal("BEARER  secret", "secret").has_value());
  EXPECT_EQ(bearer_refusal("bearer", "secret")->status, 401);
  EXPECT_EQ(bearer_refusal("bearers secret", "secret")->status, 401);
}

TEST(BoardCache, TheETagOfTheBodyTurnsARepeatInto304) {
  const HttpAnswer first = cacheable("body", "text/plain", kApiCaching, "");
  ASSERT_EQ(first.status, 200);
  const std::string etag = first.headers.at(0).second;
  EXPECT_EQ(cacheable("body", "text/plain", kApiCaching, etag).status, 304);
  EXPECT_EQ(cacheable("body", "text/plain", kApiCaching, "\"x\", W/" + etag).status, 304);
  EXPECT_EQ(cacheable("other", "text/plain", kApiCaching, etag).status, 200);
}

TEST(BoardRoutes, EveryBoardPathReachesItsEndpointWithItsNode) {
  const Router router;
  const Route page = router.route("GET", "/board/b3u2?screen=lobby");
  EXPECT_EQ(page.endpoint, Endpoint::board_page);
  EXPECT_EQ(page.node, "b3u2");
  const Route asset = router.route("GET", "/board/assets/board.css");
  EXPECT_EQ(asset.endpoint, Endpoint::board_asset);
  EXPECT_EQ(asset.file, "board.css");
  EXPECT_EQ(router.route("GET", "/board").endpoint, Endpoint::board_index);
  EXPECT_EQ(router.route("GET", "/api/v1/nodes").endpoint, Endpoint::api_nodes);
  EXPECT_EQ(router.route("GET", "/api/v1/nodes/c1/tickets/trend").endpoint, Endpoint::api_trend);
  EXPECT_EQ(router.route("GET", "/api/v1/nodes/c1/ledger/entries").endpoint, Endpoint::api_ledger_entries);
  const Route post = router.route("POST", "/api/v1/nodes/c1/ranking");
  EXPECT_FALSE(post.endpoint.has_value());
  EXPECT_EQ(post.error.status, 405);
  EXPECT_EQ(post.allow, "GET, HEAD");
  EXPECT_EQ(endpoint_route(Endpoint::api_ranking), "/api/v1/nodes/{node}/ranking");
}

}  // namespace
}  // namespace whistle::bot::board
