#include "bot/crypto/digest.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <algorithm>
#include <stdexcept>

namespace whistle::bot {

namespace {

std::string digest_bytes(const EVP_MD* md, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(data.data(), data.size(), out, &size, md, nullptr) != 1) {
    throw std::runtime_error("OpenSSL digest failed");
  }
  return std::string(reinterpret_cast<const char*>(out), size);
}

// EVP_sha256()'s descriptor makes OpenSSL 3 look the algorithm up (a locked property query) at
// every digest: half of the network thread's OpenSSL time went there. One fetched once is not.
const EVP_MD* fetched_sha256() {
  static EVP_MD* const fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  return fetched != nullptr ? fetched : EVP_sha256();
}

}  // namespace

std::string sha1_hex(std::string_view data) {
  const std::string bytes = digest_bytes(EVP_sha1(), data);
  return to_hex(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

Sha256Digest sha256(std::string_view data) {
  const std::string bytes = digest_bytes(fetched_sha256(), data);
  Sha256Digest digest{};
  std::copy(bytes.begin(), bytes.end(), digest.begin());
  return digest;
}

std::string sha256_hex(std::string_view data) {
  const Sha256Digest digest = sha256(data);
  return to_hex(digest.data(), digest.size());
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return a.empty() || CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace whistle::bot
