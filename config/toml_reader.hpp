#pragma once

// Internal to whistle_config: the only header that includes toml++, so no toml++ type reaches
// the headers other folders use.

#include <toml++/toml.h>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/config_error.hpp"

namespace whistle::config {

/// Parses TOML text; throws Error with the file, line and column of a syntax error.
toml::table parse_toml(std::string_view text, const std::string& file);

/// The name of a TOML value's type as a message says it ("a string", "an integer").
std::string_view toml_type_name(toml::node_type type);

/// Reads typed values out of one TOML table, naming each key by its full path ("node[3].parent")
/// and its line in every error, so that no caller has to build messages by hand.
class TableReader {
 public:
  /// Reads `table` found in `file` at `path` ("" for the document itself).
  TableReader(const toml::table& table, std::string file, std::string path);

  /// The full key of a value in this table ("server.listen").
  std::string key(std::string_view name) const;

  /// Where this table is.
  Where where() const;

  /// Where the value of `name` is (the table's place when the value is absent).
  Where where(std::string_view name) const;

  /// Where the key `name` itself is written.
  Where where_key(std::string_view name) const;

  /// The keys of this table, in the order written.
  std::vector<std::string> keys() const;

  /// Throws Error for the first key not in `known` (a typo must not silently change behaviour).
  void allow_only(std::initializer_list<std::string_view> known) const;

  /// Whether the table has a value for `name`.
  bool has(std::string_view name) const;

  /// The string value of `name`, empty when absent; throws Error for another type.
  std::optional<std::string> string(std::string_view name) const;

  /// The non-empty string value of `name`; throws Error when absent, empty or another type.
  std::string required_string(std::string_view name) const;

  /// The integer value of `name` or `fallback`; throws Error for another type or outside [min, max].
  std::int64_t integer_in(std::string_view name, std::int64_t fallback, std::int64_t min,
                          std::int64_t max) const;

  /// The required integer value of `name`; throws Error when absent, another type or outside [min, max].
  std::int64_t required_integer_in(std::string_view name, std::int64_t min, std::int64_t max) const;

  /// The number (integer or float) value of `name`, empty when absent; throws Error for another type.
  std::optional<double> number(std::string_view name) const;

  /// The array of strings at `name`, empty when absent; throws Error naming a bad element.
  std::vector<std::string> strings(std::string_view name) const;

  /// The sub-table at `name`, empty when absent; throws Error for another type.
  std::optional<TableReader> table(std::string_view name) const;

  /// The array of tables at `name` ([[name]]), each read as `name[i]`; throws Error for another type.
  std::vector<TableReader> tables(std::string_view name) const;

 private:
  const toml::node* find(std::string_view name) const;
  std::optional<std::int64_t> integer(std::string_view name) const;
  [[noreturn]] void wrong_type(std::string_view name, std::string_view expected) const;

  const toml::table* table_;
  std::string file_;
  std::string path_;
};

}  // namespace whistle::config
