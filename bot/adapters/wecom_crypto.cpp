#include "bot/adapters/wecom_crypto.hpp"

#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <stdexcept>

#include "bot/adapters/ascii.hpp"
#include "bot/crypto/aes.hpp"
#include "bot/crypto/base64.hpp"
#include "bot/crypto/digest.hpp"

namespace whistle::bot {

namespace {

constexpr std::size_t kKeyBytes = 32;
constexpr std::size_t kIvBytes = 16;
constexpr std::size_t kRandomBytes = 16;
constexpr std::size_t kLengthBytes = 4;
// WeCom's PKCS#7 block is the AES key size, not the AES block size (platforms.md 1.9, pitfall 1).
constexpr std::size_t kPadBlock = 32;

}  // namespace

std::string_view describe(WecomCryptoError error) {
  switch (error) {
    case WecomCryptoError::not_base64:
      return "the encrypted text is not Base64";
    case WecomCryptoError::bad_ciphertext:
      return "the encrypted text cannot be decrypted";
    case WecomCryptoError::bad_padding:
      return "the encrypted text cannot be decrypted (padding)";
    case WecomCryptoError::bad_length:
      return "the decrypted message has a bad length";
    case WecomCryptoError::wrong_receive_id:
      return "the message is addressed to another receiver";
  }
  return "the encrypted text cannot be decrypted";
}

WecomCrypto::WecomCrypto(std::string token, std::string_view encoding_aes_key, std::string receive_id)
    : token_(std::move(token)), receive_id_(std::move(receive_id)) {
  std::optional<std::string> key;
  if (encoding_aes_key.size() == 43) key = base64_decode(std::string(encoding_aes_key) + "=");
  if (!key || key->size() != kKeyBytes) {
    throw std::invalid_argument("encoding_aes_key must be the 43 Base64 characters the WeCom console shows");
  }
  key_ = std::move(*key);
}

std::string WecomCrypto::signature(std::string_view timestamp, std::string_view nonce,
                                   std::string_view encrypted) const {
  // A plain byte-wise sort of the four strings, as the official libraries do.
  std::array<std::string_view, 4> parts{token_, timestamp, nonce, encrypted};
  std::sort(parts.begin(), parts.end());
  std::string joined;
  joined.reserve(token_.size() + timestamp.size() + nonce.size() + encrypted.size());
  for (const std::string_view part : parts)
    joined += part;
  return sha1_hex(joined);
}

bool WecomCrypto::signature_matches(std::string_view signature, std::string_view timestamp,
                                    std::string_view nonce, std::string_view encrypted) const {
  return constant_time_equal(lower_ascii(signature), this->signature(timestamp, nonce, encrypted));
}

std::variant<std::string, WecomCryptoError> WecomCrypto::decrypt(std::string_view encrypted) const {
  const std::optional<std::string> ciphertext = base64_decode(encrypted);
  if (!ciphertext) return WecomCryptoError::not_base64;
  // At least the random prefix and the length field, in whole 32-byte padding blocks.
  if (ciphertext->empty() || ciphertext->size() % kPadBlock != 0) return WecomCryptoError::bad_ciphertext;
  const std::string_view key(key_);
  std::optional<std::string> plain = aes256_cbc_decrypt(key, key.substr(0, kIvBytes), *ciphertext);
  if (!plain) return WecomCryptoError::bad_ciphertext;

  // PKCS#7 over 32-byte blocks: the last byte says how many bytes of that value end the text.
  const auto pad = static_cast<unsigned char>(plain->back());
  if (pad < 1 || pad > kPadBlock || pad > plain->size()) return WecomCryptoError::bad_padding;
  for (std::size_t i = plain->size() - pad; i < plain->size(); ++i) {
    if (static_cast<unsigned char>((*plain)[i]) != pad) return WecomCryptoError::bad_padding;
  }
  plain->resize(plain->size() - pad);

  if (plain->size() < kRandomBytes + kLengthBytes) return WecomCryptoError::bad_length;
  std::uint32_t length = 0;
  for (std::size_t i = 0; i < kLengthBytes; ++i)
    length = (length << 8) | static_cast<unsigned char>((*plain)[kRandomBytes + i]);
  const std::size_t start = kRandomBytes + kLengthBytes;
  if (length > plain->size() - start) return WecomCryptoError::bad_length;
  // The receive id is compared in full: a prefix or a longer id is another receiver.
  const std::string_view receive_id = std::string_view(*plain).substr(start + length);
  if (!constant_time_equal(receive_id, receive_id_)) return WecomCryptoError::wrong_receive_id;
  return plain->substr(start, length);
}

std::string WecomCrypto::encrypt(std::string_view message, std::string_view random16) const {
  std::string plain;
  if (random16.empty()) {
    plain.resize(kRandomBytes);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(plain.data()), static_cast<int>(kRandomBytes)) != 1) {
      throw std::runtime_error("the CSPRNG failed");
    }
  } else if (random16.size() == kRandomBytes) {
    plain = std::string(random16);
  } else {
    throw std::invalid_argument("the random prefix must be 16 bytes");
  }
  const auto length = static_cast<std::uint32_t>(message.size());
  for (int shift = 24; shift >= 0; shift -= 8)
    plain += static_cast<char>((length >> shift) & 0xFF);
  plain += message;
  plain += receive_id_;
  // A whole block of padding when the text is already aligned: the pad value is 1..32.
  const std::size_t pad = kPadBlock - plain.size() % kPadBlock;
  plain.append(pad, static_cast<char>(pad));
  const std::string_view key(key_);
  return base64_encode(aes256_cbc_encrypt(key, key.substr(0, kIvBytes), plain));
}

}  // namespace whistle::bot
