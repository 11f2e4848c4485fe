#include "store/tasks.hpp"

#include <algorithm>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "store/database.hpp"
#include "store/hot_state.hpp"
#include "store/statement.hpp"

namespace whistle::store {

namespace {

// Numbers are per community; the single writer makes MAX()+1 safe.
constexpr const char* kCreate =
    "INSERT INTO tasks (community_id, number, node_id, chat_id, creator_id, title, place, places, points, "
    "start_at, end_at, status, created_at, places_level, places_each) VALUES (?1, "
    "(SELECT COALESCE(MAX(number), 0) + 1 FROM tasks WHERE community_id = ?1), "
    "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'open', ?11, ?12, ?13)";
constexpr const char* kPost = "INSERT OR IGNORE INTO task_posts (task_id, chat_id) VALUES (?, ?)";
constexpr const char* kColumns =
    "t.id, t.community_id, t.number, t.node_id, t.chat_id, t.creator_id, t.title, t.place, t.places, "
    "t.points, "
    "t.start_at, t.end_at, t.status, t.created_at, t.places_level, t.places_each";
const std::string kById = std::string("SELECT ") + kColumns + " FROM tasks t WHERE t.id = ?";
const std::string kByNumber =
    std::string("SELECT ") + kColumns + " FROM tasks t WHERE t.community_id = ? AND t.number = ?";
// A chat's open tasks, whole: its list keeps what ListedTask holds of each, the rows are kept too.
const std::string kOpenInChat = std::string("SELECT ") + kColumns +
                                " FROM task_posts p JOIN tasks t ON t.id = p.task_id "
                                "WHERE p.chat_id = ? AND t.status = 'open' ORDER BY t.id";
// A community's tasks called off that were to start in [from, to) (明天的活动取消了吗), by
// tasks_by_month.
const std::string kCancelledBetween =
    std::string("SELECT ") + kColumns +
    " FROM tasks t INDEXED BY tasks_by_month WHERE t.community_id = ?1 AND COALESCE(t.start_at, "
    "t.created_at) >= ?2 "
    "AND COALESCE(t.start_at, t.created_at) < ?3 AND t.status = 'cancelled' ORDER BY t.id";
// The chat it was whistled in comes first, then the others in the order they were posted.
constexpr const char* kPostedChats =
    "SELECT p.chat_id FROM task_posts p JOIN tasks t ON t.id = p.task_id WHERE p.task_id = ? "
    "ORDER BY p.chat_id <> t.chat_id, p.rowid";
constexpr const char* kSetStatus =
    "UPDATE tasks SET status = ?, closed_at = CASE WHEN ? = 'open' THEN NULL ELSE ? END WHERE id = ?";

constexpr const char* kUpdateDetails =
    "UPDATE tasks SET title = ?, place = ?, places = ?, points = ?, start_at = ?, end_at = ?, "
    "places_level = ?, places_each = ? WHERE id = ?";
constexpr const char* kSetSignCode = "UPDATE tasks SET sign_code = ? WHERE id = ?";
constexpr const char* kSignCode = "SELECT sign_code FROM tasks WHERE id = ?";
constexpr const char* kClosedAt = "SELECT closed_at FROM tasks WHERE id = ?";
constexpr const char* kCodeFailures =
    "SELECT failures FROM sign_code_failures WHERE task_id = ? AND person_id = ?";
constexpr const char* kAddCodeFailure =
    "INSERT INTO sign_code_failures (task_id, person_id, failures) VALUES (?, ?, 1) "
    "ON CONFLICT (task_id, person_id) DO UPDATE SET failures = failures + 1 RETURNING failures";

const char* status_text(TaskStatus status) {
  switch (status) {
    case TaskStatus::open:
      return "open";
    case TaskStatus::finished:
      return "finished";
    case TaskStatus::cancelled:
      return "cancelled";
  }
  return "open";
}

TaskStatus parse_status(const std::string& text) {
  if (text == "finished") return TaskStatus::finished;
  if (text == "cancelled") return TaskStatus::cancelled;
  return TaskStatus::open;
}

Task read_task(SQLite::Statement& s) {
  Task t;
  t.id = s.getColumn(0).getInt64();
  t.community = s.getColumn(1).getString();
  t.number = s.getColumn(2).getInt64();
  t.node = s.getColumn(3).getString();
  t.chat = s.getColumn(4).getString();
  t.creator = s.getColumn(5).getString();
  t.title = s.getColumn(6).getString();
  t.place = detail::optional_text(s.getColumn(7));
  if (auto places = detail::optional_int(s.getColumn(8))) t.places = static_cast<int>(*places);
  t.points = s.getColumn(9).getInt();
  t.start = detail::optional_int(s.getColumn(10));
  t.end = detail::optional_int(s.getColumn(11));
  t.status = parse_status(s.getColumn(12).getString());
  t.created_at = s.getColumn(13).getInt64();
  const std::optional<std::int64_t> level = detail::optional_int(s.getColumn(14));
  const std::optional<std::int64_t> each = detail::optional_int(s.getColumn(15));
  if (level && each) t.per_node = PlacesPerNode{static_cast<int>(*level), static_cast<int>(*each)};
  return t;
}

// Binds the level at `index` and the places of each node after it; both NULL for a pooled task.
void bind_places_per_node(SQLite::Statement& s, int index, const std::optional<PlacesPerNode>& per_node) {
  detail::bind_optional(s, index, per_node ? std::optional<std::int64_t>(per_node->level) : std::nullopt);
  detail::bind_optional(s, index + 1, per_node ? std::optional<std::int64_t>(per_node->each) : std::nullopt);
}

ListedTask listed(const Task& task) {
  return ListedTask{task.id, task.number, task.title, task.start, task.end};
}

}  // namespace

struct TaskRepository::Statements {
  Database& database;
  SQLite::Database& db;
  SQLite::Statement create, post, by_id, by_number, open_in_chat, posted_chats, set_status, update_details,
      set_sign_code, sign_code, code_failures, add_code_failure, cancelled_between, closed_at;
  explicit Statements(Database& owner)
      : database(owner),
        db(owner.raw()),
        create(db, kCreate),
        post(db, kPost),
        by_id(db, kById),
        by_number(db, kByNumber),
        open_in_chat(db, kOpenInChat),
        posted_chats(db, kPostedChats),
        set_status(db, kSetStatus),
        update_details(db, kUpdateDetails),
        set_sign_code(db, kSetSignCode),
        sign_code(db, kSignCode),
        code_failures(db, kCodeFailures),
        add_code_failure(db, kAddCodeFailure),
        cancelled_between(db, kCancelledBetween),
        closed_at(db, kClosedAt) {}

  HotState& hot() { return database.hot(); }

  // Keeps a task read from SQLite, and where its number points. `state` is the hot state as it
  // was looked up before the read (see Database::hot).
  static const Task& remember(HotState& state, Task task) {
    state.task_by_number[{task.community, task.number}] = task.id;
    const std::int64_t id = task.id;
    return state.tasks.insert_or_assign(id, std::move(task)).first->second;
  }

  // The task as held in memory, read from SQLite first if it is not; null when there is no such task.
  // `state` is the hot state as looked up once by the caller: outside a transaction each look
  // may drop it (another connection's commit), which would free tasks the caller still holds.
  const Task* known_or_read(std::int64_t id) { return known_or_read(hot(), id); }
  const Task* known_or_read(HotState& state, std::int64_t id) {
    if (auto known = state.tasks.find(id); known != state.tasks.end()) return &known->second;
    auto& s = detail::fresh(by_id);
    s.bind(1, static_cast<std::int64_t>(id));
    if (!s.executeStep()) return nullptr;
    Task task = read_task(s);
    s.tryReset();
    return &remember(state, std::move(task));
  }

  // A task's row changed: read again on next use. Its status may have changed too, and with it
  // which chats list it as open. A task that closes leaves every list it is in, in memory: clearing
  // them all made every chat of the storm read its list again after any close. One that opens
  // again (none does today) would belong to lists unknown here: they are all read again.
  void forget(std::int64_t task_id, std::optional<TaskStatus> new_status) {
    HotState& state = hot();
    state.tasks.erase(task_id);
    if (!new_status) return;
    if (*new_status == TaskStatus::open) {
      state.open_in_chat.clear();
      state.open_listed = 0;
    } else {
      // The lists' count gives back what the close takes out, or a server whose tasks open and
      // close would pass the lists' bound with few tasks listed and read every list back.
      for (auto& [chat, open] : state.open_in_chat)
        state.open_listed -=
            std::erase_if(open, [task_id](const ListedTask& listed) { return listed.id == task_id; });
    }
    // A closed task's signups are seldom read again: memory is kept for the open ones.
    state.signups.erase(task_id);
  }
};

TaskRepository::TaskRepository(Database& db) : statements_(std::make_unique<Statements>(db)) {}
TaskRepository::~TaskRepository() = default;

Task TaskRepository::create(const Task& task) {
  auto& s = detail::fresh(statements_->create);
  s.bind(1, task.community);
  s.bind(2, task.node);
  s.bind(3, task.chat);
  s.bind(4, task.creator);
  s.bind(5, task.title);
  detail::bind_optional(s, 6, task.place);
  detail::bind_optional(s, 7, task.places ? std::optional<std::int64_t>(*task.places) : std::nullopt);
  s.bind(8, task.points);
  detail::bind_optional(s, 9, task.start);
  detail::bind_optional(s, 10, task.end);
  s.bind(11, static_cast<std::int64_t>(task.created_at));
  bind_places_per_node(s, 12, task.per_node);
  s.exec();
  const std::int64_t id = statements_->db.getLastInsertRowid();
  post(id, task.chat);
  return *by_id(id);
}

void TaskRepository::post(std::int64_t task_id, const std::string& chat) {
  auto& s = detail::fresh(statements_->post);
  s.bind(1, static_cast<std::int64_t>(task_id));
  s.bind(2, chat);
  if (s.exec() == 0) return;  // posted there before: every list is as it was
  // The chat has one more task. A list of its open ones already in memory takes it in its place
  // (ids ascending, as the query reads them) rather than being read again whole: in a busy chat
  // every whistle made the next report-in read all of the chat's open tasks.
  // The task first, the list after: outside a transaction each look at the hot state may drop it
  // (another connection's commit), which would leave a list found earlier dangling.
  const Task* task = statements_->known_or_read(task_id);
  if (task == nullptr || task->status != TaskStatus::open) return;
  HotState& hot = statements_->hot();
  auto list = hot.open_in_chat.find(chat);
  if (list == hot.open_in_chat.end()) return;  // read on its first use
  std::vector<ListedTask>& open = list->second;
  const auto place =
      std::upper_bound(open.begin(), open.end(), task_id,
                       [](std::int64_t id, const ListedTask& listed) { return id < listed.id; });
  open.insert(place, listed(*task));
  ++hot.open_listed;
}

std::optional<Task> TaskRepository::by_id(std::int64_t id) {
  if (const Task* task = statements_->known_or_read(id)) return *task;
  return std::nullopt;
}

std::optional<Task> TaskRepository::by_number(const std::string& community, std::int64_t number) {
  // A task keeps its number for ever, and no task is ever deleted: a known pair stays true.
  HotState& hot = statements_->hot();
  if (auto known = hot.task_by_number.find({community, number}); known != hot.task_by_number.end()) {
    return by_id(known->second);
  }
  auto& s = detail::fresh(statements_->by_number);
  s.bind(1, community);
  s.bind(2, static_cast<std::int64_t>(number));
  if (!s.executeStep()) return std::nullopt;
  Task task = read_task(s);
  s.tryReset();
  return Statements::remember(hot, std::move(task));
}

std::vector<Task> TaskRepository::cancelled_between(const std::string& community, std::int64_t from,
                                                    std::int64_t to) {
  auto& s = detail::fresh(statements_->cancelled_between);
  s.bind(1, community);
  s.bind(2, from);
  s.bind(3, to);
  std::vector<Task> tasks;
  while (s.executeStep())
    tasks.push_back(read_task(s));
  s.reset();
  return tasks;
}

std::vector<Task> TaskRepository::open_in_chat(const std::string& chat) {
  std::vector<std::int64_t> ids;
  for (const ListedTask* listed : open_in_chat_view(chat))
    ids.push_back(listed->id);
  std::vector<Task> tasks;
  tasks.reserve(ids.size());
  for (const std::int64_t id : ids) {
    if (std::optional<Task> task = by_id(id)) tasks.push_back(std::move(*task));
  }
  return tasks;
}

std::vector<const ListedTask*> TaskRepository::open_in_chat_view(const std::string& chat) {
  HotState& hot = statements_->hot();
  auto known = hot.open_in_chat.find(chat);
  if (known == hot.open_in_chat.end()) {
    auto& s = detail::fresh(statements_->open_in_chat);
    s.bind(1, chat);
    std::vector<ListedTask> open;
    // The rows are kept too (within their own bound): the one a command chooses is then in memory.
    while (s.executeStep())
      open.push_back(listed(Statements::remember(hot, read_task(s))));
    hot.open_listed += open.size();
    known = hot.open_in_chat.insert_or_assign(chat, std::move(open)).first;
  }
  std::vector<const ListedTask*> tasks;
  tasks.reserve(known->second.size());
  for (const ListedTask& listed : known->second)
    tasks.push_back(&listed);
  return tasks;
}

std::vector<std::string> TaskRepository::posted_chats(std::int64_t task_id) {
  auto& s = detail::fresh(statements_->posted_chats);
  s.bind(1, static_cast<std::int64_t>(task_id));
  std::vector<std::string> chats;
  while (s.executeStep())
    chats.push_back(s.getColumn(0).getString());
  return chats;
}

void TaskRepository::set_status(std::int64_t task_id, TaskStatus status, std::int64_t at) {
  auto& s = detail::fresh(statements_->set_status);
  s.bind(1, status_text(status));
  s.bind(2, status_text(status));
  s.bind(3, static_cast<std::int64_t>(at));
  s.bind(4, static_cast<std::int64_t>(task_id));
  s.exec();
  statements_->forget(task_id, status);
}

void TaskRepository::update_details(const Task& task) {
  auto& s = detail::fresh(statements_->update_details);
  s.bind(1, task.title);
  detail::bind_optional(s, 2, task.place);
  detail::bind_optional(s, 3, task.places ? std::optional<std::int64_t>(*task.places) : std::nullopt);
  s.bind(4, task.points);
  detail::bind_optional(s, 5, task.start);
  detail::bind_optional(s, 6, task.end);
  bind_places_per_node(s, 7, task.per_node);
  s.bind(9, static_cast<std::int64_t>(task.id));
  s.exec();
  statements_->forget(task.id, std::nullopt);
  // Its title and times as the chats' lists hold them (an edit is rare; every list is looked at).
  for (auto& [chat, open] : statements_->hot().open_in_chat) {
    for (ListedTask& listed : open) {
      if (listed.id != task.id) continue;
      listed.title = task.title;
      listed.start = task.start;
      listed.end = task.end;
    }
  }
}

void TaskRepository::set_sign_code(std::int64_t task_id, const std::string& code) {
  auto& s = detail::fresh(statements_->set_sign_code);
  s.bind(1, code);
  s.bind(2, static_cast<std::int64_t>(task_id));
  s.exec();
}

std::optional<std::string> TaskRepository::sign_code(std::int64_t task_id) {
  auto& s = detail::fresh(statements_->sign_code);
  s.bind(1, static_cast<std::int64_t>(task_id));
  if (!s.executeStep()) return std::nullopt;
  std::optional<std::string> code = detail::optional_text(s.getColumn(0));
  s.tryReset();  // see Database::release_snapshots
  return code;
}

std::optional<std::int64_t> TaskRepository::closed_at(std::int64_t task_id) {
  auto& s = detail::fresh(statements_->closed_at);
  s.bind(1, static_cast<std::int64_t>(task_id));
  if (!s.executeStep() || s.getColumn(0).isNull()) {
    s.tryReset();
    return std::nullopt;
  }
  const std::int64_t at = s.getColumn(0).getInt64();
  s.tryReset();  // see Database::release_snapshots
  return at;
}

int TaskRepository::sign_code_failures(std::int64_t task_id, const std::string& person) {
  auto& s = detail::fresh(statements_->code_failures);
  s.bind(1, static_cast<std::int64_t>(task_id));
  s.bind(2, person);
  const int failures = s.executeStep() ? s.getColumn(0).getInt() : 0;
  s.reset();
  return failures;
}

int TaskRepository::add_sign_code_failure(std::int64_t task_id, const std::string& person) {
  auto& s = detail::fresh(statements_->add_code_failure);
  s.bind(1, static_cast<std::int64_t>(task_id));
  s.bind(2, person);
  s.executeStep();
  const int failures = s.getColumn(0).getInt();
  s.reset();
  return failures;
}

}  // namespace whistle::store
