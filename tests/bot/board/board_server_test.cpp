// The public board through the real server and a real HTTP client, over a month the real handlers
// made (board_month.cpp has the script and the hand count).
#include <gtest/gtest.h>

#include <memory>
#include <regex>

#include <nlohmann/json.hpp>

#include "bot/clock.hpp"
#include "tests/bot/board/board_month.hpp"
#include "tests/support/fake_deliver_server.hpp"
#include "tests/support/service_harness.hpp"

namespace whistle::bot::board::testing {
namespace {

using bot::testing::FakeDeliverServer;
using bot::testing::http_request;
using bot::testing::HttpResult;
using bot::testing::RunningService;
using bot::testing::TempDir;
using nlohmann::json;

constexpr const char* kToken = "board-test-token-0123456789";

class BoardServer : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    db_ = (dir_->path() / "board.db").string();
    make_month(db_);
    deliver_ = new FakeDeliverServer();
    clock_ = new FixedClock(kBoardNow);
    config::Config config = bot::testing::test_config(db_, deliver_->url());
    config.board.token = kToken;
    service_ = new RunningService(config, ServiceOptions{.clock = clock_, .handle_signals = false});
    config.board.token.clear();
    untokened_ = new RunningService(config, ServiceOptions{.clock = clock_, .handle_signals = false});
  }
  static void TearDownTestSuite() {
    delete untokened_;
    delete service_;
    delete clock_;
    delete deliver_;
    delete dir_;
  }

  static HttpResult get(const std::string& target,
                        const std::vector<std::pair<std::string, std::string>>& headers = {}) {
    return http_request(service_->port(), "GET", target, "", headers);
  }
  static json get_json(const std::string& target) {
    const HttpResult result = get(target);
    EXPECT_EQ(result.status, 200) << target << " " << result.body << result.error;
    return json::parse(result.body);
  }

  static inline TempDir* dir_ = nullptr;
  static inline std::string db_;
  static inline FakeDeliverServer* deliver_ = nullptr;
  static inline FixedClock* clock_ = nullptr;
  static inline RunningService* service_ = nullptr;
  static inline RunningService* untokened_ = nullptr;
};

// ---- figures against the hand count

TEST_F(BoardServer, TheCommunityRankingHasZhangFirstWithFifteenPointsAndLiuSecond) {
  const json ranking = get_json("/api/v1/nodes/c1/ranking");
  EXPECT_EQ(ranking.at("month"), "2026-11");
  EXPECT_EQ(ranking.at("total_people"), 2);
  ASSERT_EQ(ranking.at("people").size(), 2u);
  EXPECT_EQ(ranking["people"][0].at("name"), "张三");
  EXPECT_EQ(ranking["people"][0].at("points"), 15);
  EXPECT_EQ(ranking["people"][0].at("hours"), 2.0);
  EXPECT_EQ(ranking["people"][1].at("name"), "刘阿姨");
  EXPECT_EQ(ranking["people"][1].at("points"), 10);
  EXPECT_EQ(ranking.at("whole").at("points"), 25);
  EXPECT_EQ(ranking.at("whole").at("active"), 2);
}

TEST_F(BoardServer, TheChildrenAreComparedAndTheGridWithTheWorkLeads) {
  const json ranking = get_json("/api/v1/nodes/c1/ranking");
  ASSERT_EQ(ranking.at("children").size(), 2u);
  EXPECT_EQ(ranking["children"][0].at("id"), "g1");
  EXPECT_EQ(ranking["children"][0].at("points"), 25);
  EXPECT_EQ(ranking["children"][1].at("id"), "g2");
  EXPECT_EQ(ranking["children"][1].at("points"), 0);
}

TEST_F(BoardServer, ABuildingWithoutWorkHasAnEmptyRanking) {
  const json ranking = get_json("/api/v1/nodes/b1/ranking");
  EXPECT_EQ(ranking.at("total_people"), 0);
  EXPECT_TRUE(ranking.at("people").empty());
}

TEST_F(BoardServer, PagingSplitsTheRankingAndKeepsTheTotal) {
  const json second = get_json("/api/v1/nodes/c1/ranking?page=2&per_page=1");
  EXPECT_EQ(second.at("total_people"), 2);
  ASSERT_EQ(second.at("people").size(), 1u);
  EXPECT_EQ(second["people"][0].at("rank"), 2);
  EXPECT_EQ(second["people"][0].at("name"), "刘阿姨");
}

// A page past the last said "本月还没有人获得积分" under "共 2 人上榜", and its 上一页 led to another
// empty page (an exploratory run of the board, 2026-12-07).
TEST_F(BoardServer, APagePastTheLastSaysSoAndLeadsBackToTheLast) {
  const HttpResult page = get("/board/c1?page=9");
  ASSERT_EQ(page.status, 200);
  const std::size_t start = page.body.find("data-section=\"ranking-this-month\"");
  const std::string section = page.body.substr(start, page.body.find("</section>", start) - start);
  EXPECT_EQ(section.find("本月还没有人获得积分"), std::string::npos) << section;
  EXPECT_NE(section.find("rel=\"prev\" href=\"/board/c1?page=1\""), std::string::npos) << section;
  // Hours keep their decimal, as the chats show them.
  const HttpResult first = get("/board/c1");
  EXPECT_EQ(first.body.find("小时</span>"), std::string::npos);
  EXPECT_NE(first.body.find("平均解决用时"), std::string::npos);
}

TEST_F(BoardServer, LastMonthHasNobody) {
  EXPECT_EQ(get_json("/api/v1/nodes/c1/ranking?month=2026-10").at("total_people"), 0);
}

TEST_F(BoardServer, OnlyTheComingTaskWithPlacesLeftIsOpen) {
  const json tasks = get_json("/api/v1/nodes/c1/tasks");
  EXPECT_EQ(tasks.at("total"), 1);
  ASSERT_EQ(tasks.at("tasks").size(), 1u);
  EXPECT_EQ(tasks["tasks"][0].at("ref"), "#2");
  EXPECT_EQ(tasks["tasks"][0].at("wanted"), 4);
  EXPECT_EQ(tasks["tasks"][0].at("signed"), 1);
  EXPECT_EQ(tasks["tasks"][0].at("left"), 3);
  EXPECT_EQ(tasks["tasks"][0].at("start"), "2026-11-28T09:00");
  EXPECT_EQ(get_json("/api/v1/nodes/b3u2/tasks").at("total"), 0);
}

TEST_F(BoardServer, TicketsAreCountedByStateWithTheMonthsRates) {
  const json tickets = get_json("/api/v1/nodes/c1/tickets");
  EXPECT_EQ(tickets.at("states").at("closed"), 2);
  EXPECT_EQ(tickets.at("states").at("accepted"), 1);
  EXPECT_EQ(tickets.at("states").at("assigned"), 1);
  EXPECT_EQ(tickets.at("figures").at("received"), 4);
  EXPECT_EQ(tickets.at("figures").at("solved"), 2);
  EXPECT_EQ(tickets.at("rates").at("solve"), 0.5);
  EXPECT_EQ(tickets.at("rates").at("satisfaction"), 1.0);
  EXPECT_TRUE(tickets.at("rates").at("reopen").is_number());
}

TEST_F(BoardServer, TheTrendEndsWithThisMonth) {
  const json trend = get_json("/api/v1/nodes/c1/tickets/trend");
  ASSERT_EQ(trend.at("months").size(), 12u);
  EXPECT_EQ(trend["months"][0].at("month"), "2025-12");
  EXPECT_EQ(trend["months"][11].at("month"), "2026-11");
  EXPECT_EQ(trend["months"][11].at("received"), 4);
  EXPECT_EQ(trend["months"][11].at("solved"), 2);
  EXPECT_EQ(trend["months"][10].at("received"), 0);
}

// The wall names what kind of trouble was solved, never the resident's words: they named the
// reporter, their flat and the neighbours complained of (an exploratory run of the board, 2026-12-07).
TEST_F(BoardServer, TheEchoWallShowsTheLatestSolvedFirstWithoutTheResidentsWords) {
  const json echo = get_json("/api/v1/nodes/c1/echo");
  EXPECT_EQ(echo.at("total"), 2);
  ASSERT_EQ(echo.at("tickets").size(), 2u);
  EXPECT_EQ(echo["tickets"][0].at("ref"), "T2");
  EXPECT_EQ(echo["tickets"][1].at("ref"), "T1");
  EXPECT_EQ(echo["tickets"][1].at("solved_by"), "陈单元长");
  const std::string summary = echo["tickets"][1].at("summary").get<std::string>();
  EXPECT_EQ(summary.find("楼道灯"), std::string::npos) << summary;
  EXPECT_EQ(summary.find("138"), std::string::npos) << summary;
  EXPECT_FALSE(summary.empty());
  EXPECT_FALSE(echo["tickets"][0].contains("reporter"));
}

TEST_F(BoardServer, TheLedgerDigestIsTheChainsLastHash) {
  const json ledger = get_json("/api/v1/nodes/b3u2/ledger");
  EXPECT_EQ(ledger.at("community"), "c1");
  EXPECT_EQ(ledger.at("entries"), 3);  // two task entries and the 加分
  EXPECT_EQ(ledger.at("digest").get<std::string>().size(), 64u);
  // The export's address names this community, and a resident is given a step of their own.
  const std::string how = ledger.at("how_to_check").get<std::string>();
  EXPECT_NE(how.find("/api/v1/nodes/c1/ledger/entries"), std::string::npos) << how;
  EXPECT_EQ(how.find("{"), std::string::npos) << how;
}

// A resident holding a screenshot of the unit's own 公示 finds its digest on the unit's page; the
// community's page, and a sibling unit's, show only what their groups read.
TEST_F(BoardServer, TheLedgerListsThe公示ThisNodesGroupRead) {
  const json publications = get_json("/api/v1/nodes/b3u2/ledger").at("publications");
  ASSERT_EQ(publications.size(), 1u);
  EXPECT_EQ(publications[0].at("month"), "2026-10");
  EXPECT_EQ(publications[0].at("node"), "b3u2");
  EXPECT_EQ(publications[0].at("node_name"), "3号楼2单元");
  EXPECT_EQ(publications[0].at("digest").get<std::string>().size(), 64u);
  EXPECT_TRUE(get_json("/api/v1/nodes/c1/ledger").at("publications").empty());
  EXPECT_TRUE(get_json("/api/v1/nodes/b3u1/ledger").at("publications").empty());
  const HttpResult page = get("/board/b3u2");
  EXPECT_NE(page.body.find(publications[0].at("digest").get<std::string>()), std::string::npos);
}

TEST_F(BoardServer, TheNodesListTheDemoTreeWithParents) {
  const json nodes = get_json("/api/v1/nodes");
  bool found = false;
  for (const json& node : nodes.at("nodes")) {
    if (node.at("id") == "c1") {
      EXPECT_TRUE(node.at("parent").is_null());
    }
    if (node.at("id") == "b3u2") {
      found = true;
      EXPECT_EQ(node.at("parent"), "b3");
      EXPECT_EQ(node.at("level"), "unit");
    }
  }
  EXPECT_TRUE(found);
}

// ---- the page

TEST_F(BoardServer, ThePageCarriesEverySectionAndTheRawFigures) {
  const HttpResult page = get("/board/c1");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.headers.at("content-type"), "text/html; charset=utf-8");
  for (const char* section : {"ranking-this-month", "ranking-last-month", "children-this-month", "open-tasks",
                              "tickets", "trend", "echo", "ledger"}) {
    EXPECT_NE(page.body.find(std::string("data-section=\"") + section + "\""), std::string::npos) << section;
  }
  EXPECT_NE(page.body.find("<tr data-name=\"张三\"><td><span data-value=\"1\">"), std::string::npos);
  EXPECT_NE(page.body.find("<li data-ref=\"#2\">"), std::string::npos);
  EXPECT_NE(page.body.find("<li data-ref=\"T1\">"), std::string::npos);
  EXPECT_NE(page.body.find("data-month=\"2026-11\" data-received=\"4\""), std::string::npos);
  EXPECT_NE(page.body.find("data-month=\"2026-11\" data-solved=\"2\""), std::string::npos);
  EXPECT_NE(page.body.find("<meta http-equiv=\"refresh\" content=\"300\">"), std::string::npos);
  EXPECT_NE(page.body.find("更新于 <time>12:00</time>"), std::string::npos);
}

TEST_F(BoardServer, AUnitPageHasNoChildrenSectionAndTheLobbyRefreshesEveryMinute) {
  const HttpResult page = get("/board/b3u2?screen=lobby");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("data-section=\"children-this-month\""), std::string::npos);
  EXPECT_NE(page.body.find("<body class=\"lobby\">"), std::string::npos);
  EXPECT_NE(page.body.find("content=\"60\""), std::string::npos);
  // The path reads from the community down to the unit, which is named last (not a link).
  const std::size_t nav = page.body.find("<nav class=\"path\">");
  ASSERT_NE(nav, std::string::npos);
  const std::size_t community = page.body.find("href=\"/board/c1\"", nav);
  const std::size_t building = page.body.find("href=\"/board/b3\"", nav);
  ASSERT_NE(community, std::string::npos);
  ASSERT_NE(building, std::string::npos);
  EXPECT_LT(community, building);
  EXPECT_EQ(page.body.find("href=\"/board/b3u2\"", nav), std::string::npos);
}

TEST_F(BoardServer, ATitleWithMarkupIsEscapedEverywhere) {
  for (const char* target : {"/board/c1", "/board/b3u2", "/api/v1/nodes/c1/echo"}) {
    EXPECT_EQ(get(target).body.find("<script>"), std::string::npos) << target;
  }
}

TEST_F(BoardServer, AnUnknownNodeIsAChinesePageWithALinkToTheIndex) {
  const HttpResult page = get("/board/nowhere");
  EXPECT_EQ(page.status, 404);
  EXPECT_NE(page.body.find("href=\"/board\""), std::string::npos);
  EXPECT_EQ(get("/api/v1/nodes/nowhere/ranking").status, 404);
}

TEST_F(BoardServer, TheIndexLinksEveryNode) {
  const HttpResult index = get("/board");
  ASSERT_EQ(index.status, 200);
  for (const char* node : {"c1", "g1", "b3", "b3u2"})
    EXPECT_NE(index.body.find(std::string("href=\"/board/") + node + "\""), std::string::npos) << node;
}

TEST_F(BoardServer, TheStylesheetIsEmbeddedAndCachedForADay) {
  const HttpResult css = get("/board/assets/board.css");
  ASSERT_EQ(css.status, 200);
  EXPECT_EQ(css.headers.at("cache-control"), "public, max-age=86400");
  EXPECT_NE(css.body.find("body.lobby"), std::string::npos);
  EXPECT_EQ(get("/board/assets/nothing.js").status, 404);
}

// ---- privacy: what leaves the server

TEST_F(BoardServer, NoPublicAnswerCarriesAnIdAPhoneOrThePrivateReporter) {
  const std::regex phone("1[3-9][0-9]{9}");
  for (const char* target :
       {"/board", "/board/c1", "/board/g1", "/board/b3", "/board/b3u2", "/board/b3u2?screen=lobby",
        "/api/v1/nodes", "/api/v1/nodes/c1/ranking", "/api/v1/nodes/b3u2/ranking", "/api/v1/nodes/c1/tasks",
        "/api/v1/nodes/c1/tickets", "/api/v1/nodes/c1/tickets/trend", "/api/v1/nodes/c1/echo",
        "/api/v1/nodes/b3u2/echo", "/api/v1/nodes/c1/ledger"}) {
    const HttpResult answer = get(target);
    ASSERT_EQ(answer.status, 200) << target;
    EXPECT_EQ(answer.body.find("generic:"), std::string::npos) << target;
    EXPECT_EQ(answer.body.find("u-zhang"), std::string::npos) << target;
    EXPECT_EQ(answer.body.find("u-mi"), std::string::npos) << target;
    EXPECT_EQ(answer.body.find(kPrivateReporter), std::string::npos) << target;
    EXPECT_FALSE(std::regex_search(answer.body, phone)) << target;
  }
}

// ---- caching

TEST_F(BoardServer, ARepeatedRequestWithItsETagIsA304WithoutABody) {
  const HttpResult first = get("/api/v1/nodes/c1/ranking");
  ASSERT_EQ(first.status, 200);
  const std::string etag = first.headers.at("etag");
  EXPECT_TRUE(etag.starts_with("\"")) << "a strong ETag: " << etag;
  EXPECT_EQ(first.headers.at("cache-control"), "public, max-age=30");
  const HttpResult again = get("/api/v1/nodes/c1/ranking", {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(get("/api/v1/nodes/c1/ranking", {{"If-None-Match", "\"other\""}}).status, 200);
}

TEST_F(BoardServer, DifferentAnswersHaveDifferentETags) {
  EXPECT_NE(get("/api/v1/nodes/c1/ranking").headers.at("etag"),
            get("/api/v1/nodes/b1/ranking").headers.at("etag"));
}

// ---- the officials' exports

TEST_F(BoardServer, TheReportNeedsTheToken) {
  const HttpResult none = get("/api/v1/nodes/c1/report?month=2026-11");
  EXPECT_EQ(none.status, 401);
  EXPECT_EQ(none.headers.at("www-authenticate"), "Bearer");
  EXPECT_EQ(get("/api/v1/nodes/c1/report", {{"Authorization", "Bearer wrong"}}).status, 401);
  const HttpResult report = get("/api/v1/nodes/c1/report?month=2026-11&format=json",
                                {{"Authorization", std::string("Bearer ") + kToken}});
  ASSERT_EQ(report.status, 200) << report.body;
  EXPECT_EQ(report.headers.at("cache-control"), "no-store");
  EXPECT_TRUE(json::accept(report.body)) << report.body;
  const HttpResult csv = get("/api/v1/nodes/c1/report?month=2026-11&format=csv",
                             {{"Authorization", std::string("Bearer ") + kToken}});
  EXPECT_EQ(csv.status, 200);
  EXPECT_EQ(csv.headers.at("content-type"), "text/csv; charset=utf-8");
}

TEST_F(BoardServer, TheLedgerEntriesExportChainsItsHashes) {
  const HttpResult answer = get("/api/v1/nodes/c1/ledger/entries?month=2026-11",
                                {{"Authorization", std::string("Bearer ") + kToken}});
  ASSERT_EQ(answer.status, 200) << answer.body;
  const json entries = json::parse(answer.body).at("entries");
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[1].at("prev_hash"), entries[0].at("hash"));
  EXPECT_EQ(entries[2].at("hash"), get_json("/api/v1/nodes/c1/ledger").at("digest"));
}

TEST_F(BoardServer, WithoutAConfiguredTokenTheExportsDoNotExist) {
  const HttpResult answer = http_request(untokened_->port(), "GET", "/api/v1/nodes/c1/report", "",
                                         {{"Authorization", "Bearer anything"}});
  EXPECT_EQ(answer.status, 404);
  EXPECT_EQ(http_request(untokened_->port(), "GET", "/api/v1/nodes/c1/ranking", "").status, 200);
}

// ---- bad requests

TEST_F(BoardServer, BadParametersAre400sThatNameTheParameter) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"/api/v1/nodes/c1/ranking?month=2026-13", "month"},
      {"/api/v1/nodes/c1/ranking?page=0", "page"},
      {"/api/v1/nodes/c1/ranking?per_page=1000", "per_page"},
      {"/api/v1/nodes/c1/tasks?page=x", "page"},
      {"/board/c1?screen=tv", "screen"},
  };
  for (const auto& [target, parameter] : cases) {
    const HttpResult answer = get(target);
    EXPECT_EQ(answer.status, 400) << target;
    EXPECT_NE(answer.body.find(parameter), std::string::npos) << answer.body;
  }
}

TEST_F(BoardServer, APageWithABadAddressIsAChinesePageAndErrorsAreNotCached) {
  for (const char* target : {"/board/c1?page=0", "/board?screen=tv", "/board/%zz"}) {
    const HttpResult answer = get(target);
    EXPECT_EQ(answer.status, 400) << target;
    EXPECT_EQ(answer.headers.at("content-type"), "text/html; charset=utf-8") << target;
    EXPECT_NE(answer.body.find("href=\"/board\""), std::string::npos) << answer.body;
    EXPECT_EQ(answer.headers.at("cache-control"), "no-store") << target;
    // The reason too is in Chinese: a resident mistyped the link (an exploratory run of the board).
    EXPECT_EQ(answer.body.find("bad "), std::string::npos) << answer.body;
    EXPECT_EQ(answer.body.find("malformed"), std::string::npos) << answer.body;
  }
  for (const char* target : {"/board/nowhere", "/api/v1/nodes/nowhere/ranking", "/board/assets/nothing.js"}) {
    const HttpResult answer = get(target);
    EXPECT_EQ(answer.status, 404) << target;
    EXPECT_EQ(answer.headers.at("cache-control"), "no-store") << target;
  }
}

TEST_F(BoardServer, TheServersRootAndATrailingSlashFindTheBoard) {
  const HttpResult root = get("/");
  ASSERT_EQ(root.status, 200);
  EXPECT_NE(root.body.find("href=\"/board/c1\""), std::string::npos);
  EXPECT_EQ(get("/board/b3u2/").status, 200);
}

TEST_F(BoardServer, OnlyGetIsAllowed) {
  const HttpResult answer = http_request(service_->port(), "POST", "/board/c1", "x");
  EXPECT_EQ(answer.status, 405);
  EXPECT_EQ(answer.headers.at("allow"), "GET, HEAD");  // HEAD is GET without the body
}

TEST(BoardInMemory, AnInMemoryDatabaseIsAnswered503WithTheReason) {
  FakeDeliverServer deliver;
  RunningService service(bot::testing::test_config(":memory:", deliver.url()));
  const HttpResult answer = http_request(service.port(), "GET", "/board/c1", "");
  EXPECT_EQ(answer.status, 503);
  EXPECT_NE(answer.body.find("in-memory"), std::string::npos) << answer.body;
}

}  // namespace
}  // namespace whistle::bot::board::testing
