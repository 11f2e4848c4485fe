#pragma once

// Whose points: the node a person belongs to, and which leaders may adjust or look at their
// points (design: "by leaders of that person's node or above").

#include <optional>
#include <string>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// The nodes where a person holds any role (leader, staff, volunteer), each once.
std::vector<std::string> nodes_of_person(const Services& services, const std::string& person);

/// What a leader may do about a person's points, said in a chat.
struct PersonScope {
  bool allowed = false;
  /// The node an adjustment counts for: the chat's node when it is the person's own (or the
  /// person has none), else the first of the person's nodes the leader leads or is above.
  /// Empty when the person has no node and the chat has none (a private chat).
  std::optional<std::string> node;
  /// When not allowed: the node whose leaders (and those above) may, and those leaders.
  std::optional<std::string> owner;
  std::vector<std::string> leaders;
};

/// Whether `leader` may adjust or look at `person`'s points, talking in a chat bound to
/// `chat_node` (empty in private): a leader of one of the person's nodes or above; for someone
/// with no node of their own, a leader of the chat's node or above.
PersonScope scope_of_person(const Services& services, const std::string& leader, const std::string& person,
                            const std::optional<store::OrgNode>& chat_node);

}  // namespace whistle::handlers
