#pragma once

#include <exception>
#include <memory>
#include <string>

namespace spdlog {
class logger;
}

namespace whistle::bot {

/// The completion handler every `co_spawn` gets: an exception that escaped the coroutine is a bug
/// or an infrastructure failure, so it is logged as an error instead of vanishing or terminating.
struct LogEscapedException {
  std::shared_ptr<spdlog::logger> log;
  std::string task;  ///< what the coroutine was doing ("session", "outbox sender")

  /// Logs `error` if there is one.
  void operator()(std::exception_ptr error) const;
};

}  // namespace whistle::bot
