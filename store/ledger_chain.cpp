#include "store/ledger_chain.hpp"

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

namespace whistle::store {

namespace {

void put(std::string& text, std::string_view field) {
  text.append(std::to_string(field.size())).append(1, ':').append(field);
}

void put(std::string& text, std::int64_t field) {
  put(text, std::to_string(field));
}

template <typename T>
void put(std::string& text, const std::optional<T>& field) {
  if (field) {
    put(text, *field);
  } else {
    text.append(1, '-');
  }
}

}  // namespace

std::string ledger_entry_hash(std::string_view previous_hash, const LedgerFields& entry) {
  std::string text;
  text.reserve(previous_hash.size() + entry.community.size() + entry.person.size() + entry.reason.size() +
               128);
  put(text, previous_hash);
  put(text, entry.community);
  put(text, entry.person);
  put(text, entry.points);
  put(text, entry.minutes);
  put(text, entry.kind);
  put(text, entry.node);
  put(text, entry.task);
  put(text, entry.author);
  put(text, entry.reason);
  put(text, entry.at);

  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned size = 0;
  // Fetched once: EVP_sha256()'s descriptor makes OpenSSL 3 look the algorithm up at every digest.
  static EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  if (EVP_Digest(text.data(), text.size(), digest.data(), &size, sha256 != nullptr ? sha256 : EVP_sha256(),
                 nullptr) != 1) {
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
