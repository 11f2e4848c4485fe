#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

namespace whistle::bot::testing {

/// A program started by a test, with its standard output readable line by line and its standard
/// error written to a file. Killed (SIGKILL) on destruction if still running.
class ChildProcess {
 public:
  /// Starts `program` with `arguments`; throws std::runtime_error when it cannot.
  ChildProcess(const std::string& program, const std::vector<std::string>& arguments,
               const std::filesystem::path& stderr_file);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  /// The next line of standard output; empty when the deadline passed or the output ended first.
  std::optional<std::string> read_line(std::chrono::milliseconds deadline);

  /// Closes the reading end of its standard output, as a terminal or a log pipe that goes away.
  void close_stdout();

  /// Sends a signal.
  void signal(int signal_number);

  /// Waits for the process to end and returns its raw wait status; empty if the deadline passed.
  std::optional<int> wait(std::chrono::milliseconds deadline);

 private:
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  std::string pending_;
  bool reaped_ = false;
};

/// Starts `whistle serve --config <file>` and reads the port from its "whistle: listening on
/// http://127.0.0.1:<port>" line; the port is 0 if that line did not come within 30 s.
struct ServeProcess {
  std::unique_ptr<ChildProcess> process;
  std::uint16_t port = 0;
  std::string listening_on;  ///< "127.0.0.1:38211", "[::1]:38211"
};
ServeProcess start_serve(const std::filesystem::path& config_file, const std::filesystem::path& stderr_file);

/// Starts `whistle serve <arguments>` and reads the port from its "whistle: listening on
/// http://<host>:<port>" line (an IPv6 host in brackets); port 0 if it did not come within 30 s.
ServeProcess start_serve_with(const std::vector<std::string>& arguments,
                              const std::filesystem::path& stderr_file);

}  // namespace whistle::bot::testing
