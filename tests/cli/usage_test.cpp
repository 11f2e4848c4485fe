// What an operator meets first: help, the version, and a usage error's message.
#include <gtest/gtest.h>

#include <string>

#include "whistle_process.hpp"

namespace {

using whistle::cli_testing::run_whistle;
using whistle::cli_testing::Stderr;

TEST(Usage, HelpAskedAnywhereIsAnAnswerOnStandardOutput) {
  for (const std::string arguments : {"--help", "-h", "help", "serve --help", "report --month 2026-11 -h"}) {
    const auto run = run_whistle(arguments);
    EXPECT_EQ(run.exit_code, 0) << arguments;
    EXPECT_NE(run.out.find("usage: whistle"), std::string::npos) << arguments << ": " << run.out;
  }
}

TEST(Usage, AfterADoubleDashHelpIsTextToParse) {
  const auto run = run_whistle("parse -- --help");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("\"text\":\"--help\""), std::string::npos) << run.out;
}

TEST(Usage, TheVersionIsPrinted) {
  const auto run = run_whistle("--version");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out.rfind("whistle ", 0), 0u) << run.out;
  EXPECT_GT(run.out.size(), std::string("whistle \n").size()) << run.out;
}

TEST(Usage, AUsageErrorNamesTheProgramOnce) {
  const auto run = run_whistle("parse", Stderr::merged);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.out.find("whistle: parse needs the text"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("whistle: whistle"), std::string::npos) << run.out;
}

}  // namespace
