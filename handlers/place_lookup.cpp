#include "handlers/place_lookup.hpp"

#include <algorithm>

#include "handlers/language/places.hpp"

namespace whistle::handlers {

namespace {

bool ends_with(const std::string& text, const std::string& tail) {
  return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

std::optional<store::OrgNode> only(const std::vector<store::OrgNode>& nodes) {
  if (nodes.size() == 1) return nodes.front();
  return std::nullopt;
}

// The one node with the longest name that starts `place` and is shorter than it.
std::optional<store::OrgNode> named_at_start(const std::string& place,
                                             const std::vector<store::OrgNode>& nodes) {
  std::vector<store::OrgNode> longest;
  for (const store::OrgNode& node : nodes) {
    if (node.name.empty() || node.name.size() >= place.size() || !place.starts_with(node.name)) continue;
    if (!longest.empty() && node.name.size() < longest.front().name.size()) continue;
    if (!longest.empty() && node.name.size() > longest.front().name.size()) longest.clear();
    longest.push_back(node);
  }
  return only(longest);
}

}  // namespace

std::optional<store::OrgNode> node_named(const Services& services, const std::string& place,
                                         const std::vector<store::OrgNode>& scope) {
  if (place.empty()) return std::nullopt;
  std::vector<store::OrgNode> exact;
  for (const store::OrgNode& node : services.org.all_nodes()) {
    if (node.name == place || node.id == place) exact.push_back(node);
  }
  // The same name in two communities: the one among `scope` (the final read, 2026-12-06).
  if (exact.size() > 1) {
    std::vector<store::OrgNode> in_scope;
    for (const store::OrgNode& node : exact) {
      if (std::any_of(scope.begin(), scope.end(), [&](const store::OrgNode& n) { return n.id == node.id; }))
        in_scope.push_back(node);
    }
    if (in_scope.size() == 1) return in_scope.front();
  }
  if (!exact.empty()) return only(exact);

  // A partial place ("2单元") is ambiguous across the whole org; within what the person leads it
  // usually is not.
  std::vector<store::OrgNode> partial;
  for (const store::OrgNode& node : scope) {
    if (ends_with(node.name, place)) partial.push_back(node);
  }
  if (!partial.empty()) return only(partial);

  // "3号楼门口", "3号楼2单元东侧" (a place as a leader labels it): the node named at its start,
  // within what the person leads when that tells, else across the org.
  if (auto node = named_at_start(place, scope)) return node;
  return named_at_start(place, services.org.all_nodes());
}

std::vector<store::OrgNode> subtrees_of(const Services& services, const std::vector<store::OrgNode>& roots) {
  std::vector<store::OrgNode> nodes;
  const auto add = [&nodes](const store::OrgNode& node) {
    const bool seen =
        std::any_of(nodes.begin(), nodes.end(), [&](const store::OrgNode& n) { return n.id == node.id; });
    if (!seen) nodes.push_back(node);
  };
  for (const store::OrgNode& root : roots) {
    add(root);
  }
  for (const store::OrgNode& root : roots) {
    for (const store::OrgNode& node : services.org.descendants(root.id)) {
      add(node);
    }
  }
  return nodes;
}

std::optional<store::OrgNode> node_asked_about(Context& context, const Command& command) {
  if (!command.place) return std::nullopt;
  std::vector<store::OrgNode> scope;
  if (context.node) {
    scope.push_back(*context.node);
  } else if (context.community) {
    if (std::optional<store::OrgNode> root = context.org.node(*context.community)) scope.push_back(*root);
  }
  std::optional<store::OrgNode> named = node_named(context, *command.place, subtrees_of(context, scope));
  if (named && context.community && named->community != *context.community) return std::nullopt;
  return named;
}

std::optional<store::OrgNode> node_named_in_words(Context& context, std::string_view words) {
  if (!context.community) return std::nullopt;
  std::vector<store::OrgNode> nodes;
  std::vector<std::string> names;
  for (const store::OrgNode& node : context.org.all_nodes()) {
    if (node.community != *context.community || node.level == 0) continue;
    nodes.push_back(node);
    names.push_back(node.name);
  }
  const auto place = language::find_place(words, language::PlaceNames(std::move(names)));
  if (!place) return std::nullopt;
  const auto node = std::find_if(nodes.begin(), nodes.end(),
                                 [&](const store::OrgNode& each) { return each.name == place->name; });
  return node == nodes.end() ? std::nullopt : std::optional<store::OrgNode>(*node);
}

}  // namespace whistle::handlers
