#include "bot/adapters/strict_json.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace whistle::bot {

namespace {

using nlohmann::json;

// Longer keys are cut in the error message: the key is the client's text.
constexpr std::size_t kMaxKeyInMessage = 40;

// Builds the tree from the parser's events and notes the first key repeated in one object, which
// the object it is building already holds. Every webhook body goes through here on the network
// thread: nlohmann's callback parser, with a set of keys per open object beside it, made a json
// value for every key and a set node for it: more allocations than the tree itself.
class StrictTreeBuilder final : public nlohmann::json_sax<json> {
 public:
  explicit StrictTreeBuilder(json& root) : root_(root) {}

  bool null() override { return place(json(nullptr)), true; }
  bool boolean(bool value) override { return place(json(value)), true; }
  bool number_integer(number_integer_t value) override { return place(json(value)), true; }
  bool number_unsigned(number_unsigned_t value) override { return place(json(value)), true; }
  bool number_float(number_float_t value, const string_t& /*text*/) override {
    return place(json(value)), true;
  }
  bool string(string_t& value) override { return place(json(std::move(value))), true; }
  bool binary(binary_t& value) override { return place(json::binary(std::move(value))), true; }

  bool start_object(std::size_t /*elements*/) override { return open(json::object()), true; }
  bool end_object() override { return open_.pop_back(), true; }
  bool start_array(std::size_t /*elements*/) override { return open(json::array()), true; }
  bool end_array() override { return open_.pop_back(), true; }

  bool key(string_t& name) override {
    auto& object = open_.back()->get_ref<json::object_t&>();
    // try_emplace leaves `name` as it was when the key is there already.
    const auto [slot, added] = object.try_emplace(std::move(name));
    if (!added && !duplicate_) duplicate_ = slot->first;  // "" repeated is a duplicate too
    // A repeated key's later value replaces the earlier one, as a lenient parser would: the body
    // is refused anyway, but only once the whole text is known to be JSON.
    value_slot_ = &slot->second;
    return true;
  }

  bool parse_error(std::size_t /*position*/, const std::string& /*last_token*/,
                   const json::exception& /*error*/) override {
    return false;
  }

  const std::optional<std::string>& duplicate() const { return duplicate_; }

 private:
  // Puts a value where the text puts it: the root, the slot of the key just read, or the end of the
  // open array. Returns where it now is.
  json& place(json&& value) {
    if (open_.empty()) {
      root_ = std::move(value);
      return root_;
    }
    json& parent = *open_.back();
    if (parent.is_array()) {
      auto& items = parent.get_ref<json::array_t&>();
      items.push_back(std::move(value));
      return items.back();
    }
    *value_slot_ = std::move(value);
    return *value_slot_;
  }

  // An open container is always the last thing placed in its parent, and nothing is placed in the
  // parent until it closes: the pointers held here stay valid.
  void open(json&& container) { open_.push_back(&place(std::move(container))); }

  json& root_;
  std::vector<json*> open_;
  json* value_slot_ = nullptr;
  std::optional<std::string> duplicate_;
};

}  // namespace

std::variant<json, std::string> parse_strict_json(std::string_view text) {
  json value;
  StrictTreeBuilder builder(value);
  if (!json::sax_parse(text, &builder)) return std::string("malformed JSON");
  if (builder.duplicate()) {
    std::string key = builder.duplicate()->substr(0, kMaxKeyInMessage);
    // The key goes back to the client inside our JSON error: dump() escapes it.
    return "duplicate key " + json(key).dump(-1, ' ', false, json::error_handler_t::replace) +
           " in one object";
  }
  return value;
}

}  // namespace whistle::bot
