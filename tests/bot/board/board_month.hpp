#pragma once

// A month of the demo community (November 2026) made by the real handlers through `whistle sim`,
// with every figure the board must show counted here by hand.
#include <cstdint>
#include <string>

namespace whistle::bot::board::testing {

/// When the board is read: 2026-11-25 12:00 in Asia/Shanghai.
inline constexpr std::int64_t kBoardNow = 1795579200;

/// The private reporter's display name: it must appear in no public answer.
inline constexpr const char* kPrivateReporter = "吴秘密";

/// The phone number typed into ticket T1, and how the board shows it.
inline constexpr const char* kPhone = "13800138000";
inline constexpr const char* kMaskedPhone = "138****8000";

/// Runs `whistle sim --db db` over the month's script; returns its output, or throws on failure.
std::string make_month(const std::string& db);

}  // namespace whistle::bot::board::testing
