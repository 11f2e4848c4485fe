#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "config/templates.hpp"
#include "handlers/language/command.hpp"
#include "handlers/language/places.hpp"
#include "handlers/message.hpp"

namespace whistle::store {
class Database;
}

namespace whistle::handlers {

/// What a run of due jobs did: the messages to send and the jobs that failed (each undone alone,
/// tried again later, or set aside as dead after its last attempt).
struct JobsRun {
  struct Failure {
    std::int64_t job = 0;
    std::string kind;
    std::string error;
    bool dead = false;  ///< that was its last attempt
  };
  std::vector<Reply> replies;
  std::vector<Failure> failures;
};

/// The domain's one entry point: picks the handler for a parsed message and returns its replies.
/// Runs inside the caller's open transaction; knows nothing of HTTP, platforms or the wall clock.
class Dispatcher {
 public:
  /// Keeps references to all three; they must outlive the dispatcher.
  Dispatcher(store::Database& db, const config::Config& config, const config::Templates& templates);
  ~Dispatcher();

  /// Writes the config's org tree, chats, people, roles, responders and rewards into the store.
  /// Idempotent; call once at start inside a transaction. Throws std::runtime_error.
  void sync_org();

  /// Handles one message at time `now`; returns the replies in the order they are to be sent.
  /// Ordinary group chatter returns no reply. Throws only on bugs and storage failures.
  std::vector<Reply> handle(const Message& message, const Command& command, std::int64_t now);

  /// Carries out every job due at `now`, each in a savepoint of its own and marked done with its
  /// effects; a job that throws is undone alone and retried later, so one bad job never holds back
  /// the others. Returns what they send and which failed. Storage failures propagate.
  JobsRun run_due_jobs(std::int64_t now);

  /// Names that refer to places of the org tree ("3号楼", "第一网格"), indexed for the parser.
  /// Taken from the config's nodes by sync_org() (or by the first call, without a sync), so the
  /// config's node list is not needed after the sync (the service drops it).
  language::PlaceNames place_names() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace whistle::handlers
