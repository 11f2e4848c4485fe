#include "store/publications.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "store/database.hpp"
#include "store/statement.hpp"

namespace whistle::store {

namespace {

constexpr const char* kInsert =
    "INSERT INTO publications (community_id, node_id, month, digest, entries, author_id, text, at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kScheduledExists =
    "SELECT 1 FROM publications WHERE node_id = ? AND month = ? AND author_id IS NULL LIMIT 1";
constexpr const char* kOfNode =
    "SELECT id, community_id, node_id, month, digest, entries, author_id, text, at FROM publications "
    "WHERE node_id = ? ORDER BY month, id";

}  // namespace

struct PublicationRepository::Statements {
  SQLite::Database& db;
  SQLite::Statement insert, scheduled_exists, of_node;
  explicit Statements(SQLite::Database& connection)
      : db(connection), insert(db, kInsert), scheduled_exists(db, kScheduledExists), of_node(db, kOfNode) {}
};

PublicationRepository::PublicationRepository(Database& db)
    : statements_(std::make_unique<Statements>(db.raw())), standings_(db), ticket_figures_(db) {}
PublicationRepository::~PublicationRepository() = default;

Publication PublicationRepository::add(const Publication& publication) {
  // After a refused insert SQLiteCpp's reset() throws that error again; forget it first, so one
  // refusal does not poison the cached statement for the next publication.
  statements_->insert.tryReset();
  auto& s = detail::fresh(statements_->insert);
  s.bind(1, publication.community);
  s.bind(2, publication.node);
  s.bind(3, publication.month);
  s.bind(4, publication.digest);
  s.bind(5, publication.entries);
  detail::bind_optional(s, 6, publication.author);
  s.bind(7, publication.text);
  s.bind(8, publication.at);
  s.exec();
  Publication kept = publication;
  kept.id = statements_->db.getLastInsertRowid();
  return kept;
}

bool PublicationRepository::scheduled_exists(const std::string& node, const std::string& month) {
  auto& s = detail::fresh(statements_->scheduled_exists);
  s.bind(1, node);
  s.bind(2, month);
  const bool found = s.executeStep();
  s.reset();
  return found;
}

std::vector<Publication> PublicationRepository::of_node(const std::string& node) {
  auto& s = detail::fresh(statements_->of_node);
  s.bind(1, node);
  std::vector<Publication> rows;
  while (s.executeStep()) {
    Publication row;
    row.id = s.getColumn(0).getInt64();
    row.community = s.getColumn(1).getString();
    row.node = s.getColumn(2).getString();
    row.month = s.getColumn(3).getString();
    row.digest = s.getColumn(4).getString();
    row.entries = s.getColumn(5).getInt64();
    row.author = detail::optional_text(s.getColumn(6));
    row.text = s.getColumn(7).getString();
    row.at = s.getColumn(8).getInt64();
    rows.push_back(std::move(row));
  }
  s.reset();
  return rows;
}

RankingRepository& PublicationRepository::standings() {
  return standings_;
}

TicketFiguresRepository& PublicationRepository::ticket_figures() {
  return ticket_figures_;
}

}  // namespace whistle::store
