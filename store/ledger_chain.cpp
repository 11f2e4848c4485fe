#include "store/ledger_chain.hpp"

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

namespace whistle::store {

std::string ledger_entry_hash(std::string_view previous_hash, const LedgerFields& entry) {
  std::string text;
  text.reserve(previous_hash.size() + entry.community.size() + entry.person.size() + entry.reason.size() +
               64);
  text.append(previous_hash).append(1, '|').append(entry.community).append(1, '|').append(entry.person);
  text.append(1, '|')
      .append(std::to_string(entry.points))
      .append(1, '|')
      .append(std::to_string(entry.minutes));
  text.append(1, '|').append(entry.reason).append(1, '|').append(std::to_string(entry.at));

  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned size = 0;
  if (EVP_Digest(text.data(), text.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 failed");
  }
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex(size * 2, '0');
  for (unsigned i = 0; i < size; ++i) {
    hex[2 * i] = kDigits[digest[i] >> 4];
    hex[2 * i + 1] = kDigits[digest[i] & 0xf];
  }
  return hex;
}

}  // namespace whistle::store
