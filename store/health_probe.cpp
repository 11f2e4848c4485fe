#include "store/health_probe.hpp"

#include <SQLiteCpp/Database.h>

#include <exception>

namespace whistle::store {

namespace {

// Reads the schema table, so the file, its header and the WAL index are all touched.
constexpr const char* kProbe = "SELECT count(*) FROM sqlite_schema";
constexpr int kBusyTimeoutMs = 1000;

}  // namespace

HealthProbe::HealthProbe(std::string path) : path_(std::move(path)) {}

HealthProbe::~HealthProbe() = default;

bool HealthProbe::answers() {
  if (path_ == ":memory:") return true;
  const std::lock_guard lock(mutex_);
  try {
    if (!db_) {
      db_ = std::make_unique<SQLite::Database>(path_, SQLite::OPEN_READONLY, kBusyTimeoutMs);
    }
    db_->execAndGet(kProbe);
    return true;
  } catch (const std::exception&) {
    // Reopened on the next probe: the file may have been replaced or come back.
    db_.reset();
    return false;
  }
}

}  // namespace whistle::store
