#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "config/config.hpp"

namespace whistle::config {

/// Where a configuration problem is: the file, the key and, when known, the line and column.
struct Where {
  std::string file;
  std::string key;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

/// Throws Error with the message "file:line:column: key: reason" (leaving out the parts not known).
[[noreturn]] void fail(const Where& where, std::string_view reason);

/// The text in double quotes, for quoting a value in a message.
std::string in_quotes(std::string_view text);

}  // namespace whistle::config
