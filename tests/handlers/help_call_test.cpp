#include <gtest/gtest.h>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

using HelpCall = HandlerTest;

// The jobs due at `now`, in the given chat only (the reminder and the call may fall together).
std::vector<Reply> in_chat(const std::vector<Reply>& replies, const std::string& chat) {
  std::vector<Reply> found;
  for (const Reply& reply : replies) {
    if (reply.chat == chat) found.push_back(reply);
  }
  return found;
}

TEST_F(HelpCall, EmptyPlacesAtTheLeadTimeCallTheParentGroup) {
  whistle_in_b3u2("清理楼道杂物", 5);
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  EXPECT_TRUE(run_jobs(kSaturday0900 - 12 * kHour - 1).empty());
  const std::vector<Reply> replies = run_jobs(kSaturday0900 - 12 * kHour);
  // b3u2's parent is 3号楼 (chat b3).
  ASSERT_EQ(chats_of(replies), std::vector<std::string>{"generic:b3"});
  EXPECT_EQ(replies[0].text, rendered("help_call", {{"task", "1"},
                                                    {"node", "3号楼2单元"},
                                                    {"title", "清理楼道杂物"},
                                                    {"when", "11月28日(周六) 09:00–11:00"},
                                                    {"missing", "4"},
                                                    {"count", "1/5"}}));
}

// Run after the start (the server was down at its time), the call would ask the parent group to come
// to a task already under way.
TEST_F(HelpCall, RunAfterTheStartItCallsNobody) {
  whistle_in_b3u2("清理楼道杂物", 5);
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  EXPECT_TRUE(in_chat(run_jobs(kSaturday0900 + 30 * 60), "generic:b3").empty());
}

TEST_F(HelpCall, ATaskFullBeforeTheLeadTimeCallsNobody) {
  whistle_in_b3u2("清理楼道杂物", 1);
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  EXPECT_TRUE(in_chat(run_jobs(kSaturday0900 - 12 * kHour), "generic:b3").empty());
}

TEST_F(HelpCall, ZeroLeadHoursTurnsTheCallOff) {
  config_.rules.help_lead_hours = 0;
  whistle_in_b3u2("清理楼道杂物", 5);
  EXPECT_TRUE(in_chat(run_jobs(kSaturday0900), "generic:b3").empty());
}

TEST_F(HelpCall, ACancelledTaskCallsNobody) {
  whistle_in_b3u2("清理楼道杂物", 5);
  say("b3u2", "u-chen", "陈单元长", read("撤销 1"));
  EXPECT_TRUE(run_jobs(kSaturday0900).empty());
}

TEST_F(HelpCall, ACallThatWouldFallInTheNightGoesOutAtNineTheEveningBefore) {
  // A 14:00 start, 12 hours ahead: 02:00 Saturday. The call goes out at 21:00 Friday instead.
  const std::int64_t saturday_1400 = kSaturday0900 + 5 * kHour;
  const std::int64_t friday_2100 = kSaturday0900 - 12 * kHour;
  whistle_in_b3u2("清理楼道杂物", 5, saturday_1400);
  EXPECT_TRUE(in_chat(run_jobs(friday_2100 - 1), "generic:b3").empty());
  EXPECT_EQ(in_chat(run_jobs(friday_2100), "generic:b3").size(), 1u);
  const std::int64_t saturday_0200 = kSaturday0900 - 7 * kHour;
  EXPECT_TRUE(in_chat(run_jobs(saturday_0200), "generic:b3").empty()) << "called once, not again at 02:00";
}

// The call asks for "报到 1": in the group it went to, a bare 报到 must find that task, and the
// points count for that group's node.
TEST_F(HelpCall, TheGroupCalledOnTakesABareReportInForTheTask) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 5);
  ASSERT_EQ(in_chat(run_jobs(kSaturday0900 - 12 * kHour), "generic:b3").size(), 1u);
  const std::vector<Reply> replies = say("b3", "u-liu", "刘阿姨", read("报到"), kSaturday0900 - 11 * kHour);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].chat, "generic:b3");
  EXPECT_EQ(signup_state(number, "u-liu"), store::SignupState::signed_up);
}

TEST_F(HelpCall, WhistledLateInTheEveningTheNightCallWaitsForSeven) {
  const std::int64_t saturday_1400 = kSaturday0900 + 5 * kHour;
  const std::int64_t friday_2130 = kSaturday0900 - 11 * kHour - 30 * 60;
  const std::int64_t saturday_0700 = kSaturday0900 - 2 * kHour;
  say("b3u2", "u-chen", "陈单元长",
      whistle_command("清理楼道杂物", 5, saturday_1400, saturday_1400 + 2 * kHour), friday_2130);
  EXPECT_TRUE(in_chat(run_jobs(saturday_0700 - 1), "generic:b3").empty());
  EXPECT_EQ(in_chat(run_jobs(saturday_0700), "generic:b3").size(), 1u);
}

}  // namespace
}  // namespace whistle::handlers::testing
