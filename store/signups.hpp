#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace whistle::store {

class Database;

enum class SignupState { signed_up, waitlisted, withdrawn };

/// One person's answer to a task. The waitlist is ordered by `seq` (time of reply).
struct Signup {
  std::int64_t task_id = 0;
  std::string person;
  SignupState state = SignupState::signed_up;
  std::int64_t seq = 0;  ///< grows with every (re)report-in; orders the waitlist
  std::int64_t at = 0;
};

/// Signups and the waitlist. At most one row per (task, person).
class SignupRepository {
 public:
  explicit SignupRepository(Database& db);
  ~SignupRepository();

  std::optional<Signup> find(std::int64_t task_id, const std::string& person);

  /// Creates the person's signup in `state`, or turns a withdrawn one back (a new place in line).
  Signup put(std::int64_t task_id, const std::string& person, SignupState state, std::int64_t at);

  /// Changes a signup's state (withdraw, move up from the waitlist).
  void set_state(std::int64_t task_id, const std::string& person, SignupState state, std::int64_t at);

  int count(std::int64_t task_id, SignupState state);

  /// The earliest waitlisted signup of a task.
  std::optional<Signup> first_waitlisted(std::int64_t task_id);

  /// 1-based place on the waitlist; 0 when the person is not waitlisted.
  int waitlist_position(std::int64_t task_id, const std::string& person);

  /// Signed-up and waitlisted people of a task, in order of reply.
  std::vector<Signup> active(std::int64_t task_id);

 private:
  struct Statements;
  std::unique_ptr<Statements> statements_;
};

}  // namespace whistle::store
