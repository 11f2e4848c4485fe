#include "config/org_tree.hpp"

#include <algorithm>
#include <set>

#include "config/qualified_id.hpp"

namespace whistle::config {

namespace {

// One node of an OrgDraft and where it was written.
struct NodeDraft {
  const Node& node;
  const NodeOrigin& origin;
};

// Nodes checked so far, by id: their index in the draft.
using Earlier = std::map<std::string_view, std::size_t>;

// "a community", "a grid", "a building", "a unit": no level name takes "an".
std::string with_article(Level level) {
  return "a " + std::string(level_name(level));
}

// Node ids appear unprefixed where the generic platform names chats (the demo's chat ids are
// node ids), so the characters that mean something in a qualified id are kept out of them.
void check_node_id(const NodeDraft& draft) {
  const std::string& id = draft.node.id;
  if (id.empty()) fail(draft.origin.at("id"), "missing (required)");
  const bool bad = std::any_of(id.begin(), id.end(), [](char c) {
    return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f || c == ':' || c == '@';
  });
  if (bad) fail(draft.origin.at("id"), in_quotes(id) + " may not contain spaces, ':' or '@'");
}

void check_parent(const NodeDraft& draft, const OrgDraft& drafts, const Earlier& earlier,
                  const std::set<std::string_view>& all_ids) {
  const Node& node = draft.node;
  if (node.level == Level::community) {
    if (!node.parent.empty())
      fail(draft.origin.at("parent"), "a community has no parent (found " + in_quotes(node.parent) + ")");
    return;
  }
  const Level expected = static_cast<Level>(static_cast<int>(node.level) - 1);
  if (node.parent.empty()) {
    fail(draft.origin.at("parent"),
         "missing: " + with_article(node.level) + " needs a parent (" + with_article(expected) + ")");
  }
  auto found = earlier.find(node.parent);
  if (found == earlier.end()) {
    if (all_ids.contains(node.parent)) {
      fail(draft.origin.at("parent"),
           in_quotes(node.parent) + " is defined after this node (parent must come first)");
    }
    fail(draft.origin.at("parent"), in_quotes(node.parent) + " is not a node (parent must come first)");
  }
  const Level parent_level = drafts.nodes[found->second].level;
  if (parent_level != expected) {
    fail(draft.origin.at("parent"),
         "a child must be exactly one level below its parent: the parent of " + with_article(node.level) +
             " must be " + with_article(expected) + ", but " + in_quotes(node.parent) + " is " +
             with_article(parent_level) + " (levels: community, grid, building, unit)");
  }
}

// Leaders and staff: qualified ids, each named once per list.
void check_people(const NodeDraft& draft, std::string_view field, const std::vector<std::string>& people) {
  std::set<std::string_view> seen;
  for (const std::string& person : people) {
    require_qualified_id(draft.origin.at(field), person);
    if (!seen.insert(person).second) fail(draft.origin.at(field), in_quotes(person) + " is listed twice");
  }
}

}  // namespace

Where NodeOrigin::at(std::string_view field) const {
  auto found = fields.find(field);
  if (found != fields.end()) return found->second;
  Where where = node;
  if (csv_row) {
    // The Node's field is "chats"; the CSV column is "chat".
    where.key = field == "chats" ? "chat" : std::string(field);
    return where;
  }
  where.key = where.key.empty() ? std::string(field) : where.key + "." + std::string(field);
  return where;
}

std::string NodeOrigin::label() const {
  return csv_row ? node.file + " line " + std::to_string(node.line) : node.key;
}

void ChatBindings::bind(const std::string& chat, const std::string& owner, const Where& where) {
  auto [it, inserted] = owners_.emplace(chat, owner);
  if (!inserted)
    fail(where, "chat " + in_quotes(chat) + " is bound twice: it is already bound to " + it->second);
}

void require_qualified_id(const Where& where, std::string_view id) {
  if (std::optional<std::string> problem = qualified_id_problem(id)) fail(where, *problem);
}

std::vector<Node> build_org(OrgDraft drafts, ChatBindings& chats) {
  // All ids first, so that a parent written after its child is told apart from one that is missing.
  // Views into the nodes, which stay put until they are handed on at the end.
  std::set<std::string_view> all_ids;
  for (const Node& node : drafts.nodes)
    all_ids.insert(node.id);

  Earlier earlier;
  for (std::size_t i = 0; i < drafts.nodes.size(); ++i) {
    const NodeDraft draft{drafts.nodes[i], drafts.origins[i]};
    check_node_id(draft);
    if (auto previous = earlier.find(draft.node.id); previous != earlier.end()) {
      fail(draft.origin.at("id"), "duplicate node id " + in_quotes(draft.node.id) + " (first defined at " +
                                      drafts.origins[previous->second].label() + ")");
    }
    check_parent(draft, drafts, earlier, all_ids);
    for (const std::string& chat : draft.node.chats) {
      require_qualified_id(draft.origin.at("chats"), chat);
      chats.bind(chat, "node " + in_quotes(draft.node.id), draft.origin.at("chats"));
    }
    check_people(draft, "leaders", draft.node.leaders);
    check_people(draft, "staff", draft.node.staff);
    earlier.emplace(draft.node.id, i);
  }
  return std::move(drafts.nodes);
}

}  // namespace whistle::config
