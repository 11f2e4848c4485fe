#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace whistle::store {

class Database;

/// Records every statement a connection starts while the trace lives (SQLite's SQLITE_TRACE_STMT:
/// one per run of a prepared statement, BEGIN and COMMIT included, a trigger's body not), with its
/// SQL. The statement budget of an event is asserted with it; one trace per connection at a time.
class StatementTrace {
 public:
  /// Starts recording on `db`'s connection.
  explicit StatementTrace(Database& db);
  /// Stops recording.
  ~StatementTrace();
  StatementTrace(const StatementTrace&) = delete;
  StatementTrace& operator=(const StatementTrace&) = delete;

  /// How many statements ran since the start or the last clear().
  std::size_t count() const { return statements_.size(); }
  /// Their SQL, in the order they ran.
  const std::vector<std::string>& statements() const { return statements_; }
  /// Forgets what was recorded so far.
  void clear() { statements_.clear(); }

 private:
  Database& db_;
  std::vector<std::string> statements_;
};

}  // namespace whistle::store
