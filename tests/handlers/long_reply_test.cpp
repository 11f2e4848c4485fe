// Long replies leave the dispatcher as several messages a platform accepts.
#include <gtest/gtest.h>

#include <map>

#include "handler_fixture.hpp"
#include "handlers/message_pack.hpp"

namespace whistle::handlers::testing {
namespace {

using LongReply = HandlerTest;

TEST_F(LongReply, AReminderToNinetyPeopleArrivesInPartsNamingEachOnce) {
  whistle_in_b3u2("社区大扫除", 90);
  std::map<std::string, std::string> name_of;
  for (int i = 1; i <= 90; ++i) {
    const std::string id = "u-v" + std::to_string(i);
    // Names as long as people's nicknames get: 90 of them make one reminder of about 2,700 bytes.
    name_of[qualified(id)] = "锦华家园志愿者" + std::to_string(i) + "号";
    say("b3u2", id, name_of[qualified(id)], read("报到 1"));
  }
  ASSERT_EQ(signups_.count(task(1).id, store::SignupState::signed_up), 90);

  std::vector<Reply> reminder;
  for (Reply& reply : run_jobs(kSaturday0900 - kHour)) {
    if (reply.chat == "generic:b3u2") reminder.push_back(std::move(reply));
  }
  ASSERT_GT(reminder.size(), 1u);
  std::size_t bytes = 0;
  for (const Reply& part : reminder)
    bytes += part.text.size();
  EXPECT_GT(bytes, kMessageLimitBytes) << "one message would have been too long";
  std::map<std::string, int> mentioned;
  std::map<std::string, int> named;
  for (const Reply& part : reminder) {
    EXPECT_LE(part.text.size(), kMessageLimitBytes);
    for (const std::string& id : part.mentions)
      ++mentioned[id];
    for (const auto& [id, name] : name_of) {
      const std::string tag = "@" + name;
      for (std::size_t at = part.text.find(tag); at != std::string::npos; at = part.text.find(tag, at + 1))
        ++named[id];
    }
  }
  EXPECT_EQ(mentioned.size(), 90u);
  EXPECT_EQ(named.size(), 90u);
  for (const auto& [id, name] : name_of) {
    EXPECT_EQ(mentioned[id], 1) << name;
    EXPECT_EQ(named[id], 1) << name;
  }
}

TEST_F(LongReply, AShortReplyKeepsItsOneMessageAndMentions) {
  whistle_in_b3u2("清理楼道杂物", 5);
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  std::vector<Reply> reminder;
  for (Reply& reply : run_jobs(kSaturday0900 - kHour)) {
    if (reply.chat == "generic:b3u2") reminder.push_back(std::move(reply));
  }
  ASSERT_EQ(reminder.size(), 1u);
  EXPECT_EQ(reminder[0].mentions, std::vector<std::string>{"generic:u-zhang"});
}

}  // namespace
}  // namespace whistle::handlers::testing
