#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace whistle::language {

/// The largest task or ticket number accepted; anything larger is a typo or an attack.
inline constexpr std::int64_t kMaxReference = 2147483647;

/// A reference read from the text.
struct ReferenceMatch {
  std::optional<std::int64_t> number;  ///< empty when it looked like a reference but is invalid
  std::size_t end = 0;                 ///< where it ends in the text
};

/// Reads a task reference at `pos`: "#12", "12", "12号", "#12号", "第12号", "任务12", "十二号", "#十二".
/// Something shaped like one but out of range ("0", "-3", "+3", "99999999999999999999") comes
/// back with an empty number, so the caller can consume it without trusting it. Empty when
/// nothing reference-like is there or it runs on into a word ("12号楼", "12人", "十二").
std::optional<ReferenceMatch> read_task_reference(std::string_view text, std::size_t pos);

/// Reads a ticket reference at `pos`: "T5", "t5", "#T5", "工单5", "工单 5", "工单#5", "工单T5";
/// with `allow_plain` also what read_task_reference() reads ("5", "#5"), for commands that only
/// ever concern tickets. Invalid numbers come back empty as for tasks.
std::optional<ReferenceMatch> read_ticket_reference(std::string_view text, std::size_t pos, bool allow_plain);

/// A code of ASCII letters and digits (1–16 of them) at `pos` that ends at a word boundary
/// ("4831", "K7Q2"), and where it ends; empty otherwise.
std::optional<std::pair<std::string, std::size_t>> read_code(std::string_view text, std::size_t pos);

}  // namespace whistle::language
