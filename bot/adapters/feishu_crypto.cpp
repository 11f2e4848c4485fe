#include "bot/adapters/feishu_crypto.hpp"

#include <stdexcept>

#include "bot/crypto/aes.hpp"
#include "bot/crypto/base64.hpp"
#include "bot/crypto/digest.hpp"

namespace whistle::bot {

namespace {

constexpr std::size_t kBlock = 16;

std::string_view key_bytes(const Sha256Digest& key) {
  return {reinterpret_cast<const char*>(key.data()), key.size()};
}

}  // namespace

std::string feishu_signature(std::string_view timestamp, std::string_view nonce, std::string_view encrypt_key,
                             std::string_view body) {
  std::string signed_text;
  signed_text.reserve(timestamp.size() + nonce.size() + encrypt_key.size() + body.size());
  signed_text += timestamp;
  signed_text += nonce;
  signed_text += encrypt_key;
  signed_text += body;
  return sha256_hex(signed_text);
}

FeishuCipher::FeishuCipher(std::string_view encrypt_key) : key_(sha256(encrypt_key)) {}

std::optional<std::string> FeishuCipher::decrypt(std::string_view encrypted) const {
  const std::optional<std::string> raw = base64_decode(encrypted);
  // An IV and at least one block; the cipher checks that the rest is whole blocks.
  if (!raw || raw->size() < 2 * kBlock) return std::nullopt;
  const std::string_view data(*raw);
  std::optional<std::string> padded =
      aes256_cbc_decrypt(key_bytes(key_), data.substr(0, kBlock), data.substr(kBlock));
  if (!padded || padded->empty()) return std::nullopt;
  // Strict PKCS#7: a wrong key or a tampered block leaves random bytes here, which this refuses
  // in all but about 1 case in 256 (and then the JSON parser or the token check refuses it).
  const auto pad = static_cast<unsigned char>(padded->back());
  if (pad == 0 || pad > kBlock || pad > padded->size()) return std::nullopt;
  for (std::size_t i = padded->size() - pad; i < padded->size(); ++i) {
    if (static_cast<unsigned char>((*padded)[i]) != pad) return std::nullopt;
  }
  padded->resize(padded->size() - pad);
  return padded;
}

std::string FeishuCipher::encrypt(std::string_view plaintext, std::string_view iv) const {
  if (iv.size() != kBlock) throw std::invalid_argument("Feishu IV must be 16 bytes");
  std::string padded(plaintext);
  const std::size_t pad = kBlock - padded.size() % kBlock;
  padded.append(pad, static_cast<char>(pad));
  std::string raw(iv);
  raw += aes256_cbc_encrypt(key_bytes(key_), iv, padded);
  return base64_encode(raw);
}

}  // namespace whistle::bot
