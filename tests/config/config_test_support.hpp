#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>

#include <unistd.h>

#include "config/config.hpp"

namespace whistle::config::testing {

/// The file name the tests parse under, so every message can be checked for it.
inline constexpr std::string_view kSource = "/srv/whistle/test-config.toml";

/// The message of the Error that parsing `toml` throws; an empty string (and a test failure) when
/// the text is accepted.
inline std::string refusal(std::string_view toml, std::string_view source = kSource) {
  try {
    parse_config(toml, std::filesystem::path(source));
  } catch (const Error& error) {
    return error.what();
  }
  ADD_FAILURE() << "the configuration was accepted:\n" << toml;
  return {};
}

/// Matches a refusal that names the test file, the key and the reason.
inline ::testing::Matcher<std::string> names(std::string_view key, std::string_view reason,
                                             std::string_view source = kSource) {
  return ::testing::AllOf(::testing::HasSubstr(std::string(source)), ::testing::HasSubstr(std::string(key)),
                          ::testing::HasSubstr(std::string(reason)));
}

/// A community node, the smallest org most tests start from.
inline constexpr std::string_view kCommunity = R"(
[[node]]
id = "c1"
level = "community"
name = "锦华家园社区"
chats = ["generic:c1"]
leaders = ["generic:u-wang"]
)";

/// Sets an environment variable for one test and restores it after.
class ScopedEnv {
 public:
  ScopedEnv(std::string name, const char* value) : name_(std::move(name)) {
    if (const char* old = std::getenv(name_.c_str())) old_ = old;
    if (value != nullptr) {
      ::setenv(name_.c_str(), value, 1);
    } else {
      ::unsetenv(name_.c_str());
    }
  }
  ~ScopedEnv() {
    if (old_) {
      ::setenv(name_.c_str(), old_->c_str(), 1);
    } else {
      ::unsetenv(name_.c_str());
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  std::string name_;
  std::optional<std::string> old_;
};

/// A fresh directory for one test (named after it, so parallel tests do not meet), removed after.
class TempDir {
 public:
  TempDir() {
    const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ =
        std::filesystem::temp_directory_path() / ("whistle-config-" + std::string(test->test_suite_name()) +
                                                  "-" + test->name() + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  /// Writes `text` to `name` in the directory and returns its path.
  std::filesystem::path write(const std::string& name, std::string_view text) const {
    const std::filesystem::path file = path_ / name;
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace whistle::config::testing
