#include "handlers/message.hpp"

namespace whistle::handlers {

std::string platform_of(const std::string& qualified_id) {
  const auto colon = qualified_id.find(':');
  // An unqualified id has no platform; the caller sees an empty one rather than the whole id.
  return colon == std::string::npos ? std::string() : qualified_id.substr(0, colon);
}

std::string local_part(const std::string& qualified_id) {
  return std::string(local_part_view(qualified_id));
}

std::string_view local_part_view(std::string_view qualified_id) {
  const auto colon = qualified_id.find(':');
  return colon == std::string_view::npos ? qualified_id : qualified_id.substr(colon + 1);
}

std::string private_chat_of(const std::string& person_id) {
  const auto colon = person_id.find(':');
  if (colon == std::string::npos) return "@" + person_id;
  return person_id.substr(0, colon + 1) + "@" + person_id.substr(colon + 1);
}

}  // namespace whistle::handlers
