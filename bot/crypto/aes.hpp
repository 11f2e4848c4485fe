#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace whistle::bot {

/// AES-256-CBC decryption without removing any padding (WeCom pads to 32-byte blocks, Feishu to
/// 16, so each adapter strips its own). Empty when the key is not 32 bytes, the IV not 16, or the
/// ciphertext not a whole number of 16-byte blocks.
std::optional<std::string> aes256_cbc_decrypt(std::string_view key, std::string_view iv,
                                              std::string_view ciphertext);

/// AES-256-CBC encryption of a plaintext the caller already padded to whole 16-byte blocks; throws
/// std::invalid_argument otherwise (a caller's bug, never input from outside).
std::string aes256_cbc_encrypt(std::string_view key, std::string_view iv, std::string_view padded_plaintext);

}  // namespace whistle::bot
