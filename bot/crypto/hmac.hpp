#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct evp_mac_ctx_st;

namespace whistle::bot {

/// A SHA-256 digest or HMAC: 32 bytes.
using Sha256Digest = std::array<unsigned char, 32>;

/// HMAC-SHA256 with the key set once: each message only re-initialises the keyed context, which is
/// about 3× cheaper than OpenSSL 3's one-shot HMAC(). Not thread-safe: one per thread (see HmacKey).
class HmacSha256 {
 public:
  /// Keys a new context; throws std::runtime_error if OpenSSL cannot.
  explicit HmacSha256(std::string_view key);
  ~HmacSha256();
  HmacSha256(const HmacSha256&) = delete;
  HmacSha256& operator=(const HmacSha256&) = delete;

  /// The HMAC of `data`; throws std::runtime_error if OpenSSL fails.
  Sha256Digest digest(std::string_view data);

  /// The HMAC of `data` as 64 lowercase hex digits.
  std::string hex_digest(std::string_view data);

  /// Whether `hex` (64 hex digits, either case) is the HMAC of `data`, compared in constant time.
  bool verify_hex(std::string_view data, std::string_view hex);

 private:
  evp_mac_ctx_st* ctx_ = nullptr;
};

/// An HMAC-SHA256 key usable from any thread: each thread lazily gets its own pre-keyed context.
class HmacKey {
 public:
  /// Remembers the key; contexts are made on first use in each thread.
  explicit HmacKey(std::string key);

  /// This thread's pre-keyed context for the key.
  HmacSha256& context() const;

  /// The HMAC of `data` as 64 lowercase hex digits.
  std::string hex_digest(std::string_view data) const { return context().hex_digest(data); }

  /// Whether `hex` is the HMAC of `data`, compared in constant time.
  bool verify_hex(std::string_view data, std::string_view hex) const {
    return context().verify_hex(data, hex);
  }

 private:
  std::string key_;
  std::uint64_t id_;  ///< unique per HmacKey ever made, so a thread's cache never mixes up two keys
};

/// Lowercase hex of bytes.
std::string to_hex(const unsigned char* data, std::size_t size);

/// The 32 bytes written as 64 hex digits (either case); empty if `hex` is not exactly that.
std::optional<Sha256Digest> digest_from_hex(std::string_view hex);

}  // namespace whistle::bot
