#pragma once

namespace whistle::language {

/// Asia/Shanghai's offset from UTC in seconds: the time zone of every language test's reference time.
inline constexpr int kOffset = 8 * 3600;

}  // namespace whistle::language
