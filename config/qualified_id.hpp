#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace whistle::config {

/// Whether `name` is a chat platform Whistle knows ("generic", "wecom", "feishu", "dingtalk", "telegram").
bool is_platform_name(std::string_view name);

/// The known platform names, comma-separated, for messages.
std::string platform_names();

/// Why `id` is not a qualified id "platform:id" (a chat or a person); empty when it is one.
std::optional<std::string> qualified_id_problem(std::string_view id);

/// A person's id as the bot keeps it. WeCom's app, AI bot and group robot belong to one corp and
/// see one `userid`, so a person written "wecom_bot:lisi" (or "wecom_robot.east:lisi") is the
/// person "wecom:lisi" ("wecom.east:lisi"): a leader named once is known in every WeCom chat.
/// Other ids come back unchanged.
std::string canonical_person_id(std::string id);

/// canonical_person_id over a list.
std::vector<std::string> canonical_person_ids(std::vector<std::string> ids);

}  // namespace whistle::config
