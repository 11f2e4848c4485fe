#pragma once

// A table row for the parser tests: a line, when it was said, and every slot expected of it.
// Slots not named in a row are expected empty, so a row also says what must NOT be read.

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "handlers/language/command.hpp"
#include "handlers/language/command_json.hpp"
#include "handlers/language/parser.hpp"
#include "tests/handlers/language/shanghai_offset.hpp"

namespace whistle::language::testing {

using handlers::Intent;

/// The reference time of most cases: Monday 2026-11-23 09:00 in Shanghai.
constexpr const char* kMonday = "2026-11-23T09:00";
/// A Saturday morning, for weekday rules on the day itself.
constexpr const char* kSaturday = "2026-11-28T10:00";
/// Late on Monday evening, when most of the day has passed.
constexpr const char* kLateMonday = "2026-11-23T22:30";

struct Case {
  const char* text = "";
  Intent intent = Intent::unknown;
  std::optional<std::int64_t> task = {};
  std::optional<std::int64_t> ticket = {};
  std::optional<int> count = {};
  std::optional<int> points = {};
  const char* start = nullptr;  ///< local "YYYY-MM-DDTHH:MM"
  const char* end = nullptr;
  std::optional<int> minutes = {};
  const char* place = nullptr;
  const char* title = nullptr;
  const char* reason = nullptr;
  const char* item = nullptr;
  const char* month = nullptr;  ///< "2026-10"
  const char* responder = nullptr;
  const char* kind = nullptr;  ///< "report", "order", "wish", "danger"
  std::vector<std::string> mentions = {};
  const char* code = nullptr;
  std::optional<int> score = {};
  bool implicit = false;
  bool broadcast = false;
  bool addressed = false;
  const char* now = kMonday;
  const char* normalized = nullptr;  ///< the expected `text` slot, when a row cares
};

inline void PrintTo(const Case& row, std::ostream* out) {
  *out << '"' << row.text << "\" at " << row.now;
}

/// The demo community's node names, as the CLI passes them.
inline ParseContext context_at(const char* now) {
  ParseContext context;
  context.utc_offset_seconds = kOffset;
  context.now = parse_local_time(now, kOffset);
  context.place_names = {"锦华家园社区", "第一网格",   "第二网格",   "1号楼",      "3号楼",
                         "5号楼",        "1号楼1单元", "3号楼1单元", "3号楼2单元", "5号楼1单元"};
  return context;
}

inline std::optional<std::string> local(const std::optional<std::int64_t>& time) {
  if (!time) return std::nullopt;
  return format_local_time(*time, kOffset);
}

inline std::optional<std::string> text_or_empty(const char* text) {
  return text == nullptr ? std::nullopt : std::optional<std::string>(text);
}

inline void expect_reads(const Case& row) {
  const handlers::Command command = parse_command(row.text, context_at(row.now));
  EXPECT_EQ(handlers::intent_name(command.intent), handlers::intent_name(row.intent));
  EXPECT_EQ(command.task, row.task);
  EXPECT_EQ(command.ticket, row.ticket);
  EXPECT_EQ(command.count, row.count);
  EXPECT_EQ(command.points, row.points);
  EXPECT_EQ(local(command.start), text_or_empty(row.start));
  EXPECT_EQ(local(command.end), text_or_empty(row.end));
  EXPECT_EQ(command.minutes, row.minutes);
  EXPECT_EQ(command.place, text_or_empty(row.place));
  EXPECT_EQ(command.title, text_or_empty(row.title));
  EXPECT_EQ(command.mentions, row.mentions);
  EXPECT_EQ(command.code, text_or_empty(row.code));
  EXPECT_EQ(command.score, row.score);
  const nlohmann::ordered_json printed = command_to_json(command, kOffset);
  const auto printed_text = [&](const char* key) {
    return printed[key].is_null() ? std::nullopt
                                  : std::optional<std::string>(printed[key].get<std::string>());
  };
  EXPECT_EQ(command.reason, text_or_empty(row.reason));
  EXPECT_EQ(command.item, text_or_empty(row.item));
  EXPECT_EQ(printed_text("month"), text_or_empty(row.month));
  EXPECT_EQ(command.responder, text_or_empty(row.responder));
  EXPECT_EQ(printed_text("kind"), text_or_empty(row.kind));
  EXPECT_EQ(command.implicit, row.implicit);
  EXPECT_EQ(command.broadcast, row.broadcast);
  EXPECT_EQ(command.addressed, row.addressed);
  if (row.normalized != nullptr) {
    EXPECT_EQ(command.text, row.normalized);
  }
}

}  // namespace whistle::language::testing
