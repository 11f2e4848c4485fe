#include "handlers/pickup_code.hpp"

#include <array>
#include <cctype>
#include <stdexcept>

#include "handlers/random_source.hpp"

namespace whistle::handlers {

namespace {

// The alphabet has 32 characters, so a random byte taken modulo 32 picks each one equally often.
static_assert(256 % kPickupAlphabet.size() == 0, "the alphabet must divide 256 to stay unbiased");

// Attempts per length before a longer code is tried: with 4 characters there are about 0.9
// million codes a community can hand out, so collisions stay rare for years of redemptions.
constexpr int kAttemptsPerLength = 16;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool reads_as_code(const std::string& code) {
  if (is_digit(code.front()) || code.front() == 'T') return false;
  for (char c : code) {
    if (is_digit(c)) return true;
  }
  return false;
}

}  // namespace

std::string random_pickup_code(std::size_t length) {
  std::string code(length, ' ');
  // Drawing until the shape fits keeps every acceptable code equally likely.
  do {
    std::array<unsigned char, kPickupCodeMaxLength> bytes{};
    random_bytes(std::span(bytes.data(), length));
    for (std::size_t i = 0; i < length; ++i) {
      code[i] = kPickupAlphabet[bytes[i] % kPickupAlphabet.size()];
    }
  } while (!reads_as_code(code));
  return code;
}

std::string new_pickup_code(const std::function<bool(const std::string&)>& taken) {
  for (std::size_t length = kPickupCodeMinLength; length <= kPickupCodeMaxLength; ++length) {
    for (int attempt = 0; attempt < kAttemptsPerLength; ++attempt) {
      std::string code = random_pickup_code(length);
      if (!taken(code)) return code;
    }
  }
  throw std::runtime_error("no free pickup code left");
}

std::string normalized_pickup_code(std::string_view typed) {
  std::string code;
  for (char c : typed) {
    if (c == ' ') continue;
    code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return code;
}

}  // namespace whistle::handlers
