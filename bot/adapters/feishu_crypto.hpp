#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "bot/crypto/hmac.hpp"

namespace whistle::bot {

/// Feishu's `X-Lark-Signature`: lowercase hex SHA-256 of timestamp + nonce + encrypt key + raw
/// body, concatenated with no separator (plain SHA-256, not an HMAC; platforms.md 2.2).
std::string feishu_signature(std::string_view timestamp, std::string_view nonce, std::string_view encrypt_key,
                             std::string_view body);

/// The AES-256-CBC envelope of Feishu's encrypted events (`{"encrypt": "<base64>"}`): the key is
/// SHA-256 of the encrypt key, the first 16 bytes of the decoded data are the IV, and the plaintext
/// is padded with PKCS#7 to 16-byte blocks. Immutable; safe from several threads.
class FeishuCipher {
 public:
  /// Derives the AES key from the app's encrypt key.
  explicit FeishuCipher(std::string_view encrypt_key);

  /// The plaintext of an `encrypt` value; empty when it is not Base64, too short, not whole blocks,
  /// or its padding is not exact PKCS#7 (every pad byte equal to the pad length, 1 to 16).
  std::optional<std::string> decrypt(std::string_view encrypted) const;

  /// The `encrypt` value for `plaintext` with the given 16-byte IV (tests, the fuzzer); throws
  /// std::invalid_argument when the IV is not 16 bytes.
  std::string encrypt(std::string_view plaintext, std::string_view iv) const;

 private:
  Sha256Digest key_;
};

}  // namespace whistle::bot
