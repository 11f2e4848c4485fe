// libFuzzer target: the config loader on any TOML text. Bad input must end in config::Error (the
// message a user sees as "bad configuration: file:line:col: key: reason"); any other exception, a
// crash, a hang or a sanitizer report is a finding.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>

#include "config/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    // A folder that does not exist: an org_csv named by a relative path is simply missing.
    const whistle::config::Config config =
        whistle::config::parse_config(text, std::filesystem::path("/nonexistent-fuzz-dir/whistle.toml"));
    (void)config;
  } catch (const whistle::config::Error&) {
    // The documented answer to a bad file.
  }
  return 0;
}
