#include "bot/adapters/strict_json.hpp"

#include <set>
#include <vector>

namespace whistle::bot {

namespace {

using nlohmann::json;

// Longer keys are cut in the error message: the key is the client's text.
constexpr std::size_t kMaxKeyInMessage = 40;

// Watches the parser's events: one set of keys per open object, innermost last.
class DuplicateKeyWatch {
 public:
  bool on_event(int depth, json::parse_event_t event, json& parsed) {
    (void)depth;
    switch (event) {
      case json::parse_event_t::object_start:
        open_.emplace_back();
        break;
      case json::parse_event_t::object_end:
        if (!open_.empty()) open_.pop_back();
        break;
      case json::parse_event_t::key:
        if (!open_.empty() && parsed.is_string() && !open_.back().insert(parsed.get<std::string>()).second &&
            duplicate_.empty()) {
          duplicate_ = parsed.get<std::string>();
          if (duplicate_.empty()) duplicate_ = " ";  // "" repeated is still a duplicate
        }
        break;
      default:
        break;
    }
    return true;
  }

  const std::string& duplicate() const { return duplicate_; }

 private:
  std::vector<std::set<std::string>> open_;
  std::string duplicate_;
};

}  // namespace

std::variant<json, std::string> parse_strict_json(std::string_view text) {
  DuplicateKeyWatch watch;
  json value = json::parse(
      text,
      [&watch](int depth, json::parse_event_t event, json& parsed) {
        return watch.on_event(depth, event, parsed);
      },
      false);
  if (value.is_discarded()) return std::string("malformed JSON");
  if (!watch.duplicate().empty()) {
    std::string key = watch.duplicate().substr(0, kMaxKeyInMessage);
    // The key goes back to the client inside our JSON error: dump() escapes it.
    return "duplicate key " + json(key).dump(-1, ' ', false, json::error_handler_t::replace) +
           " in one object";
  }
  return value;
}

}  // namespace whistle::bot
