#include "bot/board/privacy.hpp"

namespace whistle::bot::board {

namespace {

constexpr std::size_t kShortestPhone = 7;  // a local number without its area code
constexpr std::size_t kKeepHead = 3;
constexpr std::size_t kKeepTail = 4;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// A run is masked in its middle, so a reader still tells two numbers apart without learning either.
void append_masked(std::string& out, std::string_view run) {
  const std::size_t tail = run.size() >= kKeepHead + kKeepTail + 4 ? kKeepTail : 0;
  out.append(run.substr(0, kKeepHead));
  out.append(run.size() - kKeepHead - tail, '*');
  out.append(run.substr(run.size() - tail));
}

}  // namespace

std::string mask_private_digits(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_digit(text[i])) {
      out.push_back(text[i++]);
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && is_digit(text[end]))
      ++end;
    // An ID card's last character may be X: 17 digits and an X are one run.
    if (end - i == 17 && end < text.size() && (text[end] == 'X' || text[end] == 'x')) ++end;
    const std::string_view run = text.substr(i, end - i);
    if (run.size() >= kShortestPhone) {
      append_masked(out, run);
    } else {
      out.append(run);
    }
    i = end;
  }
  return out;
}

}  // namespace whistle::bot::board
