#pragma once

#include <optional>
#include <string>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// One person a command names with "@": as typed, and who that is when the bot could tell.
struct NamedPerson {
  std::string typed;              ///< "张三" of "@张三", or the platform's id when only it was sent
  std::optional<std::string> id;  ///< the qualified person id; empty when nobody fits
  /// With no id: how many of the community's people answer to the name. Two or more is a question
  /// which one, not "没有找到" (an exploratory run of roles changing, 2026-12-06).
  std::size_t namesakes = 0;
};

/// The people a command acts on, in the order named, each once. A name is matched, first, to an
/// id the platform sent with the message whose person answers to it; then among `preferred` (a
/// task's signups: the people a leader is most likely to mean); then the platform's ids left are
/// taken, in order, for the names left open; then a name still open is looked up as an id on the
/// sender's platform, among the community's people with a role, and anywhere. A name that fits
/// several people of the community, or none, stays unresolved. Ids the platform sent that no
/// typed name took are added.
std::vector<NamedPerson> named_people(Context& context, const Command& command,
                                      const std::vector<std::string>& preferred = {});

}  // namespace whistle::handlers
