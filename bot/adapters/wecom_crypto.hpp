#pragma once

#include <string>
#include <string_view>
#include <variant>

namespace whistle::bot {

/// Why a WeCom ciphertext could not be opened; the official library's code in the comment.
enum class WecomCryptoError {
  not_base64,        ///< -40010: the encrypted text is not Base64
  bad_ciphertext,    ///< -40007: not whole AES blocks, or too short to hold the layout
  bad_padding,       ///< -40007: the 32-byte PKCS#7 padding is wrong (a wrong key, a damaged body)
  bad_length,        ///< -40008: the length field points past the plaintext
  wrong_receive_id,  ///< -40005: sealed for another receiver (another corp, or an app vs an AI bot)
};

/// A short public sentence for `error` (no key, no plaintext).
std::string_view describe(WecomCryptoError error);

/// WeCom's callback crypto (platforms.md 1.2, the official 加解密方案), shared by the self-built app
/// (receive id = the CorpID) and the AI bot (receive id = ""): the SHA-1 `msg_signature` over the
/// sorted (token, timestamp, nonce, encrypted), and AES-256-CBC with key = Base64(EncodingAESKey +
/// "="), IV = the key's first 16 bytes, PKCS#7 padding to 32-byte blocks, over
/// random(16) || big-endian uint32 length || message || receive id. Immutable; thread-safe.
class WecomCrypto {
 public:
  /// Throws std::invalid_argument when `encoding_aes_key` does not decode to 32 bytes (the message
  /// never contains the key).
  WecomCrypto(std::string token, std::string_view encoding_aes_key, std::string receive_id);

  /// The msg_signature of (timestamp, nonce, encrypted): 40 lowercase hex digits.
  std::string signature(std::string_view timestamp, std::string_view nonce, std::string_view encrypted) const;

  /// Whether `signature` (hex, either case) is the msg_signature of the three, compared in
  /// constant time.
  bool signature_matches(std::string_view signature, std::string_view timestamp, std::string_view nonce,
                         std::string_view encrypted) const;

  /// The message sealed in `encrypted` (Base64), checked to be addressed to this receive id.
  std::variant<std::string, WecomCryptoError> decrypt(std::string_view encrypted) const;

  /// `message` sealed for this receive id, as Base64; `random16` is the 16-byte prefix (empty:
  /// fresh bytes from OpenSSL's CSPRNG; tests pass a fixed one to reproduce a vector). Throws
  /// std::invalid_argument when `random16` is neither empty nor 16 bytes, std::runtime_error when
  /// the CSPRNG fails.
  std::string encrypt(std::string_view message, std::string_view random16 = {}) const;

  /// The receive id this crypto checks and seals for.
  const std::string& receive_id() const { return receive_id_; }

 private:
  std::string token_;
  std::string key_;  ///< 32 bytes
  std::string receive_id_;
};

}  // namespace whistle::bot
