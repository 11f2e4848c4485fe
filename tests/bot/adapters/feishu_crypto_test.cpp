// Feishu's signature and event encryption against the official vectors of platforms.md 2.8.
#include "bot/adapters/feishu_crypto.hpp"

#include <gtest/gtest.h>

#include "bot/crypto/aes.hpp"
#include "bot/crypto/base64.hpp"
#include "bot/crypto/digest.hpp"

namespace whistle::bot {
namespace {
namespace feishu_crypto_cases {

// F2: the official Go SDK's TestDecryptEvent (event/dispatcher/dispatcher_test.go).
constexpr std::string_view kF2Key = "1212121212";
constexpr std::string_view kF2Encrypted =
    "bZ3L7yh6m3Fkuffl4g+3uGjIHnhOm5fVZbKVuyT8t7tcd5ABMYm8l28/X900ZL3knZ7n+sCREu/"
    "H2WnIzft0amC7+xWqNH8o25IU63N4Bn"
    "ZWfHh+4hyG76QPd19vkw2bPJCx9aqxK8Nz+xqFNbk0RdgyWhmgd30jSxHtcQXAllkI7FMpGpOCteJad3bLXPDBQIV/"
    "xkCtKICCS7Z63gakpxZ"
    "CLaRZ3qCXP1fapHh+LBIupxenrU6ysc7I3nHmjmKie41IiWwS5puG4zQHhVbq6KWLcgWm/"
    "3NBZOPQy53ucMu75SXA55I7jarVLZXWUcqBGrcg"
    "E3vouWbtwgZuzmoTQl0GSh5VYSVvpW992BuGxUWj0XjPYdICJm6Cr7xouNXwMcdb7N8caVdkdSZeEnswG19qSyDoQhklwzNGW0yiaayu"
    "lBqJN"
    "jfge/G5V3401c2XaIuAeEIo+QQ4RSNpRGfnHkbu/"
    "j55FGQAGWjpuBNaIwZbaUoVP3NkGP+vM5rpEDe3sL2GN+Xsd+g9yBs7FqdMV8mXTGgLjC"
    "qjrPrke5/km76Q3Pe6KPs2YexMRG4MkSx3xUTzZnNn7zIzShPcjeSwBd2pxk6ht5N+fzueZdxl6Oo=";
constexpr std::string_view kF2Plaintext =
    R"({"schema":"2.0","header":{"event_id":"f7984f25108f8137722bb63cee927e66","event_type":"contact.user.created_v3","app_id":"cli_xxxxxxxx","tenant_key":"xxxxxxx","create_time":"1603977298000000","token":"v"},"event":{"object":{"open_id":"ou_7dab8a3d3cdcc9da365777c7ad535d62","union_id":"on_576833b917gda3d939b9a3c2d53e72c8","user_id":"e33ggbyz","name":"张三","employee_no":"employee_no"}},"challenge":"1212","type":"url_verification"})";

TEST(FeishuCrypto, TheOfficialDocSampleDecryptsToHelloWorld) {
  // F1: 16 bytes of IV, one block of ciphertext, pad value 5.
  const FeishuCipher cipher("test key");
  EXPECT_EQ(cipher.decrypt("P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk="), "hello world");
}

TEST(FeishuCrypto, TheGoSdkEventDecryptsToItsJsonWithAFullPaddingBlock) {
  const FeishuCipher cipher(kF2Key);
  EXPECT_EQ(cipher.decrypt(kF2Encrypted), std::string(kF2Plaintext));
}

TEST(FeishuCrypto, TheSignatureOfTheGoSdkTestIsSha256OfTheConcatenation) {
  // F3: the Go SDK's signing inputs; the expected value was recomputed from its algorithm.
  EXPECT_EQ(feishu_signature("timestamp", "nonce", kF2Key, kF2Plaintext),
            "4dca085198cb3216defc5b65b0668c1328b038a22dbadf2bc6c4fdc3d32bbc45");
  // Plain SHA-256 over the bytes, no separators, no HMAC.
  EXPECT_EQ(feishu_signature("1", "2", "3", "4"), sha256_hex("1234"));
}

TEST(FeishuCrypto, EncryptThenDecryptGivesThePlaintextBack) {
  const FeishuCipher cipher("an encrypt key");
  const std::string iv(16, '\x07');
  for (const std::string& plaintext : {std::string(), std::string("{}"), std::string(15, 'a'),
                                       std::string(16, 'b'), std::string(17, 'c'), std::string(1000, 'd')}) {
    EXPECT_EQ(cipher.decrypt(cipher.encrypt(plaintext, iv)), plaintext) << plaintext.size();
  }
  EXPECT_THROW(cipher.encrypt("x", "short iv"), std::invalid_argument);
}

// The `encrypt` value for raw padded bytes, so tests can write padding the cipher would never make.
std::string envelope_of(std::string_view key, std::string_view padded) {
  const Sha256Digest digest = sha256(key);
  const std::string aes_key(reinterpret_cast<const char*>(digest.data()), digest.size());
  const std::string iv(16, '\x01');
  return base64_encode(iv + aes256_cbc_encrypt(aes_key, iv, padded));
}

TEST(FeishuCrypto, PaddingIsRemovedStrictly) {
  const FeishuCipher cipher("k");
  EXPECT_EQ(cipher.decrypt(envelope_of("k", std::string("hello") + std::string(11, '\x0b'))), "hello");
  // A pad byte of zero, one over the block size, or pad bytes that disagree are refused.
  EXPECT_FALSE(cipher.decrypt(envelope_of("k", std::string(15, 'a') + '\x00')));
  EXPECT_FALSE(cipher.decrypt(envelope_of("k", std::string(15, 'a') + '\x11')));
  EXPECT_FALSE(cipher.decrypt(envelope_of("k", std::string(13, 'a') + "\x02\x03\x03")));
}

TEST(FeishuCrypto, WhatIsNotAnEnvelopeDoesNotDecrypt) {
  const FeishuCipher cipher(kF2Key);
  EXPECT_FALSE(cipher.decrypt(""));
  EXPECT_FALSE(cipher.decrypt("not base64!"));
  // Only an IV, no ciphertext.
  EXPECT_FALSE(cipher.decrypt(base64_encode(std::string(16, 'x'))));
  // Not whole blocks after the IV.
  EXPECT_FALSE(cipher.decrypt(base64_encode(std::string(40, 'x'))));
  // The right shape under another key: the padding comes out wrong.
  EXPECT_FALSE(FeishuCipher("another key").decrypt("P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk="));
}

}  // namespace feishu_crypto_cases
}  // namespace
}  // namespace whistle::bot
