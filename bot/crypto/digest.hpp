#pragma once

#include <string>
#include <string_view>

#include "bot/crypto/hmac.hpp"

namespace whistle::bot {

/// SHA-1 of `data` as 40 lowercase hex digits (WeCom's msg_signature is one).
std::string sha1_hex(std::string_view data);

/// SHA-256 of `data`: 32 bytes (Feishu's AES key is the SHA-256 of its encrypt key).
Sha256Digest sha256(std::string_view data);

/// SHA-256 of `data` as 64 lowercase hex digits (Feishu's X-Lark-Signature).
std::string sha256_hex(std::string_view data);

/// Whether two byte strings are equal, in time that depends only on their lengths: for comparing a
/// signature or token an attacker sent with the one expected.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace whistle::bot
