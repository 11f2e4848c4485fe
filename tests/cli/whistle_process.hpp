#pragma once

// Runs the real `whistle` binary (WHISTLE_BINARY, set by tests/cli/CMakeLists.txt) as a user would,
// for the tests that drive it from outside.
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace whistle::cli_testing {

struct ProcessRun {
  int exit_code = -1;
  std::string out;  ///< standard output, and standard error too when merged
};

/// What becomes of the binary's standard error: dropped (the output is parsed, CSV or JSON) or
/// merged into `out` (the test reads messages).
enum class Stderr { dropped, merged };

/// `whistle <arguments>` with `input` on standard input; waits for it to exit.
inline ProcessRun run_whistle(const std::string& arguments, Stderr stderr_mode = Stderr::dropped,
                              const std::string& input = "") {
  const auto input_file = std::filesystem::temp_directory_path() /
                          ("whistle-process-in-" + std::to_string(::getpid()) + ".jsonl");
  std::ofstream(input_file) << input;
  const std::string command = std::string(WHISTLE_BINARY) + " " + arguments + " < " + input_file.string() +
                              (stderr_mode == Stderr::merged ? " 2>&1" : " 2>/dev/null");
  ProcessRun run;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe != nullptr) {
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
      run.out.append(buffer.data(), n);
    const int status = ::pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  std::filesystem::remove(input_file);
  return run;
}

}  // namespace whistle::cli_testing
