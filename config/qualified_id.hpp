#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace whistle::config {

/// Whether `name` is a chat platform Whistle knows ("generic", "wecom", "feishu", "dingtalk", "telegram").
bool is_platform_name(std::string_view name);

/// The known platform names, comma-separated, for messages.
std::string platform_names();

/// Why `id` is not a qualified id "platform:id" (a chat or a person); empty when it is one.
std::optional<std::string> qualified_id_problem(std::string_view id);

}  // namespace whistle::config
