// Renters, landlords and newcomers (an exploratory run, stop 70): a landlord's "想看房的扣1" and a
// tenants' register filled a fire-safety check's places, and a pasted 流动人口 drive with its 下发 after
// the 备注 line stayed in the community's group.

#include <gtest/gtest.h>

#include <algorithm>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

class Renters : public HandlerTest {};

TEST_F(Renters, NumbersAnsweringAnAdOrANoticeSignNobodyUpButALeadersCallDoes) {
  const std::int64_t number = whistle_in_b3u2("出租屋消防安全检查", 4);
  std::int64_t at = kMonday0900 + 60;
  const auto line = [&](const std::string& sender, const std::string& text) {
    say("b3u2", sender, "", read(text, at), at);
    at += 60;
  };
  line("u-landlord", "502次卧出租 1000一个月 想看房的扣1");
  line("u-t1", "1");
  line("u-landlord", "有意的私我 +1就行");
  line("u-t2", "+1");
  line("u-landlord", "拼车回老家的扣1 腊月二十八走");
  line("u-t3", "1");
  line("u-x4", "各位业主 燃气安全检查今天进行 收到请回复1");
  line("u-t4", "+1");
  line("u-t5", "收到1");
  for (const char* tenant : {"u-t1", "u-t2", "u-t3", "u-t4", "u-t5"})
    EXPECT_FALSE(signup_state(number, tenant).has_value()) << tenant;
  line("u-chen", "明天检查 能来的扣1");
  line("u-t6", "1");
  EXPECT_EQ(signup_state(number, "u-t6"), store::SignupState::signed_up);
}

TEST_F(Renters, RegistersOfResidentsAndFlatsAreNoSignUpsButAVolunteersListIs) {
  const std::int64_t number = whistle_in_b3u2("出租屋消防安全检查", 8);
  std::int64_t at = kMonday0900 + 60;
  int n = 0;
  for (const char* list :
       {"接龙 看房登记\n1. 王先生\n2. 小李", "接龙 新住户信息登记\n1. 小王 602\n2. 小赵 502",
        "流动人口登记\n1. 张三 3-2-101\n2. 李四 3-2-102", "接龙 门禁卡办理\n1. 小王\n2. 小赵",
        "出租屋登记接龙\n1. 何大爷 301 出租1间"}) {
    const std::string sender = "u-r" + std::to_string(++n);
    say("b3u2", sender, "", read(list, at), at);
    EXPECT_FALSE(signup_state(number, sender).has_value()) << list;
    at += 60;
  }
  say("b3u2", "u-v1", "", read("接龙 出租屋消防检查志愿者\n1. 小周", at), at);
  EXPECT_EQ(signup_state(number, "u-v1"), store::SignupState::signed_up);
}

TEST_F(Renters, APastedFormsSendDownAfterItsNoteSendsTheTaskDown) {
  const std::vector<Reply> replies = say("c1", "u-wang", "王书记",
                                         read("吹哨\n事项：流动人口信息采集\n时间：1月3日上午9:00-11:"
                                              "30\n人数：每栋2人\n积分：每人15分\n备注：请带好手机，"
                                              "扫码登记\n下发"));
  for (const char* below : {"generic:b3", "generic:b3u2", "generic:g1"}) {
    EXPECT_TRUE(std::any_of(replies.begin(), replies.end(), [&](const Reply& reply) {
      return reply.chat == below;
    })) << below;
  }
}

}  // namespace
}  // namespace whistle::handlers::testing
