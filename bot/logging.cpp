#include "bot/logging.hpp"

#include <mutex>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace whistle::bot {

std::shared_ptr<spdlog::logger> named_logger(const std::string& name) {
  // Two components may ask for the same name at once (threads > 1); registering twice would throw.
  static std::mutex mutex;
  const std::lock_guard lock(mutex);
  if (auto existing = spdlog::get(name)) return existing;
  // Standard error, so that standard output stays for what the CLI prints (the listening line).
  return spdlog::stderr_color_mt(name);
}

spdlog::logger& http_log() {
  static const std::shared_ptr<spdlog::logger> logger = named_logger("http");
  return *logger;
}

}  // namespace whistle::bot
