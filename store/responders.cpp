#include "store/responders.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "store/database.hpp"
#include "store/statement.hpp"

namespace whistle::store {

namespace {

constexpr const char* kFind = "SELECT id, name, node_id FROM responders WHERE id = ?";
constexpr const char* kOfChat =
    "SELECT r.id, r.name, r.node_id FROM responder_chats c JOIN responders r ON r.id = c.responder_id "
    "WHERE c.chat = ?";
constexpr const char* kOfCommunity =
    "SELECT id, name, node_id FROM responders WHERE community_id = ? ORDER BY rowid";
constexpr const char* kOfMember =
    "SELECT r.id, r.name, r.node_id FROM responder_members m JOIN responders r ON r.id = m.responder_id "
    "WHERE m.person_id = ? ORDER BY r.rowid";
constexpr const char* kIsMember = "SELECT 1 FROM responder_members WHERE responder_id = ? AND person_id = ?";
constexpr const char* kChats = "SELECT chat FROM responder_chats WHERE responder_id = ? ORDER BY rowid";
constexpr const char* kMembers =
    "SELECT person_id FROM responder_members WHERE responder_id = ? ORDER BY rowid";

std::vector<ResponderRow> read_rows(SQLite::Statement& s) {
  std::vector<ResponderRow> rows;
  while (s.executeStep()) {
    rows.push_back(ResponderRow{
        s.getColumn(0).getString(), s.getColumn(1).getString(), s.getColumn(2).getString(), {}, {}});
  }
  return rows;
}

std::vector<std::string> read_texts(SQLite::Statement& s) {
  std::vector<std::string> texts;
  while (s.executeStep())
    texts.push_back(s.getColumn(0).getString());
  return texts;
}

}  // namespace

struct ResponderRepository::Statements {
  SQLite::Database& db;
  SQLite::Statement find{db, kFind};
  SQLite::Statement of_chat{db, kOfChat};
  SQLite::Statement of_community{db, kOfCommunity};
  SQLite::Statement of_member{db, kOfMember};
  SQLite::Statement is_member{db, kIsMember};
  SQLite::Statement chats{db, kChats};
  SQLite::Statement members{db, kMembers};
  explicit Statements(SQLite::Database& connection) : db(connection) {}
};

ResponderRepository::ResponderRepository(Database& db)
    : statements_(std::make_unique<Statements>(db.raw())) {}
ResponderRepository::~ResponderRepository() = default;

ResponderRow ResponderRepository::complete(ResponderRow row) {
  auto& chats = detail::fresh(statements_->chats);
  chats.bind(1, row.id);
  row.chats = read_texts(chats);
  auto& members = detail::fresh(statements_->members);
  members.bind(1, row.id);
  row.members = read_texts(members);
  return row;
}

std::optional<ResponderRow> ResponderRepository::find(const std::string& id) {
  auto& s = detail::fresh(statements_->find);
  s.bind(1, id);
  std::vector<ResponderRow> rows = read_rows(s);
  if (rows.empty()) return std::nullopt;
  return complete(std::move(rows.front()));
}

std::optional<ResponderRow> ResponderRepository::of_chat(const std::string& chat) {
  auto& s = detail::fresh(statements_->of_chat);
  s.bind(1, chat);
  std::vector<ResponderRow> rows = read_rows(s);
  if (rows.empty()) return std::nullopt;
  return complete(std::move(rows.front()));
}

std::vector<ResponderRow> ResponderRepository::of_community(const std::string& community) {
  auto& s = detail::fresh(statements_->of_community);
  s.bind(1, community);
  std::vector<ResponderRow> rows = read_rows(s);
  for (ResponderRow& row : rows)
    row = complete(std::move(row));
  return rows;
}

std::vector<ResponderRow> ResponderRepository::of_member(const std::string& person) {
  auto& s = detail::fresh(statements_->of_member);
  s.bind(1, person);
  std::vector<ResponderRow> rows = read_rows(s);
  for (ResponderRow& row : rows)
    row = complete(std::move(row));
  return rows;
}

bool ResponderRepository::is_member(const std::string& responder, const std::string& person) {
  auto& s = detail::fresh(statements_->is_member);
  s.bind(1, responder);
  s.bind(2, person);
  const bool found = s.executeStep();
  s.reset();
  return found;
}

}  // namespace whistle::store
