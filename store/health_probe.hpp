#pragma once

#include <memory>
#include <mutex>
#include <string>

namespace SQLite {
class Database;
}

namespace whistle::store {

/// Tells whether the database answers, through a read-only connection of its own, so /healthz
/// never waits behind the writer's batch and never writes. Thread-safe.
class HealthProbe {
 public:
  /// Probes the database file at `path`; the connection is opened on the first probe.
  explicit HealthProbe(std::string path);
  ~HealthProbe();

  /// Whether a read of the schema succeeds now (within about a second); never throws. An
  /// in-memory database lives inside its writer's connection, so it always answers.
  bool answers();

 private:
  std::string path_;
  std::mutex mutex_;
  std::unique_ptr<SQLite::Database> db_;
};

}  // namespace whistle::store
