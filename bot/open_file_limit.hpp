#pragma once

#include <cstdint>

namespace whistle::bot {

/// The process's open-file limit (RLIMIT_NOFILE) after an attempt to raise it.
struct OpenFileLimit {
  std::uint64_t soft = 0;  ///< what the process may open now
  std::uint64_t hard = 0;  ///< the most the soft limit could be raised to
};

/// Raises the soft open-file limit to `wanted`, or to the hard limit when that is lower; never
/// lowers it. Returns the limits that hold afterwards (a failure leaves them as they were).
OpenFileLimit raise_open_file_limit(std::uint64_t wanted);

}  // namespace whistle::bot
