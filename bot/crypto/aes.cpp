#include "bot/crypto/aes.hpp"

#include <openssl/evp.h>

#include <memory>
#include <stdexcept>

namespace whistle::bot {

namespace {

constexpr std::size_t kKeyBytes = 32;
constexpr std::size_t kBlockBytes = 16;

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

// Runs AES-256-CBC one way over whole blocks; empty on any OpenSSL failure.
std::optional<std::string> run(bool encrypt, std::string_view key, std::string_view iv,
                               std::string_view input) {
  CipherContext ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
  if (!ctx) return std::nullopt;
  const auto* k = reinterpret_cast<const unsigned char*>(key.data());
  const auto* v = reinterpret_cast<const unsigned char*>(iv.data());
  if (EVP_CipherInit_ex(ctx.get(), EVP_aes_256_cbc(), nullptr, k, v, encrypt ? 1 : 0) != 1)
    return std::nullopt;
  // The platforms' padding is not PKCS#7 over 16 bytes (WeCom's is over 32): no padding here.
  EVP_CIPHER_CTX_set_padding(ctx.get(), 0);
  std::string out(input.size() + kBlockBytes, '\0');
  int written = 0;
  int final_written = 0;
  auto* o = reinterpret_cast<unsigned char*>(out.data());
  if (EVP_CipherUpdate(ctx.get(), o, &written, reinterpret_cast<const unsigned char*>(input.data()),
                       static_cast<int>(input.size())) != 1) {
    return std::nullopt;
  }
  if (EVP_CipherFinal_ex(ctx.get(), o + written, &final_written) != 1) return std::nullopt;
  out.resize(static_cast<std::size_t>(written + final_written));
  return out;
}

}  // namespace

std::optional<std::string> aes256_cbc_decrypt(std::string_view key, std::string_view iv,
                                              std::string_view ciphertext) {
  if (key.size() != kKeyBytes || iv.size() != kBlockBytes) return std::nullopt;
  if (ciphertext.empty() || ciphertext.size() % kBlockBytes != 0) return std::nullopt;
  return run(false, key, iv, ciphertext);
}

std::string aes256_cbc_encrypt(std::string_view key, std::string_view iv, std::string_view padded_plaintext) {
  if (key.size() != kKeyBytes || iv.size() != kBlockBytes || padded_plaintext.size() % kBlockBytes != 0) {
    throw std::invalid_argument(
        "aes256_cbc_encrypt: a 32-byte key, a 16-byte IV and whole blocks are needed");
  }
  std::optional<std::string> out = run(true, key, iv, padded_plaintext);
  if (!out) throw std::runtime_error("OpenSSL AES encryption failed");
  return *out;
}

}  // namespace whistle::bot
