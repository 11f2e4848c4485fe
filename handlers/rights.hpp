#pragma once

#include <optional>
#include <string>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// Whether the person is a leader of the node or of any node above it (a grid leader leads its
/// buildings and units too).
bool leads_node_or_above(const Services& services, const std::string& person, const std::string& node);

/// The leaders of the node and of every node above it, nearest first, each once.
std::vector<std::string> leaders_up_from(const Services& services, const std::string& node);

/// Whether the person may finish or cancel the task: its creator, or a leader of its node or above.
bool may_close_task(const Services& services, const std::string& person, const store::Task& task);

/// Whether the person leads a level the task was sent down to (下发), below its own: they run it on
/// site for their people, and see their check-ins and its sign-in code (an exploratory run of a snow
/// day, 2026-12-07: the building's leader was told to ask the 书记 for the code).
bool runs_task_below(const Services& services, const std::string& person, const store::Task& task);

/// Whether a signup's node lies in what the person leads (a signup without a node is the task's).
bool signup_in_area_of(const Services& services, const std::string& person, const store::Task& task,
                       const std::optional<std::string>& signup_node);

/// The nodes the person leads, as the store lists them.
std::vector<store::OrgNode> nodes_led_by(const Services& services, const std::string& person);

}  // namespace whistle::handlers
