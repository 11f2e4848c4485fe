#pragma once

#include <cstdint>
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

/// How a group chat came to its node: by the config (`bound_by` empty) or with 绑定 in the chat.
struct ChatBinding {
  std::string chat;
  std::string node;
  std::optional<std::string> bound_by;  ///< who said 绑定; empty for a binding from the config
  std::int64_t bound_at = 0;            ///< when it was said; 0 for the config's
};

/// The org tree, its group chats and responders.
class OrgRepository {
 public:
  explicit OrgRepository(Database& db);
  ~OrgRepository();

  /// Inserts or updates a node (its parent must already exist).
  void upsert_node(const OrgNode& node);

  /// Binds a group chat to a node as the config says, replacing an earlier binding of that chat,
  /// one made in the chat included: the config wins.
  void bind_chat(const std::string& chat, const std::string& node);

  /// Binds a group chat to a node because `person` said 绑定 there at `at`, replacing an earlier
  /// binding made in a chat. Returns false, changing nothing, when the config binds the chat.
  bool bind_chat_at_run_time(const std::string& chat, const std::string& node, const std::string& person,
                             std::int64_t at);

  /// Removes a binding made in the chat (解绑). Returns false, changing nothing, when the chat is
  /// bound by the config or not at all.
  bool unbind_chat_at_run_time(const std::string& chat);

  /// How the chat is bound; empty for a chat bound to nothing.
  std::optional<ChatBinding> binding_of(const std::string& chat);

  /// The chats the config bound (at this or an earlier start), in the order they were bound.
  std::vector<std::string> chats_bound_by_config();

  /// Removes a binding the config made, for a chat the config no longer names.
  void unbind_config_chat(const std::string& chat);

  /// Records that an unbound group was told how to bind it. Returns true the first time for that
  /// chat, false when it had been told already.
  bool note_bind_hint(const std::string& chat, std::int64_t at);

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

  /// The communities' ids (the nodes of level 0), as configured.
  std::vector<std::string> communities();

  /// Every node, parents before children.
  std::vector<OrgNode> all_nodes();

 private:
  struct Statements;
  std::unique_ptr<Statements> statements_;
};

}  // namespace whistle::store
