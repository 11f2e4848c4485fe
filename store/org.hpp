#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace whistle::store {

class Database;

/// A place in the org tree. `level` is 0 community, 1 grid, 2 building, 3 unit.
struct OrgNode {
  std::string id;
  std::string community;  ///< id of the community node this node belongs to (itself for a community)
  int level = 0;
  std::string parent;  ///< empty for a community
  std::string name;
};

/// An outside party tickets can be dispatched to (物业, 驻区单位).
struct ResponderRow {
  std::string id;
  std::string name;
  std::string node;
  std::vector<std::string> chats;
  std::vector<std::string> members;  ///< people who may accept, resolve and send back its tickets
};

/// The org tree, its group chats and responders.
class OrgRepository {
 public:
  explicit OrgRepository(Database& db);
  ~OrgRepository();

  /// Inserts or updates a node (its parent must already exist).
  void upsert_node(const OrgNode& node);

  /// Binds a group chat to a node, replacing an earlier binding of that chat.
  void bind_chat(const std::string& chat, const std::string& node);

  /// Inserts or updates a responder, its chats and its members.
  void upsert_responder(const ResponderRow& responder);

  std::optional<OrgNode> node(const std::string& id);

  /// The node a group chat is bound to; empty for an unbound chat.
  std::optional<OrgNode> node_of_chat(const std::string& chat);

  /// The group chats bound to a node.
  std::vector<std::string> chats_of(const std::string& node);

  /// Every node below `node` (not itself), parents before children.
  std::vector<OrgNode> descendants(const std::string& node);

  /// `node` itself, then its parent, up to the community.
  std::vector<OrgNode> ancestors_and_self(const std::string& node);

  /// Every node, parents before children.
  std::vector<OrgNode> all_nodes();

 private:
  struct Statements;
  std::unique_ptr<Statements> statements_;
};

}  // namespace whistle::store
