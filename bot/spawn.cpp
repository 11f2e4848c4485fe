#include "bot/spawn.hpp"

#include <spdlog/logger.h>

namespace whistle::bot {

void LogEscapedException::operator()(std::exception_ptr error) const {
  if (!error) return;
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    log->error("{} failed: {}", task, e.what());
  } catch (...) {
    log->error("{} failed with an unknown exception", task);
  }
}

}  // namespace whistle::bot
