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

}  // namespace
}  // namespace whistle::handlers::testing
