#pragma once

#include <optional>
#include <string>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// Where a report-in put someone: a place or the waitlist, and, when the task counts its places per
/// node, the node whose place it is and how many of that node's were taken before.
struct Placement {
  /// False for a task counted per node when the person has no node of the task's to take a place
  /// of: nothing was written.
  bool placed = false;
  bool waitlisted = false;
  std::optional<store::OrgNode> quota_node;
  int quota_taken = 0;
  /// The node's places were all taken: the person waits in that node's own line.
  bool waits_for_node = false;
};

/// Signs `person` up for `task`, as said in this message's chat: a place while there is one, else
/// the waitlist; a task counted per node takes a place of the chat's node, or of the node the
/// person's roles name. The person becomes a volunteer of the chat's node (the task's from
/// private). The caller has checked that they hold no place or line on it yet. Shared by one's own
/// report-in and a leader's for others (代报), so both count places alike.
/// `for_someone_else`: a leader's 代报 — a task counted per node takes a place of the node the
/// person's roles name before the chat's (冯单元长's 代报 in 3号楼1单元's group put 张三 of 2单元 on
/// 1单元's waitlist while 2单元 had places free: a review of stop 65).
Placement place_person(Context& context, const store::Task& task, const std::string& person,
                       bool for_someone_else = false);

}  // namespace whistle::handlers
