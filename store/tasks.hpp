#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace whistle::store {

class Database;

enum class TaskStatus { open, finished, cancelled };

/// "每单元1人": the places of a task are so many for each node of a level at or under its node.
struct PlacesPerNode {
  int level = 0;  ///< 1 grid, 2 building, 3 unit
  int each = 0;
  bool operator==(const PlacesPerNode&) const = default;
};

/// A whistle: a call for volunteers at a node.
struct Task {
  std::int64_t id = 0;  ///< internal row id
  std::string community;
  std::int64_t number = 0;  ///< per-community number shown to people as #12
  std::string node;
  std::string chat;     ///< where it was whistled
  std::string creator;  ///< person id
  std::string title;
  std::optional<std::string> place;
  std::optional<int> places;  ///< empty: no limit
  /// Set when the places are counted for each node of a level; `places` is then their sum.
  std::optional<PlacesPerNode> per_node;
  int points = 0;
  std::optional<std::int64_t> start;
  std::optional<std::int64_t> end;
  TaskStatus status = TaskStatus::open;
  std::int64_t created_at = 0;
};

/// What a chat's list of open tasks holds of each: enough to choose among them (a command without
/// a number) and to name them when asking which one is meant. The list is kept apart from the
/// tasks themselves, so a chat's choice does not read every one of its tasks back in.
struct ListedTask {
  std::int64_t id = 0;
  std::int64_t number = 0;
  std::string title;
  std::optional<std::int64_t> start;
  std::optional<std::int64_t> end;
};

/// Tasks and the chats they were posted in.
class TaskRepository {
 public:
  explicit TaskRepository(Database& db);
  ~TaskRepository();

  /// Stores a new task (id, number and status are assigned here) and posts it in `task.chat`.
  Task create(const Task& task);

  /// Records that the task was also posted in another chat (全网格/下发); repeating changes nothing.
  void post(std::int64_t task_id, const std::string& chat);

  std::optional<Task> by_id(std::int64_t id);
  std::optional<Task> by_number(const std::string& community, std::int64_t number);

  /// The open tasks posted in a chat, oldest first.
  std::vector<Task> open_in_chat(const std::string& chat);

  /// The community's tasks called off that were to start in [from, to) (a task without a start by
  /// when it was whistled): what "明天的活动取消了吗" asks after.
  std::vector<Task> cancelled_between(const std::string& community, std::int64_t from, std::int64_t to);

  /// The same tasks as the chat's list in the writer's memory holds them, without a copy: a
  /// command without a number looks at every open task of its chat to keep the one it means. The
  /// pointers are for reading right away, inside the transaction: a change to a task or a post,
  /// a rollback, the end of the batch and, outside a transaction, another connection's commit may
  /// each free what they point to.
  std::vector<const ListedTask*> open_in_chat_view(const std::string& chat);

  /// Every chat a task was posted in, the original first.
  std::vector<std::string> posted_chats(std::int64_t task_id);

  void set_status(std::int64_t task_id, TaskStatus status, std::int64_t at);

  /// When the task was finished or cancelled; empty while it is open.
  std::optional<std::int64_t> closed_at(std::int64_t task_id);

  /// A leader's edit (修改): title, place, places, points, start and end take the given task's values.
  void update_details(const Task& task);

  /// Stores the task's sign-in code (签到码).
  void set_sign_code(std::int64_t task_id, const std::string& code);

  /// The task's sign-in code; empty when none was asked for.
  std::optional<std::string> sign_code(std::int64_t task_id);

  /// How many wrong sign-in codes the person has sent for the task.
  int sign_code_failures(std::int64_t task_id, const std::string& person);

  /// Counts one more wrong sign-in code; returns the new count.
  int add_sign_code_failure(std::int64_t task_id, const std::string& person);

 private:
  struct Statements;
  std::unique_ptr<Statements> statements_;
};

}  // namespace whistle::store
