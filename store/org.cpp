#include "store/org.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "store/database.hpp"
#include "store/statement.hpp"

namespace whistle::store {

namespace {

constexpr const char* kUpsertNode =
    "INSERT INTO org_nodes (id, community_id, level, parent_id, name) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (id) DO UPDATE SET community_id = excluded.community_id, level = excluded.level, "
    "parent_id = excluded.parent_id, name = excluded.name";
constexpr const char* kBindChat =
    "INSERT INTO chats (id, node_id, community_id, bound_at) "
    "VALUES (?1, ?2, (SELECT community_id FROM org_nodes WHERE id = ?2), ?3) "
    "ON CONFLICT (id) DO UPDATE SET node_id = excluded.node_id, community_id = excluded.community_id";
constexpr const char* kUpsertResponder =
    "INSERT INTO responders (id, community_id, node_id, name) "
    "VALUES (?1, (SELECT community_id FROM org_nodes WHERE id = ?2), ?2, ?3) "
    "ON CONFLICT (id) DO UPDATE SET community_id = excluded.community_id, node_id = excluded.node_id, "
    "name = excluded.name";
constexpr const char* kClearResponderChats = "DELETE FROM responder_chats WHERE responder_id = ?";
constexpr const char* kAddResponderChat =
    "INSERT OR REPLACE INTO responder_chats (responder_id, chat) VALUES (?, ?)";

constexpr const char* kClearResponderMembers = "DELETE FROM responder_members WHERE responder_id = ?";
constexpr const char* kAddResponderMember =
    "INSERT OR IGNORE INTO responder_members (responder_id, person_id) VALUES (?, ?)";

constexpr const char* kNodeColumns = "n.id, n.community_id, n.level, COALESCE(n.parent_id, ''), n.name";
const std::string kNode = std::string("SELECT ") + kNodeColumns + " FROM org_nodes n WHERE n.id = ?";
const std::string kNodeOfChat = std::string("SELECT ") + kNodeColumns +
                                " FROM chats c JOIN org_nodes n ON n.id = c.node_id WHERE c.id = ?";
constexpr const char* kChatsOf = "SELECT id FROM chats WHERE node_id = ? ORDER BY rowid";
// Ordered by depth, then by the order nodes were configured: parents always before children.
const std::string kDescendants =
    std::string(
        "WITH RECURSIVE below(id, depth) AS (SELECT id, 0 FROM org_nodes WHERE parent_id = ?1 "
        "UNION ALL SELECT o.id, b.depth + 1 FROM org_nodes o JOIN below b ON o.parent_id = b.id) "
        "SELECT ") +
    kNodeColumns + " FROM below b JOIN org_nodes n ON n.id = b.id ORDER BY b.depth, n.rowid";
const std::string kAncestors =
    std::string(
        "WITH RECURSIVE up(id, depth) AS (SELECT ?1, 0 UNION ALL "
        "SELECT o.parent_id, u.depth + 1 FROM org_nodes o JOIN up u ON o.id = u.id "
        "WHERE o.parent_id IS NOT NULL) SELECT ") +
    kNodeColumns + " FROM up u JOIN org_nodes n ON n.id = u.id ORDER BY u.depth";
const std::string kAllNodes =
    std::string("SELECT ") + kNodeColumns + " FROM org_nodes n ORDER BY n.level, n.rowid";

OrgNode read_node(SQLite::Statement& s) {
  return OrgNode{s.getColumn(0).getString(), s.getColumn(1).getString(), s.getColumn(2).getInt(),
                 s.getColumn(3).getString(), s.getColumn(4).getString()};
}

std::vector<OrgNode> read_nodes(SQLite::Statement& s) {
  std::vector<OrgNode> nodes;
  while (s.executeStep())
    nodes.push_back(read_node(s));
  return nodes;
}

}  // namespace

struct OrgRepository::Statements {
  SQLite::Statement upsert_node, bind_chat, upsert_responder, clear_responder_chats, add_responder_chat, node,
      node_of_chat, chats_of, descendants, ancestors, all_nodes, clear_responder_members,
      add_responder_member;
  explicit Statements(SQLite::Database& db)
      : upsert_node(db, kUpsertNode),
        bind_chat(db, kBindChat),
        upsert_responder(db, kUpsertResponder),
        clear_responder_chats(db, kClearResponderChats),
        add_responder_chat(db, kAddResponderChat),
        node(db, kNode),
        node_of_chat(db, kNodeOfChat),
        chats_of(db, kChatsOf),
        descendants(db, kDescendants),
        ancestors(db, kAncestors),
        all_nodes(db, kAllNodes),
        clear_responder_members(db, kClearResponderMembers),
        add_responder_member(db, kAddResponderMember) {}
};

OrgRepository::OrgRepository(Database& db) : statements_(std::make_unique<Statements>(db.raw())) {}
OrgRepository::~OrgRepository() = default;

void OrgRepository::upsert_node(const OrgNode& node) {
  auto& s = detail::fresh(statements_->upsert_node);
  s.bind(1, node.id);
  s.bind(2, node.community);
  s.bind(3, node.level);
  detail::bind_optional(s, 4, node.parent.empty() ? std::nullopt : std::optional<std::string>(node.parent));
  s.bind(5, node.name);
  s.exec();
}

void OrgRepository::bind_chat(const std::string& chat, const std::string& node) {
  auto& s = detail::fresh(statements_->bind_chat);
  s.bind(1, chat);
  s.bind(2, node);
  s.bind(3, std::int64_t{0});
  s.exec();
}

void OrgRepository::upsert_responder(const ResponderRow& responder) {
  auto& s = detail::fresh(statements_->upsert_responder);
  s.bind(1, responder.id);
  s.bind(2, responder.node);
  s.bind(3, responder.name);
  s.exec();
  auto& clear = detail::fresh(statements_->clear_responder_chats);
  clear.bind(1, responder.id);
  clear.exec();
  for (const std::string& chat : responder.chats) {
    auto& add = detail::fresh(statements_->add_responder_chat);
    add.bind(1, responder.id);
    add.bind(2, chat);
    add.exec();
  }
  auto& clear_members = detail::fresh(statements_->clear_responder_members);
  clear_members.bind(1, responder.id);
  clear_members.exec();
  for (const std::string& member : responder.members) {
    auto& add = detail::fresh(statements_->add_responder_member);
    add.bind(1, responder.id);
    add.bind(2, member);
    add.exec();
  }
}

std::optional<OrgNode> OrgRepository::node(const std::string& id) {
  auto& s = detail::fresh(statements_->node);
  s.bind(1, id);
  if (!s.executeStep()) return std::nullopt;
  return read_node(s);
}

std::optional<OrgNode> OrgRepository::node_of_chat(const std::string& chat) {
  auto& s = detail::fresh(statements_->node_of_chat);
  s.bind(1, chat);
  if (!s.executeStep()) return std::nullopt;
  return read_node(s);
}

std::vector<std::string> OrgRepository::chats_of(const std::string& node) {
  auto& s = detail::fresh(statements_->chats_of);
  s.bind(1, node);
  std::vector<std::string> chats;
  while (s.executeStep())
    chats.push_back(s.getColumn(0).getString());
  return chats;
}

std::vector<OrgNode> OrgRepository::descendants(const std::string& node) {
  auto& s = detail::fresh(statements_->descendants);
  s.bind(1, node);
  return read_nodes(s);
}

std::vector<OrgNode> OrgRepository::ancestors_and_self(const std::string& node) {
  auto& s = detail::fresh(statements_->ancestors);
  s.bind(1, node);
  return read_nodes(s);
}

std::vector<OrgNode> OrgRepository::all_nodes() {
  return read_nodes(detail::fresh(statements_->all_nodes));
}

}  // namespace whistle::store
