#include <gtest/gtest.h>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

using ReportInNode = HandlerTest;

TEST_F(ReportInNode, ASignupKeepsTheNodeOfTheChatWhereThePersonReportedIn) {
  // 钱楼栋长 whistles in 3号楼 and sends it down to both unit groups.
  say("b3", "u-qian", "钱楼栋长", read("吹哨 下发 清扫积雪 10人 周六上午9点 2小时"));
  const std::int64_t id = task(1).id;
  ASSERT_EQ(task(1).node, "b3");
  say("b3u1", "u-zhang", "张三", read("报到 1"));
  say("b3u2", "u-lisi", "李四", read("报到 1"));
  say_privately("u-wangwu", "王五", read("报到 1"));

  EXPECT_EQ(signups_.find(id, qualified("u-zhang"))->node, "b3u1");
  EXPECT_EQ(signups_.find(id, qualified("u-lisi"))->node, "b3u2");
  // From a private chat there is no chat node: the task's node counts.
  EXPECT_FALSE(signups_.find(id, qualified("u-wangwu"))->node.has_value());

  // Check-in carries it onto the attendance row.
  say("b3u1", "u-zhang", "张三", read("签到 1"), kSaturday0900);
  say_privately("u-wangwu", "王五", read("签到 1"), kSaturday0900);
  EXPECT_EQ(attendance_.find(id, qualified("u-zhang"))->node, "b3u1");
  EXPECT_EQ(attendance_.find(id, qualified("u-wangwu"))->node, "b3");
}

// A task whistled in the building's group only, sent down afterwards: "下发 1" was silence, and the
// units' 报到 answered that nothing was open (an exploratory run of an urgent night, 2026-12-06).
TEST_F(ReportInNode, ATaskSentDownLaterIsPostedInTheGroupsBelowOnce) {
  say("b3", "u-qian", "钱楼栋长", read("吹哨 清扫积雪 10人 周六上午9点 2小时"));
  const std::int64_t id = task(1).id;
  ASSERT_EQ(tasks_.posted_chats(id), std::vector<std::string>{"generic:b3"});

  const std::vector<Reply> sent = say("b3", "u-qian", "钱楼栋长", read("下发 1 请各单元长组织报名"));
  EXPECT_EQ(tasks_.posted_chats(id),
            (std::vector<std::string>{"generic:b3", "generic:b3u1", "generic:b3u2"}));
  std::vector<std::string> chats;
  for (const Reply& reply : sent)
    chats.push_back(reply.chat);
  EXPECT_EQ(chats, (std::vector<std::string>{"generic:b3", "generic:b3u1", "generic:b3u2"}));
  ASSERT_EQ(sent.size(), 3u);
  EXPECT_TRUE(contains(sent[1].text, "清扫积雪")) << sent[1].text;
  EXPECT_TRUE(contains(sent[1].text, "请各单元长组织报名")) << sent[1].text;

  // Sent again: nothing new to post.
  const std::vector<Reply> again = say("b3", "u-qian", "钱楼栋长", read("1号下发到各单元"));
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].chat, "generic:b3");
  EXPECT_EQ(tasks_.posted_chats(id).size(), 3u);

  // Only whoever may close the task sends it down.
  const std::vector<Reply> refused = say("b3u2", "u-zhang", "张三", read("下发 1"));
  EXPECT_EQ(tasks_.posted_chats(id).size(), 3u);
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_TRUE(contains(refused[0].text, "钱楼栋长")) << refused[0].text;

  say("b3u2", "u-lisi", "李四", read("报到"));
  EXPECT_EQ(signups_.find(id, qualified("u-lisi"))->node, "b3u2");
}

}  // namespace
}  // namespace whistle::handlers::testing
