#include "config/toml_reader.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>

namespace whistle::config {

namespace {

Where where_of(const std::string& file, std::string key, const toml::source_region& region) {
  return Where{file, std::move(key), region.begin.line, region.begin.column};
}

// A key that TOML would need quotes for is shown quoted, so the path can be found in the file.
bool is_bare_key(std::string_view key) {
  if (key.empty()) return false;
  return std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

std::string join(std::initializer_list<std::string_view> names) {
  std::string result;
  for (std::string_view name : names) {
    if (!result.empty()) result += ", ";
    result += name;
  }
  return result;
}

// More levels than any configuration has, far fewer than the thousands that overflow the parser's
// stack: toml++ caps nested values, not the tables a header or a dotted key makes.
constexpr int kMaxKeyDepth = 64;

// The line of the first table header or dotted key nested deeper than kMaxKeyDepth, if any.
std::optional<std::uint32_t> too_deep_key(std::string_view text) {
  std::uint32_t line = 1;
  for (std::size_t start = 0; start < text.size(); ++line) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view row = text.substr(start, end - start);
    start = end + 1;
    int dots = 0;
    char quote = 0;
    for (const char c : row) {
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '=' || c == ']' || c == '#') {
        break;  // the key (or the header) ends here
      } else if (c == '.') {
        ++dots;
      }
    }
    if (dots >= kMaxKeyDepth) return line;
  }
  return std::nullopt;
}

}  // namespace

toml::table parse_toml(std::string_view text, const std::string& file) {
  if (const std::optional<std::uint32_t> line = too_deep_key(text)) {
    fail(Where{file, "", *line, 1}, "invalid TOML at line " + std::to_string(*line) +
                                        ": a key or table header nested more than " +
                                        std::to_string(kMaxKeyDepth) + " levels deep");
  }
  try {
    return toml::parse(text, file);
  } catch (const toml::parse_error& error) {
    const toml::source_position begin = error.source().begin;
    fail(Where{file, "", begin.line, begin.column}, "invalid TOML at line " + std::to_string(begin.line) +
                                                        ", column " + std::to_string(begin.column) + ": " +
                                                        std::string(error.description()));
  }
}

std::string_view toml_type_name(toml::node_type type) {
  switch (type) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a floating-point number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

TableReader::TableReader(const toml::table& table, std::string file, std::string path)
    : table_(&table), file_(std::move(file)), path_(std::move(path)) {}

std::string TableReader::key(std::string_view name) const {
  std::string shown = is_bare_key(name) ? std::string(name) : in_quotes(name);
  return path_.empty() ? shown : path_ + "." + shown;
}

Where TableReader::where() const {
  return where_of(file_, path_, table_->source());
}

Where TableReader::where(std::string_view name) const {
  const toml::node* node = find(name);
  if (node == nullptr)
    return Where{file_, key(name), table_->source().begin.line, table_->source().begin.column};
  return where_of(file_, key(name), node->source());
}

Where TableReader::where_key(std::string_view name) const {
  auto found = table_->find(name);
  if (found == table_->end()) return where(name);
  return where_of(file_, key(name), found->first.source());
}

std::vector<std::string> TableReader::keys() const {
  std::vector<std::string> result;
  for (auto&& [name, value] : *table_)
    result.emplace_back(name.str());
  return result;
}

void TableReader::allow_only(std::initializer_list<std::string_view> known) const {
  for (auto&& [name, value] : *table_) {
    if (std::find(known.begin(), known.end(), name.str()) != known.end()) continue;
    fail(where_of(file_, key(name.str()), name.source()),
         "unknown key (known keys here: " + join(known) + ")");
  }
}

bool TableReader::has(std::string_view name) const {
  return find(name) != nullptr;
}

const toml::node* TableReader::find(std::string_view name) const {
  return table_->get(name);
}

void TableReader::wrong_type(std::string_view name, std::string_view expected) const {
  fail(where(name),
       "expected " + std::string(expected) + ", found " + std::string(toml_type_name(find(name)->type())));
}

std::optional<std::string> TableReader::string(std::string_view name) const {
  const toml::node* node = find(name);
  if (node == nullptr) return std::nullopt;
  if (!node->is_string()) wrong_type(name, "a string");
  return node->as_string()->get();
}

std::string TableReader::required_string(std::string_view name) const {
  std::optional<std::string> value = string(name);
  if (!value) fail(where(name), "missing (required)");
  if (value->empty()) fail(where(name), "must not be empty");
  return *value;
}

std::optional<std::int64_t> TableReader::integer(std::string_view name) const {
  const toml::node* node = find(name);
  if (node == nullptr) return std::nullopt;
  if (!node->is_integer()) wrong_type(name, "an integer");
  return node->as_integer()->get();
}

std::int64_t TableReader::integer_in(std::string_view name, std::int64_t fallback, std::int64_t min,
                                     std::int64_t max) const {
  std::optional<std::int64_t> value = integer(name);
  if (!value) return fallback;
  if (*value < min || *value > max) {
    fail(where(name), "must be between " + std::to_string(min) + " and " + std::to_string(max) + " (found " +
                          std::to_string(*value) + ")");
  }
  return *value;
}

std::int64_t TableReader::required_integer_in(std::string_view name, std::int64_t min,
                                              std::int64_t max) const {
  if (!has(name)) fail(where(name), "missing (required)");
  return integer_in(name, 0, min, max);
}

std::optional<double> TableReader::number(std::string_view name) const {
  const toml::node* node = find(name);
  if (node == nullptr) return std::nullopt;
  // "1" is an integer in TOML; a person writing a ratio of one should not have to write "1.0".
  if (node->is_integer()) return static_cast<double>(node->as_integer()->get());
  if (!node->is_floating_point()) wrong_type(name, "a number");
  return node->as_floating_point()->get();
}

std::vector<std::string> TableReader::strings(std::string_view name) const {
  const toml::node* node = find(name);
  if (node == nullptr) return {};
  if (!node->is_array()) wrong_type(name, "an array of strings");
  std::vector<std::string> result;
  const toml::array& array = *node->as_array();
  for (std::size_t i = 0; i < array.size(); ++i) {
    const toml::node& element = array[i];
    if (!element.is_string()) {
      fail(where_of(file_, key(name) + "[" + std::to_string(i) + "]", element.source()),
           "expected a string, found " + std::string(toml_type_name(element.type())));
    }
    result.push_back(element.as_string()->get());
  }
  return result;
}

std::optional<TableReader> TableReader::table(std::string_view name) const {
  const toml::node* node = find(name);
  if (node == nullptr) return std::nullopt;
  if (!node->is_table()) wrong_type(name, "a table");
  return TableReader(*node->as_table(), file_, key(name));
}

std::vector<TableReader> TableReader::tables(std::string_view name) const {
  const toml::node* node = find(name);
  if (node == nullptr) return {};
  if (!node->is_array()) wrong_type(name, "an array of tables ([[" + std::string(name) + "]])");
  std::vector<TableReader> result;
  const toml::array& array = *node->as_array();
  for (std::size_t i = 0; i < array.size(); ++i) {
    const toml::node& element = array[i];
    std::string element_key = key(name) + "[" + std::to_string(i) + "]";
    if (!element.is_table()) {
      fail(where_of(file_, element_key, element.source()),
           "expected a table, found " + std::string(toml_type_name(element.type())));
    }
    result.emplace_back(*element.as_table(), file_, element_key);
  }
  return result;
}

}  // namespace whistle::config
