#pragma once

#include <optional>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// A report-in that names others (代报): "帮@何大爷 报到 1", "报到 1 @何大爷", and a leader's
/// "@冯单元长 @何大爷 报到 1" listing themself among the people. From whoever runs the task (may
/// close it, or leads a level it was sent down to), each person named is signed up (a task counted
/// per unit takes a place of the person's own unit, by their roles, before the chat's) and told in
/// private; one already in, unknown, a name several people answer to, or without a place is said so.
/// From anyone else, a sign-up asked for someone ("帮@王阿姨 报到 1") signs nobody: a place and its
/// points are one person's, who is asked to report in themselves.
/// Empty when the line names nobody but the sender and the task's leaders (a volunteer's "报到 1
/// @陈单元长" addresses the leader): then it is the sender's own report-in.
std::optional<std::vector<Reply>> report_in_named_people(Context& context, const Command& command,
                                                         const store::Task& task);

}  // namespace whistle::handlers
