#pragma once

// Small helpers for the repositories' cached prepared statements (internal to store/).

#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace whistle::store::detail {

/// Makes a cached statement ready for its next use: no leftover row, no leftover bindings.
/// After a step that failed (a constraint, say), sqlite3_reset returns that failure once more; it
/// was already thrown where it happened, so it is not thrown again here — that would make the
/// statement unusable for every later event of the process.
inline SQLite::Statement& fresh(SQLite::Statement& statement) {
  statement.tryReset();
  statement.clearBindings();
  return statement;
}

/// Binds an optional integer, NULL when absent.
inline void bind_optional(SQLite::Statement& statement, int index, const std::optional<std::int64_t>& value) {
  if (value) {
    statement.bind(index, static_cast<std::int64_t>(*value));
  } else {
    statement.bind(index);
  }
}

/// Binds an optional text, NULL when absent.
inline void bind_optional(SQLite::Statement& statement, int index, const std::optional<std::string>& value) {
  if (value) {
    statement.bind(index, *value);
  } else {
    statement.bind(index);
  }
}

/// Reads an integer column that may be NULL.
inline std::optional<std::int64_t> optional_int(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getInt64();
}

/// Reads a text column that may be NULL.
inline std::optional<std::string> optional_text(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getString();
}

/// A text or blob column's bytes, all of them (getText() would stop at a NUL). Valid until the
/// statement steps or resets.
inline std::string_view column_bytes(const SQLite::Column& column) {
  return {static_cast<const char*>(column.getBlob()), static_cast<std::size_t>(column.getBytes())};
}

}  // namespace whistle::store::detail
