#pragma once

// Internal to whistle_config: the checks that make a list of nodes an org tree, shared by the
// [[node]] tables and the org CSV.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "config/config.hpp"
#include "config/config_error.hpp"

namespace whistle::config {

/// Where a node and each of its fields were written, so a problem can be named precisely.
struct NodeOrigin {
  Where node;  ///< the node as a whole
  /// Where each field was written, by field name ("parent"), for a [[node]] table. A CSV row keeps
  /// none: its fields are all on its line, under their column's name, and eight Wheres a row cost
  /// a district of 100k nodes about 100 MB while the config loads.
  std::map<std::string, Where, std::less<>> fields;
  bool csv_row = false;

  /// Where `field` is; the node's place (with the field's key) when it was not written.
  Where at(std::string_view field) const;
  /// "node[3]" or "org.csv line 5".
  std::string label() const;
};

/// The nodes as read, not yet checked against each other, and where each was written (same
/// index). Two vectors, not one of node-and-origin pairs: build_org hands the nodes on as they are,
/// where a second array of 100k nodes would be made while the first is still held.
struct OrgDraft {
  std::vector<Node> nodes;
  std::vector<NodeOrigin> origins;

  void reserve(std::size_t count) {
    nodes.reserve(count);
    origins.reserve(count);
  }
  void add(Node node, NodeOrigin origin) {
    nodes.push_back(std::move(node));
    origins.push_back(std::move(origin));
  }
};

/// Which node or responder each chat is bound to; a chat may be bound only once.
class ChatBindings {
 public:
  /// Binds `chat` to `owner` ("node \"b3\""); throws Error at `where` when it is bound already.
  void bind(const std::string& chat, const std::string& owner, const Where& where);

 private:
  std::map<std::string, std::string, std::less<>> owners_;
};

/// Checks the drafts in order (ids unique; parents first and one level up; ids of chats and people
/// qualified; chats bound once) and returns the nodes; throws Error at the first problem.
std::vector<Node> build_org(OrgDraft drafts, ChatBindings& chats);

/// Throws Error at `where` when `id` is not a qualified "platform:id".
void require_qualified_id(const Where& where, std::string_view id);

}  // namespace whistle::config
