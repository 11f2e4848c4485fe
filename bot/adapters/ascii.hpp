#pragma once

#include <string>
#include <string_view>

namespace whistle::bot {

/// `text` with A-Z lowered and every other byte kept as it is: for hex signatures and ASCII names
/// (bot names, usernames), which platforms send in either case.
inline std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace whistle::bot
