#pragma once

#include <map>
#include <optional>
#include <string>

#include "handlers/context.hpp"
#include "handlers/language/command.hpp"

namespace whistle::handlers {

/// "每单元3人": the task's places for so many nodes of a level, and how the post says they were
/// counted.
struct CountPerNode {
  store::PlacesPerNode per_node;
  int total = 0;
  std::string note;
};

/// What a level is called (网格, 楼栋, 单元); empty for the community's.
std::string level_name(const Services& services, int level);

/// The places a count for each node of a level gives a task at `node`: one count for every node of
/// that level at or under it. Empty when the command names no such count, or no such node exists
/// (the count is then the task's).
std::optional<CountPerNode> count_per_node(const Services& services, const Command& command,
                                           const store::OrgNode& node);

/// The node of the task's level a place taken from `node` counts for: `node` itself or the one
/// above it at that level, under the task's node. Empty for a pooled task, and for a node above
/// that level or outside the task's.
std::optional<store::OrgNode> quota_node_of(const Services& services, const store::Task& task,
                                            const std::optional<std::string>& node);

/// Signed-up people per node of the task's level, by node id; those whose place counts for no node
/// are left out. Read once (a read of all the task's signups) and handed to the calls that weigh
/// the nodes' places.
using PlacesTaken = std::map<std::string, int>;
PlacesTaken places_taken(const Services& services, const store::Task& task);

/// How many of `quota_node`'s places are taken.
int taken_of(const PlacesTaken& taken, const std::string& quota_node);

/// The node of the task's level the person's roles place them in, one with a place free first.
std::optional<store::OrgNode> quota_node_of_roles(const Services& services, const store::Task& task,
                                                  const std::string& person, const PlacesTaken& taken);

/// The names of the nodes of the task's level that still have a place free, joined for a reply.
std::string nodes_with_room(const Services& services, const store::Task& task);

/// A task's places just came to be counted per node (修改 N 每单元1人): a signup whose place counts
/// for no node is placed by the person's roles; one still of no node is withdrawn, whether it held
/// a place or waited, and told why (the places are the nodes', and none will ever be theirs).
std::vector<Reply> place_signups_of_no_node(Context& context, const store::Task& task);

/// The node whose places a person reporting in takes: the chat's, else (said in private or in a
/// group above the level) the nodes of their roles, one with a place free first.
std::optional<store::OrgNode> quota_node_of_reporter(const Context& context, const store::Task& task,
                                                     const std::string& person, const PlacesTaken& taken);

/// The one on the waitlist a freed place goes to: the first in line, or, when the places are
/// counted per node, the first whose node has one free.
std::optional<store::Signup> next_in_line(const Services& services, const store::Task& task);

/// 1-based place of a waitlisted person in the line they wait in: the task's, or their node's when
/// the places are counted per node; 0 when they do not wait.
int place_in_node_line(const Services& services, const store::Task& task, const std::string& person);

}  // namespace whistle::handlers
