#include "handlers/message.hpp"

#include <gtest/gtest.h>

namespace whistle::handlers {
namespace {

TEST(QualifiedIds, ThePlatformIsWhatComesBeforeTheFirstColon) {
  EXPECT_EQ(platform_of("generic:b3u2"), "generic");
  EXPECT_EQ(platform_of("wecom:wr:abc"), "wecom");
  EXPECT_EQ(platform_of("b3u2"), "");
}

TEST(QualifiedIds, TheLocalPartIsWhatComesAfterIt) {
  EXPECT_EQ(local_part("generic:u-zhang"), "u-zhang");
  EXPECT_EQ(local_part("wecom:wr:abc"), "wr:abc");
  EXPECT_EQ(local_part("u-zhang"), "u-zhang");
  EXPECT_EQ(local_part_view("generic:u-zhang"), "u-zhang");
  EXPECT_EQ(local_part_view("wecom:wr:abc"), "wr:abc");
  EXPECT_EQ(local_part_view("u-zhang"), "u-zhang");
}

TEST(QualifiedIds, APrivateChatIsThePersonWithAnAt) {
  EXPECT_EQ(private_chat_of("generic:u-zhang"), "generic:@u-zhang");
  EXPECT_EQ(private_chat_of("telegram:12345"), "telegram:@12345");
}

}  // namespace
}  // namespace whistle::handlers
