#pragma once

#include <memory>
#include <string>

#include <spdlog/logger.h>

namespace whistle::bot {

/// The named logger (`http`, `pipeline`, `outbox`, ...): the one registered under that name if the
/// program set one up, else a new one writing to standard error. Call once per component and keep
/// the pointer (the registry lookup takes a lock).
std::shared_ptr<spdlog::logger> named_logger(const std::string& name);

/// The `http` logger, looked up once: for code with no member of its own to keep a logger in.
spdlog::logger& http_log();

}  // namespace whistle::bot
