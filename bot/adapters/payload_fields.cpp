#include "bot/adapters/payload_fields.hpp"

#include <charconv>

namespace whistle::bot {

using nlohmann::json;

HttpError bad_field(std::string_view field, std::string_view problem) {
  std::string message = "\"";
  message += field;
  message += "\" ";
  message += problem;
  return HttpError{400, std::move(message)};
}

const json* member(const json& object, std::string_view field) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(field);
  if (it == object.end() || it->is_null()) return nullptr;
  return &*it;
}

std::string string_member(const json& object, std::string_view field) {
  const json* value = member(object, field);
  return value != nullptr && value->is_string() ? value->get<std::string>() : std::string();
}

std::optional<HttpError> read_string(const json& object, std::string_view field, bool required,
                                     std::string& out) {
  const json* value = member(object, field);
  if (value == nullptr) return required ? std::optional(bad_field(field, "is required")) : std::nullopt;
  if (!value->is_string()) return bad_field(field, "must be a string");
  out = value->get<std::string>();
  return std::nullopt;
}

std::optional<HttpError> read_integer(const json& object, std::string_view field, bool required,
                                      std::int64_t& out) {
  const json* value = member(object, field);
  if (value == nullptr) return required ? std::optional(bad_field(field, "is required")) : std::nullopt;
  if (value->is_number_integer() && !value->is_number_unsigned()) {
    out = value->get<std::int64_t>();
    return std::nullopt;
  }
  if (value->is_number_unsigned()) {
    const auto number = value->get<std::uint64_t>();
    if (number > static_cast<std::uint64_t>(INT64_MAX)) return bad_field(field, "is out of range");
    out = static_cast<std::int64_t>(number);
    return std::nullopt;
  }
  if (value->is_string()) {
    const std::string& text = value->get_ref<const std::string&>();
    std::int64_t number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc() || end != text.data() + text.size() || text.empty() || text.front() == '+') {
      return bad_field(field, "must be an integer");
    }
    out = number;
    return std::nullopt;
  }
  return bad_field(field, "must be an integer");
}

std::optional<HttpError> read_bool(const json& object, std::string_view field, bool& out) {
  const json* value = member(object, field);
  out = false;
  if (value == nullptr) return std::nullopt;
  if (!value->is_boolean()) return bad_field(field, "must be true or false");
  out = value->get<bool>();
  return std::nullopt;
}

std::string dump_json(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace whistle::bot
