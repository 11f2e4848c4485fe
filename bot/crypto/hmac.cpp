#include "bot/crypto/hmac.hpp"

#include <atomic>
#include <memory>
#include <stdexcept>
#include <unordered_map>
#include <utility>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

namespace whistle::bot {

namespace {

// The algorithm object is fetched once for the process: fetching per context is what makes the
// one-shot API slow.
EVP_MAC* hmac_algorithm() {
  static EVP_MAC* const algorithm = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  if (algorithm == nullptr) throw std::runtime_error("OpenSSL has no HMAC");
  return algorithm;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::atomic<std::uint64_t> next_key_id{1};

}  // namespace

HmacSha256::HmacSha256(std::string_view key) {
  ctx_ = EVP_MAC_CTX_new(hmac_algorithm());
  if (ctx_ == nullptr) throw std::runtime_error("EVP_MAC_CTX_new failed");
  char digest_name[] = "SHA256";
  const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest_name, 0),
                               OSSL_PARAM_construct_end()};
  // A null key pointer means "keep the current key" to OpenSSL, so an empty key needs a real address.
  static const unsigned char empty = 0;
  const auto* key_bytes = key.empty() ? &empty : reinterpret_cast<const unsigned char*>(key.data());
  if (EVP_MAC_init(ctx_, key_bytes, key.size(), params) != 1) {
    EVP_MAC_CTX_free(ctx_);
    throw std::runtime_error("EVP_MAC_init failed");
  }
}

HmacSha256::~HmacSha256() {
  EVP_MAC_CTX_free(ctx_);
}

Sha256Digest HmacSha256::digest(std::string_view data) {
  Sha256Digest out{};
  std::size_t size = 0;
  // Re-initialising with a null key restarts the MAC with the key already set.
  if (EVP_MAC_init(ctx_, nullptr, 0, nullptr) != 1 ||
      EVP_MAC_update(ctx_, reinterpret_cast<const unsigned char*>(data.data()), data.size()) != 1 ||
      EVP_MAC_final(ctx_, out.data(), &size, out.size()) != 1 || size != out.size()) {
    throw std::runtime_error("HMAC-SHA256 failed");
  }
  return out;
}

std::string HmacSha256::hex_digest(std::string_view data) {
  const Sha256Digest mac = digest(data);
  return to_hex(mac.data(), mac.size());
}

bool HmacSha256::verify_hex(std::string_view data, std::string_view hex) {
  const std::optional<Sha256Digest> claimed = digest_from_hex(hex);
  if (!claimed) return false;
  const Sha256Digest actual = digest(data);
  return CRYPTO_memcmp(actual.data(), claimed->data(), actual.size()) == 0;
}

HmacKey::HmacKey(std::string key) : key_(std::move(key)), id_(next_key_id.fetch_add(1)) {}

HmacSha256& HmacKey::context() const {
  // One context per key and thread; the few bytes of a destroyed key's context stay until the
  // thread ends, which is harmless for the handful of keys a server has.
  thread_local std::unordered_map<std::uint64_t, std::unique_ptr<HmacSha256>> contexts;
  std::unique_ptr<HmacSha256>& slot = contexts[id_];
  if (!slot) slot = std::make_unique<HmacSha256>(key_);
  return *slot;
}

std::string to_hex(const unsigned char* data, std::size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(size * 2, '0');
  for (std::size_t i = 0; i < size; ++i) {
    out[2 * i] = kDigits[data[i] >> 4];
    out[2 * i + 1] = kDigits[data[i] & 0x0f];
  }
  return out;
}

std::optional<Sha256Digest> digest_from_hex(std::string_view hex) {
  Sha256Digest out{};
  if (hex.size() != out.size() * 2) return std::nullopt;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const int high = hex_value(hex[2 * i]);
    const int low = hex_value(hex[2 * i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    out[i] = static_cast<unsigned char>(high << 4 | low);
  }
  return out;
}

}  // namespace whistle::bot
