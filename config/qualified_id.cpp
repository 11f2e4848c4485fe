#include "config/qualified_id.hpp"

#include <algorithm>
#include <array>

#include "config/config_error.hpp"

namespace whistle::config {

namespace {
// Ids of every platform are accepted now, so an org file written for a later release (with
// WeCom groups, say) already validates; the platform tables themselves come one release at a time.
constexpr std::array<std::string_view, 7> kPlatforms = {"generic", "wecom",    "wecom_bot", "wecom_robot",
                                                        "feishu",  "dingtalk", "telegram"};

bool is_space_or_control(char c) {
  return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f;
}
}  // namespace

bool is_platform_name(std::string_view name) {
  return std::find(kPlatforms.begin(), kPlatforms.end(), name) != kPlatforms.end();
}

std::string platform_names() {
  std::string result;
  for (std::string_view name : kPlatforms) {
    if (!result.empty()) result += ", ";
    result += name;
  }
  return result;
}

std::optional<std::string> qualified_id_problem(std::string_view id) {
  const auto colon = id.find(':');
  if (colon == std::string_view::npos) {
    return in_quotes(id) + " is not a qualified id \"platform:id\" (for example " +
           in_quotes("generic:" + std::string(id)) + ")";
  }
  const std::string_view prefix = id.substr(0, colon);
  // "feishu.ops:oc_1" is a chat of the instance `ops`; "feishu:oc_1" one of `default`.
  const std::string_view platform = prefix.substr(0, prefix.find('.'));
  const std::string_view local = id.substr(colon + 1);
  if (platform.size() < prefix.size()) {
    const std::string_view instance = prefix.substr(platform.size() + 1);
    if (instance.empty() || !std::all_of(instance.begin(), instance.end(), [](char c) {
          return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                 c == '-';
        })) {
      return in_quotes(id) + " has an invalid instance name after \"" + std::string(platform) + ".\"";
    }
    if (instance == "default") {
      return in_quotes(id) + " names the instance \"default\": write " +
             in_quotes(std::string(platform) + ":" + std::string(local)) +
             " (ids of the default instance carry no name)";
    }
  }
  if (!is_platform_name(platform)) {
    return in_quotes(id) + " names an unknown platform " + in_quotes(platform) +
           " (known: " + platform_names() + ")";
  }
  if (local.empty()) return in_quotes(id) + " has nothing after \"" + std::string(platform) + ":\"";
  if (std::any_of(local.begin(), local.end(), is_space_or_control)) {
    return in_quotes(id) + " contains a space or a control character";
  }
  return std::nullopt;
}

std::string canonical_person_id(std::string id) {
  for (std::string_view channel : {std::string_view("wecom_bot"), std::string_view("wecom_robot")}) {
    if (id.starts_with(channel) && id.size() > channel.size() &&
        (id[channel.size()] == ':' || id[channel.size()] == '.')) {
      return "wecom" + id.substr(channel.size());
    }
  }
  return id;
}

std::vector<std::string> canonical_person_ids(std::vector<std::string> ids) {
  for (std::string& id : ids)
    id = canonical_person_id(std::move(id));
  return ids;
}

}  // namespace whistle::config
