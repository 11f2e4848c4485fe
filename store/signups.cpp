#include "store/signups.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "store/database.hpp"
#include "store/statement.hpp"

namespace whistle::store {

namespace {

constexpr const char* kFind =
    "SELECT task_id, person_id, state, seq, at, node_id FROM signups WHERE task_id = ? AND person_id = ?";
// A new seq on every (re)report-in puts a returning volunteer at the back of the line, as the
// waitlist is ordered by time of reply.
constexpr const char* kPut =
    "INSERT INTO signups (task_id, person_id, state, seq, at) VALUES (?1, ?2, ?3, "
    "(SELECT COALESCE(MAX(seq), 0) + 1 FROM signups WHERE task_id = ?1), ?4) "
    "ON CONFLICT (task_id, person_id) DO UPDATE SET state = excluded.state, seq = excluded.seq, at = "
    "excluded.at";
constexpr const char* kSetState = "UPDATE signups SET state = ?, at = ? WHERE task_id = ? AND person_id = ?";
constexpr const char* kCount = "SELECT COUNT(*) FROM signups WHERE task_id = ? AND state = ?";
constexpr const char* kFirstWaitlisted =
    "SELECT task_id, person_id, state, seq, at, node_id FROM signups WHERE task_id = ? AND state = "
    "'waitlisted' "
    "ORDER BY seq LIMIT 1";
constexpr const char* kWaitlistPosition =
    "SELECT COUNT(*) FROM signups w JOIN signups me ON me.task_id = w.task_id "
    "WHERE me.task_id = ?1 AND me.person_id = ?2 AND me.state = 'waitlisted' "
    "AND w.state = 'waitlisted' AND w.seq <= me.seq";
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

}  // namespace

struct SignupRepository::Statements {
  SQLite::Statement find, put, set_state, count, first_waitlisted, waitlist_position, active, set_node,
      open_of_person, move_to_waitlist_head, last_node_of_person;
  explicit Statements(SQLite::Database& db)
      : find(db, kFind),
        put(db, kPut),
        set_state(db, kSetState),
        count(db, kCount),
        first_waitlisted(db, kFirstWaitlisted),
        waitlist_position(db, kWaitlistPosition),
        active(db, kActive),
        set_node(db, kSetNode),
        open_of_person(db, kOpenOfPerson),
        move_to_waitlist_head(db, kMoveToWaitlistHead),
        last_node_of_person(db, kLastNodeOfPerson) {}
};

SignupRepository::SignupRepository(Database& db) : statements_(std::make_unique<Statements>(db.raw())) {}
SignupRepository::~SignupRepository() = default;

std::optional<Signup> SignupRepository::find(std::int64_t task_id, const std::string& person) {
  auto& s = detail::fresh(statements_->find);
  s.bind(1, static_cast<std::int64_t>(task_id));
  s.bind(2, person);
  if (!s.executeStep()) return std::nullopt;
  return read_signup(s);
}

Signup SignupRepository::put(std::int64_t task_id, const std::string& person, SignupState state,
                             std::int64_t at) {
  auto& s = detail::fresh(statements_->put);
  s.bind(1, static_cast<std::int64_t>(task_id));
  s.bind(2, person);
  s.bind(3, state_text(state));
  s.bind(4, static_cast<std::int64_t>(at));
  s.exec();
  return *find(task_id, person);
}

void SignupRepository::set_state(std::int64_t task_id, const std::string& person, SignupState state,
                                 std::int64_t at) {
  auto& s = detail::fresh(statements_->set_state);
  s.bind(1, state_text(state));
  s.bind(2, static_cast<std::int64_t>(at));
  s.bind(3, static_cast<std::int64_t>(task_id));
  s.bind(4, person);
  s.exec();
}

int SignupRepository::count(std::int64_t task_id, SignupState state) {
  auto& s = detail::fresh(statements_->count);
  s.bind(1, static_cast<std::int64_t>(task_id));
  s.bind(2, state_text(state));
  s.executeStep();
  return s.getColumn(0).getInt();
}

std::optional<Signup> SignupRepository::first_waitlisted(std::int64_t task_id) {
  auto& s = detail::fresh(statements_->first_waitlisted);
  s.bind(1, static_cast<std::int64_t>(task_id));
  if (!s.executeStep()) return std::nullopt;
  return read_signup(s);
}

int SignupRepository::waitlist_position(std::int64_t task_id, const std::string& person) {
  auto& s = detail::fresh(statements_->waitlist_position);
  s.bind(1, static_cast<std::int64_t>(task_id));
  s.bind(2, person);
  s.executeStep();
  return s.getColumn(0).getInt();
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
}

}  // namespace whistle::store
