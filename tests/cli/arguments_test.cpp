#include "bot/cli/arguments.hpp"

#include <gtest/gtest.h>

namespace whistle::bot {
namespace {

TEST(Arguments, OptionsTakeTheNextWordOrAnEqualsValue) {
  const char* argv[] = {"whistle", "chat", "--chat", "b3u2", "--as=u-zhang", "hello"};
  Arguments a = parse_arguments(6, const_cast<char**>(argv), 2, {"--chat", "--as"});
  EXPECT_EQ(a.get("--chat"), "b3u2");
  EXPECT_EQ(a.get("--as"), "u-zhang");
  EXPECT_EQ(a.positional, std::vector<std::string>{"hello"});
  EXPECT_FALSE(a.get("--db").has_value());
}

TEST(Arguments, AnUnknownOptionOrAMissingValueIsAUsageError) {
  const char* unknown[] = {"whistle", "sim", "--dbb", "x"};
  EXPECT_THROW(parse_arguments(4, const_cast<char**>(unknown), 2, {"--db"}), UsageError);
  const char* missing[] = {"whistle", "sim", "--db"};
  EXPECT_THROW(parse_arguments(3, const_cast<char**>(missing), 2, {"--db"}), UsageError);
}

TEST(Arguments, AnUnknownOptionLastIsNamedAsUnknownWithTheOnesThatExist) {
  const char* argv[] = {"whistle", "serve", "--bogus"};
  try {
    parse_arguments(3, const_cast<char**>(argv), 2, {"--config", "--db"});
    ADD_FAILURE() << "accepted --bogus";
  } catch (const UsageError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("unknown option --bogus"), std::string::npos) << message;
    EXPECT_NE(message.find("--config, --db"), std::string::npos) << message;
  }
}

TEST(Arguments, DoubleDashEndsTheOptions) {
  const char* argv[] = {"whistle", "parse", "--", "--at", "x"};
  Arguments a = parse_arguments(5, const_cast<char**>(argv), 2, {"--at"});
  EXPECT_FALSE(a.get("--at").has_value());
  EXPECT_EQ(a.positional, (std::vector<std::string>{"--at", "x"}));
}

}  // namespace
}  // namespace whistle::bot
