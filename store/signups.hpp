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
  /// The node of the chat where the person reported in (whose points); empty: the task's node.
  std::optional<std::string> node;
};

/// Signups and the waitlist. At most one row per (task, person).
class SignupRepository {
 public:
  explicit SignupRepository(Database& db);
  ~SignupRepository();

  std::optional<Signup> find(std::int64_t task_id, const std::string& person);

  /// Creates the person's signup in `state`, or turns a withdrawn one back (a new place in line).
  Signup put(std::int64_t task_id, const std::string& person, SignupState state, std::int64_t at);

  /// put, and records the node of the chat where the person reported in (set_node) in the same
  /// statement.
  Signup put(std::int64_t task_id, const std::string& person, SignupState state, std::int64_t at,
             const std::optional<std::string>& node);

  /// Changes a signup's state (withdraw, move up from the waitlist); `at` stays the time of the
  /// report-in, which says where the person last reported in.
  void set_state(std::int64_t task_id, const std::string& person, SignupState state);

  int count(std::int64_t task_id, SignupState state);

  /// The earliest waitlisted signup of a task.
  std::optional<Signup> first_waitlisted(std::int64_t task_id);

  /// 1-based place on the waitlist; 0 when the person is not waitlisted.
  int waitlist_position(std::int64_t task_id, const std::string& person);

  /// Signed-up and waitlisted people of a task, in order of reply.
  std::vector<Signup> active(std::int64_t task_id);

  /// Records the node of the chat where the person reported in (empty: from a private chat).
  void set_node(std::int64_t task_id, const std::string& person, const std::optional<std::string>& node);

  /// The person's signed-up and waitlisted signups for open tasks of a community, soonest start
  /// first (tasks without a start last).
  std::vector<Signup> open_of_person(const std::string& community, const std::string& person);

  /// The node where the person last reported in within a community (the chat's node, else the
  /// task's); empty when they never did. A private report with no place goes there. `placed_only`:
  /// of the report-ins that hold a place now (not waiting in line, not withdrawn).
  std::optional<std::string> last_node_of_person(const std::string& community, const std::string& person,
                                                 bool placed_only = false);

  /// Puts a signed-up person at the head of the waitlist (a task's places were reduced); `at` stays
  /// the time of the report-in, as for set_state().
  void move_to_waitlist_head(std::int64_t task_id, const std::string& person);

 private:
  struct Statements;
  std::unique_ptr<Statements> statements_;
  Signup put_row(std::int64_t task_id, const std::string& person, SignupState state, std::int64_t at,
                 const std::optional<std::string>& node, bool set_node);
};

}  // namespace whistle::store
