#include "store/org.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "store/database.hpp"
#include "store/hot_state.hpp"
#include "store/statement.hpp"

namespace whistle::store {

namespace {

constexpr const char* kUpsertNode =
    "INSERT INTO org_nodes (id, community_id, level, parent_id, name) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (id) DO UPDATE SET community_id = excluded.community_id, level = excluded.level, "
    "parent_id = excluded.parent_id, name = excluded.name";
// The config's binding: bound_by NULL and bound_at 0, also over a binding made in the chat.
constexpr const char* kBindChat =
    "INSERT INTO chats (id, node_id, community_id, bound_at, bound_by) "
    "VALUES (?1, ?2, (SELECT community_id FROM org_nodes WHERE id = ?2), 0, NULL) "
    "ON CONFLICT (id) DO UPDATE SET node_id = excluded.node_id, community_id = excluded.community_id, "
    "bound_at = 0, bound_by = NULL";
// 绑定: the DO UPDATE's WHERE leaves a config binding alone (no row changes, so the caller knows).
constexpr const char* kBindChatAtRunTime =
    "INSERT INTO chats (id, node_id, community_id, bound_at, bound_by) "
    "VALUES (?1, ?2, (SELECT community_id FROM org_nodes WHERE id = ?2), ?4, ?3) "
    "ON CONFLICT (id) DO UPDATE SET node_id = excluded.node_id, community_id = excluded.community_id, "
    "bound_at = excluded.bound_at, bound_by = excluded.bound_by WHERE chats.bound_by IS NOT NULL";
constexpr const char* kUnbindChatAtRunTime = "DELETE FROM chats WHERE id = ? AND bound_by IS NOT NULL";
constexpr const char* kBindingOf = "SELECT id, node_id, bound_by, bound_at FROM chats WHERE id = ?";
constexpr const char* kChatsBoundByConfig = "SELECT id FROM chats WHERE bound_by IS NULL ORDER BY rowid";
constexpr const char* kUnbindConfigChat = "DELETE FROM chats WHERE id = ? AND bound_by IS NULL";
constexpr const char* kNoteBindHint =
    "INSERT INTO unbound_chat_hints (chat, told_at) VALUES (?, ?) ON CONFLICT (chat) DO NOTHING";
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
constexpr const char* kNodeIdOfChat = "SELECT node_id FROM chats WHERE id = ?";
constexpr const char* kChatsOf = "SELECT id FROM chats WHERE node_id = ? ORDER BY rowid";
// Ordered by depth, then by the order nodes were configured: parents always before children.
const std::string kDescendants =
    std::string(
        "WITH RECURSIVE below(id, depth) AS (SELECT id, 0 FROM org_nodes WHERE parent_id = ?1 "
        "UNION ALL SELECT o.id, b.depth + 1 FROM org_nodes o JOIN below b ON o.parent_id = b.id) "
        "SELECT ") +
    kNodeColumns + " FROM below b JOIN org_nodes n ON n.id = b.id ORDER BY b.depth, n.rowid";
// Deeper than any org (community, grid, building, unit) may be; see ancestors_and_self.
constexpr int kMaxOrgDepth = 32;
constexpr const char* kCommunities = "SELECT id FROM org_nodes WHERE level = 0 ORDER BY rowid";
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
      node_of_chat, chats_of, descendants, all_nodes, clear_responder_members, add_responder_member,
      bind_chat_at_run_time, unbind_chat_at_run_time, binding_of, chats_bound_by_config, unbind_config_chat,
      note_bind_hint, communities;
  Database& database;
  explicit Statements(Database& owner, SQLite::Database& db)
      : upsert_node(db, kUpsertNode),
        bind_chat(db, kBindChat),
        upsert_responder(db, kUpsertResponder),
        clear_responder_chats(db, kClearResponderChats),
        add_responder_chat(db, kAddResponderChat),
        node(db, kNode),
        node_of_chat(db, kNodeIdOfChat),
        chats_of(db, kChatsOf),
        descendants(db, kDescendants),
        all_nodes(db, kAllNodes),
        clear_responder_members(db, kClearResponderMembers),
        add_responder_member(db, kAddResponderMember),
        bind_chat_at_run_time(db, kBindChatAtRunTime),
        unbind_chat_at_run_time(db, kUnbindChatAtRunTime),
        binding_of(db, kBindingOf),
        chats_bound_by_config(db, kChatsBoundByConfig),
        unbind_config_chat(db, kUnbindConfigChat),
        note_bind_hint(db, kNoteBindHint),
        communities(db, kCommunities),
        database(owner) {}

  HotState& hot() { return database.hot(); }

  // A chat's binding changed (or may have): read again on next use.
  void forget_chat(const std::string& chat) { hot().node_id_of_chat.erase(chat); }
};

OrgRepository::OrgRepository(Database& db) : statements_(std::make_unique<Statements>(db, db.raw())) {}
OrgRepository::~OrgRepository() = default;

void OrgRepository::upsert_node(const OrgNode& node) {
  auto& s = detail::fresh(statements_->upsert_node);
  s.bind(1, node.id);
  s.bind(2, node.community);
  s.bind(3, node.level);
  detail::bind_optional(s, 4, node.parent.empty() ? std::nullopt : std::optional<std::string>(node.parent));
  s.bind(5, node.name);
  s.exec();
  HotState& hot = statements_->hot();
  hot.nodes.erase(node.id);
  hot.communities.reset();
  // A node that moved takes its people's roles to another community.
  hot.holders_in_community.clear();
}

void OrgRepository::bind_chat(const std::string& chat, const std::string& node) {
  auto& s = detail::fresh(statements_->bind_chat);
  s.bind(1, chat);
  s.bind(2, node);
  s.exec();
  statements_->forget_chat(chat);
}

bool OrgRepository::bind_chat_at_run_time(const std::string& chat, const std::string& node,
                                          const std::string& person, std::int64_t at) {
  auto& s = detail::fresh(statements_->bind_chat_at_run_time);
  s.bind(1, chat);
  s.bind(2, node);
  s.bind(3, person);
  s.bind(4, at);
  const bool bound = s.exec() > 0;
  statements_->forget_chat(chat);
  return bound;
}

bool OrgRepository::unbind_chat_at_run_time(const std::string& chat) {
  auto& s = detail::fresh(statements_->unbind_chat_at_run_time);
  s.bind(1, chat);
  const bool unbound = s.exec() > 0;
  statements_->forget_chat(chat);
  return unbound;
}

std::optional<ChatBinding> OrgRepository::binding_of(const std::string& chat) {
  auto& s = detail::fresh(statements_->binding_of);
  s.bind(1, chat);
  if (!s.executeStep()) return std::nullopt;
  ChatBinding binding{s.getColumn(0).getString(), s.getColumn(1).getString(),
                      detail::optional_text(s.getColumn(2)), s.getColumn(3).getInt64()};
  s.tryReset();  // see Database::release_snapshots
  return binding;
}

std::vector<std::string> OrgRepository::chats_bound_by_config() {
  auto& s = detail::fresh(statements_->chats_bound_by_config);
  std::vector<std::string> chats;
  while (s.executeStep())
    chats.push_back(s.getColumn(0).getString());
  return chats;
}

void OrgRepository::unbind_config_chat(const std::string& chat) {
  auto& s = detail::fresh(statements_->unbind_config_chat);
  s.bind(1, chat);
  s.exec();
  statements_->forget_chat(chat);
}

bool OrgRepository::note_bind_hint(const std::string& chat, std::int64_t at) {
  auto& s = detail::fresh(statements_->note_bind_hint);
  s.bind(1, chat);
  s.bind(2, at);
  return s.exec() > 0;
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
  HotState& hot = statements_->hot();
  if (auto known = hot.nodes.find(id); known != hot.nodes.end()) return known->second;
  auto& s = detail::fresh(statements_->node);
  s.bind(1, id);
  std::optional<OrgNode> node;
  if (s.executeStep()) node = read_node(s);
  s.tryReset();
  hot.nodes.emplace(id, node);
  return node;
}

std::optional<OrgNode> OrgRepository::node_of_chat(const std::string& chat) {
  HotState& hot = statements_->hot();
  auto known = hot.node_id_of_chat.find(chat);
  if (known == hot.node_id_of_chat.end()) {
    auto& s = detail::fresh(statements_->node_of_chat);
    s.bind(1, chat);
    std::optional<std::string> node_id;
    if (s.executeStep()) node_id = s.getColumn(0).getString();
    s.tryReset();
    known = hot.node_id_of_chat.emplace(chat, std::move(node_id)).first;
  }
  if (!known->second) return std::nullopt;
  // A copy: node() may read and grow the hot state's maps.
  const std::string node_id = *known->second;
  return node(node_id);
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
  // Walked up through node(), which the hot state keeps: every rights check asks this, and the
  // recursive query it replaces was 6 % of the writer's time in the storm. Same answer: self
  // first, then each parent, ending at a node that has none or names one that does not exist.
  std::vector<OrgNode> chain;
  std::string id = node;
  // Four levels exist; the bound only keeps a parent cycle in a hand-edited file from looping.
  for (int depth = 0; depth < kMaxOrgDepth; ++depth) {
    std::optional<OrgNode> found = OrgRepository::node(id);
    if (!found) break;
    id = found->parent;
    chain.push_back(std::move(*found));
    if (id.empty()) break;
  }
  return chain;
}

std::vector<std::string> OrgRepository::communities() {
  HotState& hot = statements_->hot();
  if (hot.communities) return *hot.communities;
  auto& s = detail::fresh(statements_->communities);
  std::vector<std::string> ids;
  while (s.executeStep())
    ids.push_back(s.getColumn(0).getString());
  hot.communities = ids;
  return ids;
}

std::vector<OrgNode> OrgRepository::all_nodes() {
  return read_nodes(detail::fresh(statements_->all_nodes));
}

}  // namespace whistle::store
