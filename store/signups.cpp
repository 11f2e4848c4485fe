#include "store/signups.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <functional>
#include <limits>
#include <string_view>
#include <utility>

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
// Every signup of a task, read once for the hot state's counts, people and waitlist.
constexpr const char* kOfTask = "SELECT person_id, state, seq FROM signups WHERE task_id = ?";
// One person's signup: a probe of the primary key.
constexpr const char* kOne =
    "SELECT task_id, person_id, state, seq, at, node_id FROM signups WHERE task_id = ? AND person_id = ?";
// A change of state keeps the time of the report-in: "取消 1 我搬走了" said after reporting in at the
// new building had made the old one the latest (an exploratory run of people changing, 2026-12-07),
// and so did a move up from the waitlist (the final read).
constexpr const char* kSetState = "UPDATE signups SET state = ? WHERE task_id = ? AND person_id = ?";
constexpr const char* kSetNode = "UPDATE signups SET node_id = ? WHERE task_id = ? AND person_id = ?";
constexpr const char* kOpenOfPerson =
    "SELECT s.task_id, s.person_id, s.state, s.seq, s.at, s.node_id FROM signups s "
    "JOIN tasks t ON t.id = s.task_id WHERE t.community_id = ? AND s.person_id = ? "
    "AND s.state <> 'withdrawn' AND t.status = 'open' ORDER BY t.start_at IS NULL, t.start_at, t.id";
// One before the first waitlisted keeps the line ordered by seq; with nobody waiting the signup
// keeps its own place.
constexpr const char* kMoveToWaitlistHead =
    "UPDATE signups SET state = 'waitlisted', seq = COALESCE((SELECT MIN(seq) - 1 FROM signups "
    "WHERE task_id = ?1 AND state = 'waitlisted'), seq) WHERE task_id = ?1 AND person_id = ?2";
// The node of the person's latest report-in: the chat's node, or the task's when it came from a
// private chat. A withdrawn signup still says where the person lives and takes part, as of when
// they reported in (a withdrawal keeps `at`).
constexpr const char* kLastNodeOfPerson =
    "SELECT COALESCE(s.node_id, t.node_id) FROM signups s JOIN tasks t ON t.id = s.task_id "
    "WHERE t.community_id = ?1 AND s.person_id = ?2 AND (?3 = 0 OR s.state = 'signed_up') "
    "ORDER BY s.at DESC, s.task_id DESC LIMIT 1";
// The waitlisted behind the head, in line order (the head's next ids). With a LIMIT, SQLite keeps
// only that many rows in its sorter rather than sorting the whole line; ?3 = -1 is no limit.
constexpr const char* kWaitlistAfter =
    "SELECT person_id, seq FROM signups WHERE task_id = ?1 AND state = 'waitlisted' AND seq > ?2 "
    "ORDER BY seq, person_id LIMIT ?3";
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

std::size_t state_index(SignupState state) {
  return static_cast<std::size_t>(state);
}

std::uint64_t person_hash(std::string_view person) {
  return std::hash<std::string_view>{}(person);
}

// How many ids of the line's head memory holds per task. When they have all moved up (or left),
// the next are read: one pass over the task's rows for every kHeadIds who move up.
constexpr std::size_t kHeadIds = 16;

// The waitlist's order, as the SQL orders it: by seq, then person.
bool before_in_line(const std::pair<std::int64_t, std::string>& entry,
                    const std::pair<std::int64_t, std::string_view>& key) {
  return entry.first != key.first ? entry.first < key.first : std::string_view(entry.second) < key.second;
}

// Keeps about kHeadIds ids at the head of the line: past them, `head_through` moves down to the
// last one kept (and anyone sharing its seq stays, so the head is still everyone up to it).
void trim_head(TaskSignups& task) {
  auto& head = task.line_head;
  if (head.size() <= kHeadIds) return;
  task.head_through = head[kHeadIds - 1].first;
  const auto past = std::upper_bound(head.begin(), head.end(), task.head_through,
                                     [](std::int64_t seq, const auto& entry) { return seq < entry.first; });
  head.erase(past, head.end());
}

// Counts a signup in (add) or out (remove) of its state and of the waitlist.
void account(TaskSignups& task, SignupState state, std::int64_t seq, std::string_view person, bool add) {
  task.counts[state_index(state)] += add ? 1 : -1;
  if (state != SignupState::waitlisted) return;
  auto& seqs = task.waitlist;
  if (add) {
    seqs.insert(std::upper_bound(seqs.begin(), seqs.end(), seq), seq);
  } else if (const auto at = std::lower_bound(seqs.begin(), seqs.end(), seq);
             at != seqs.end() && *at == seq) {
    seqs.erase(at);
  }
  if (seqs.empty()) {
    // Nobody waits: whoever comes next is the head, and is held with their id.
    task.line_head.clear();
    task.head_through = std::numeric_limits<std::int64_t>::max();
    return;
  }
  if (seq > task.head_through) return;  // behind the head: its seq alone is held
  auto& head = task.line_head;
  const std::pair<std::int64_t, std::string_view> key{seq, person};
  const auto at = std::lower_bound(head.begin(), head.end(), key, before_in_line);
  if (add) {
    head.emplace(at, seq, std::string(person));
    trim_head(task);
  } else if (at != head.end() && at->first == seq && at->second == person) {
    head.erase(at);
  }
}

}  // namespace

struct SignupRepository::Statements {
  SQLite::Statement of_task, one, put, set_state, active, set_node, open_of_person, move_to_waitlist_head,
      last_node_of_person, waitlist_after;
  Database& database;
  explicit Statements(Database& owner, SQLite::Database& db)
      : of_task(db, kOfTask),
        one(db, kOne),
        put(db, kPut),
        set_state(db, kSetState),
        active(db, kActive),
        set_node(db, kSetNode),
        open_of_person(db, kOpenOfPerson),
        move_to_waitlist_head(db, kMoveToWaitlistHead),
        last_node_of_person(db, kLastNodeOfPerson),
        waitlist_after(db, kWaitlistAfter),
        database(owner) {}

  // What memory keeps of the task's signups, read once (one indexed range of the primary key);
  // from then on the counts, the line and who has a row are answered from memory.
  TaskSignups& of(std::int64_t task_id) {
    HotState& hot = database.hot();
    if (auto known = hot.signups.find(task_id); known != hot.signups.end()) return known->second;
    // No room is made ahead for a task's places: the set's slots are 8 bytes, so growing costs a
    // copy of a few kilobytes, where room for 500 in each of 1,000 tasks that never filled was
    // 8 MB held for nothing.
    TaskSignups task;
    auto& s = detail::fresh(of_task);
    s.bind(1, static_cast<std::int64_t>(task_id));
    while (s.executeStep()) {
      // The id is only hashed, and copied for the waitlisted alone.
      const SQLite::Column id = s.getColumn(0);
      const auto* text = static_cast<const char*>(id.getBlob());  // before its length, as SQLite asks
      const std::string_view person(text, static_cast<std::size_t>(id.getBytes()));
      const SignupState state = parse_state(s.getColumn(1).getString());
      const std::int64_t seq = s.getColumn(2).getInt64();
      task.people.insert(person_hash(person));
      task.max_seq = std::max(task.max_seq, seq);
      task.counts[state_index(state)] += 1;
      if (state == SignupState::waitlisted) task.line_head.emplace_back(seq, std::string(person));
    }
    // Every waitlisted id is copied for the sort; only the head's stay.
    std::sort(task.line_head.begin(), task.line_head.end());
    task.waitlist.reserve(task.line_head.size());
    for (const auto& entry : task.line_head)
      task.waitlist.push_back(entry.first);
    trim_head(task);
    task.line_head.shrink_to_fit();
    return hot.signups.insert_or_assign(task_id, std::move(task)).first->second;
  }

  // The person's row: the one written last, none when the person is not among the task's people,
  // else read from SQLite.
  std::optional<Signup> row(const TaskSignups& task, std::int64_t task_id, const std::string& person) {
    if (task.last_written && task.last_written->person == person) return task.last_written;
    if (!task.people.contains(person_hash(person))) return std::nullopt;
    auto& s = detail::fresh(one);
    s.bind(1, static_cast<std::int64_t>(task_id));
    s.bind(2, person);
    if (!s.executeStep()) return std::nullopt;
    Signup signup = read_signup(s);
    s.reset();  // done: a lookup left stepping outside a transaction would pin its snapshot
    return signup;
  }

  // The next ids of the line once the head's have all moved up or left: the waitlisted behind
  // `head_through`, in order, kHeadIds of them and any sharing the last one's seq.
  void read_head(TaskSignups& task, std::int64_t task_id) {
    // One row past the head tells whether the line goes on. Only when that row shares its seq
    // with the head's last (a signup moved to the head can take a seq another row has) may more
    // rows share it past the limit: then the whole rest of the line is read.
    std::vector<std::pair<std::int64_t, std::string>> rows =
        waitlisted_after(task_id, task.head_through, kHeadIds + 1);
    if (rows.size() > kHeadIds && rows[kHeadIds].first == rows[kHeadIds - 1].first)
      rows = waitlisted_after(task_id, task.head_through, -1);
    std::size_t kept = std::min(rows.size(), kHeadIds);
    while (kept < rows.size() && rows[kept].first == rows[kept - 1].first)
      ++kept;
    const bool more = kept < rows.size();
    rows.resize(kept);
    task.line_head = std::move(rows);
    task.head_through = more ? task.line_head.back().first : std::numeric_limits<std::int64_t>::max();
  }

  std::vector<std::pair<std::int64_t, std::string>> waitlisted_after(std::int64_t task_id, std::int64_t seq,
                                                                     std::int64_t limit) {
    auto& s = detail::fresh(waitlist_after);
    s.bind(1, static_cast<std::int64_t>(task_id));
    s.bind(2, static_cast<std::int64_t>(seq));
    s.bind(3, static_cast<std::int64_t>(limit));
    std::vector<std::pair<std::int64_t, std::string>> rows;
    while (s.executeStep())
      rows.emplace_back(s.getColumn(1).getInt64(), s.getColumn(0).getString());
    s.reset();
    return rows;
  }

  // Counts a change SQLite has just made: `before` out (when there was a row), `after` in.
  void record(TaskSignups& task, const std::optional<Signup>& before, const Signup& after) {
    if (before) account(task, before->state, before->seq, before->person, false);
    account(task, after.state, after.seq, after.person, true);
    task.people.insert(person_hash(after.person));
    task.max_seq = std::max(task.max_seq, after.seq);
    task.last_written = after;
  }
};

SignupRepository::SignupRepository(Database& db) : statements_(std::make_unique<Statements>(db, db.raw())) {}
SignupRepository::~SignupRepository() = default;

std::optional<Signup> SignupRepository::find(std::int64_t task_id, const std::string& person) {
  return statements_->row(statements_->of(task_id), task_id, person);
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
  const std::optional<Signup> before = statements_->row(task, task_id, person);
  Signup signup{task_id, person, state, task.max_seq + 1, at, node};
  if (before && !set_node) signup.node = before->node;
  auto& s = detail::fresh(statements_->put);
  s.bind(1, static_cast<std::int64_t>(task_id));
  s.bind(2, person);
  s.bind(3, state_text(state));
  s.bind(4, static_cast<std::int64_t>(signup.seq));
  s.bind(5, static_cast<std::int64_t>(at));
  detail::bind_optional(s, 6, node);
  s.bind(7, set_node ? 1 : 0);
  s.exec();
  statements_->record(task, before, signup);
  return signup;
}

void SignupRepository::set_state(std::int64_t task_id, const std::string& person, SignupState state) {
  TaskSignups& task = statements_->of(task_id);
  const std::optional<Signup> before = statements_->row(task, task_id, person);
  auto& s = detail::fresh(statements_->set_state);
  s.bind(1, state_text(state));
  s.bind(2, static_cast<std::int64_t>(task_id));
  s.bind(3, person);
  s.exec();
  if (before) {
    Signup after = *before;
    after.state = state;
    statements_->record(task, before, after);
  }
}

int SignupRepository::count(std::int64_t task_id, SignupState state) {
  return statements_->of(task_id).counts[state_index(state)];
}

std::optional<Signup> SignupRepository::first_waitlisted(std::int64_t task_id) {
  TaskSignups& task = statements_->of(task_id);
  if (task.waitlist.empty()) return std::nullopt;
  if (task.line_head.empty()) statements_->read_head(task, task_id);
  if (task.line_head.empty()) return std::nullopt;  // memory and disk disagree: nobody, not a guess
  return statements_->row(task, task_id, task.line_head.front().second);
}

int SignupRepository::waitlist_position(std::int64_t task_id, const std::string& person) {
  const TaskSignups& task = statements_->of(task_id);
  const std::optional<Signup> me = statements_->row(task, task_id, person);
  if (!me || me->state != SignupState::waitlisted) return 0;
  // The waitlisted whose seq is at most mine, as kWaitlistPosition counted them: a binary search.
  const std::int64_t seq = me->seq;
  const auto after = std::upper_bound(task.waitlist.begin(), task.waitlist.end(), seq);
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
  auto& s = detail::fresh(statements_->set_node);
  if (node) {
    s.bind(1, *node);
  } else {
    s.bind(1);
  }
  s.bind(2, static_cast<std::int64_t>(task_id));
  s.bind(3, person);
  s.exec();
  // Only the row written last is held; the rest are read when asked.
  HotState& hot = statements_->database.hot();
  if (auto task = hot.signups.find(task_id); task != hot.signups.end()) {
    std::optional<Signup>& last = task->second.last_written;
    if (last && last->person == person) last->node = node;
  }
}

std::optional<std::string> SignupRepository::last_node_of_person(const std::string& community,
                                                                 const std::string& person,
                                                                 bool placed_only) {
  auto& s = detail::fresh(statements_->last_node_of_person);
  s.bind(1, community);
  s.bind(2, person);
  s.bind(3, placed_only ? 1 : 0);
  if (!s.executeStep()) return std::nullopt;
  std::string node = s.getColumn(0).getString();
  s.tryReset();  // see Database::release_snapshots
  return node;
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

void SignupRepository::move_to_waitlist_head(std::int64_t task_id, const std::string& person) {
  auto& s = detail::fresh(statements_->move_to_waitlist_head);
  s.bind(1, static_cast<std::int64_t>(task_id));
  s.bind(2, person);
  s.exec();
  // Rare (a task's places were reduced): the task's signups are read again rather than the
  // statement's seq arithmetic repeated here.
  statements_->database.hot().signups.erase(task_id);
}

}  // namespace whistle::store
