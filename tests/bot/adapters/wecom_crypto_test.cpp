// WeCom's callback crypto against every official vector of platforms.md 1.3 (W1: the Python
// sample, W2: the C++ sample, W3: the AI-bot shaped vector with receive id ""), and corrupted
// inputs, which must come back as errors, never as a crash or a wrong plaintext.
#include "bot/adapters/wecom_crypto.hpp"

#include <gtest/gtest.h>

#include "bot/crypto/aes.hpp"
#include "bot/crypto/base64.hpp"
#include "bot/crypto/hmac.hpp"

namespace whistle::bot {
namespace {
namespace wecom_crypto_cases {

// W1 — official Python sample (sbzhu/weworkapi_python, callback/Sample.py).
constexpr std::string_view kW1Token = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
constexpr std::string_view kW1Key = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";
constexpr std::string_view kW1Corp = "ww1436e0e65a779aee";
constexpr std::string_view kW1EchoStr =
    "fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==";
constexpr std::string_view kW1Encrypt =
    "Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNsh"
    "w2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010w"
    "sHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjU"
    "QVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+";
constexpr std::string_view kW1Plain =
    "<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>ChenJiaShun</FromUserName><CreateTime>"
    "1476422779</CreateTime><MsgType>text</MsgType><Content>你好</Content><MsgId>1456453720</MsgId><AgentID>"
    "1000002</AgentID></xml>";

// W2 — official C++ sample (workweixin/weworkapi_cplusplus, Sample.cpp).
constexpr std::string_view kW2Token = "QDG6eK";
constexpr std::string_view kW2Key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
constexpr std::string_view kW2Corp = "wx5823bf96d3bd56c7";
constexpr std::string_view kW2EchoStr =
    "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
constexpr std::string_view kW2Encrypt =
    "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/"
    "sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+"
    "HMZfJ"
    "YuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGU"
    "callcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/"
    "uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA"
    "5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";

// W3 — the AI-bot shaped vector (W2's token and key, receive id "", fixed random prefix).
constexpr std::string_view kW3Plain =
    R"({"msgid":"TESTMSG1","aibotid":"AIBOTID","chatid":"CHATID","chattype":"group","from":{"userid":"zhangsan"},)"
    R"("response_url":"RESPONSEURL","msgtype":"text","text":{"content":"@RobotA hello"}})";
constexpr std::string_view kW3Encrypt =
    "sKqRbbiSUnDhFHOvPjtUMZsDAoJPas/xfwVaVRlb/rL+wSFpSvv/6l/C3XVqi9u0JVRR7Gs3FNFHzPFszz/RgHot9PY5FfHK3kgMCGNf"
    "zEwvpKrXvCln2Q0rrNjFtrn2KtnzIK6GwAXZuaENS+u8ons4GLI4AMUqgtOnF92W92geUG1Iiuoh7W1zIAD69Tq0ENdw0kvUNwXBIOp3"
    "JJysGdE198h6GAOUXK1gAydR1MQ/HpvDmvFU91QoDx5X8HFmprbNcDs4xKkKhexBwhK3uAVwJ152KM11a8yv7ttKufc=";

WecomCrypto w1() {
  return WecomCrypto(std::string(kW1Token), kW1Key, std::string(kW1Corp));
}
WecomCrypto w2() {
  return WecomCrypto(std::string(kW2Token), kW2Key, std::string(kW2Corp));
}
WecomCrypto w3() {
  return WecomCrypto(std::string(kW2Token), kW2Key, "");
}

std::string opened(const std::variant<std::string, WecomCryptoError>& result) {
  if (const auto* error = std::get_if<WecomCryptoError>(&result))
    return "error: " + std::string(describe(*error));
  return std::get<std::string>(result);
}

std::optional<WecomCryptoError> error_of(const std::variant<std::string, WecomCryptoError>& result) {
  if (const auto* error = std::get_if<WecomCryptoError>(&result)) return *error;
  return std::nullopt;
}

// The raw plaintext (random, length, message, receive id, padding) of a ciphertext, for checking
// the vectors' stated prefixes and pad values.
std::string raw_plain(std::string_view key43, std::string_view encrypted) {
  const std::string key = *base64_decode(std::string(key43) + "=");
  return *aes256_cbc_decrypt(key, std::string_view(key).substr(0, 16), *base64_decode(encrypted));
}

TEST(WecomCrypto, TheAesKeyIsTheBase64OfTheEncodingKeyWithOnePaddingCharacter) {
  const std::string w1_key = *base64_decode(std::string(kW1Key) + "=");
  EXPECT_EQ(to_hex(reinterpret_cast<const unsigned char*>(w1_key.data()), w1_key.size()),
            "eaa91d32babaf274ca76ece72583b5037ed6da8120a64314be4b6d453a2a854b");
  const std::string w2_key = *base64_decode(std::string(kW2Key) + "=");
  EXPECT_EQ(to_hex(reinterpret_cast<const unsigned char*>(w2_key.data()), w2_key.size()),
            "8d69989bbaabe67328014c194631ad0719b3dca035b64023df292447aab60760");
}

TEST(WecomCrypto, W1UrlCheckSignatureAndEchoStr) {
  const WecomCrypto crypto = w1();
  EXPECT_EQ(crypto.signature("1476416373", "47744683", kW1EchoStr),
            "012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb");
  EXPECT_TRUE(crypto.signature_matches("012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb", "1476416373", "47744683",
                                       kW1EchoStr));
  EXPECT_EQ(opened(crypto.decrypt(kW1EchoStr)), "1288432023552776189");
  const std::string raw = raw_plain(kW1Key, kW1EchoStr);
  EXPECT_EQ(raw.size(), 64u);
  EXPECT_EQ(raw.substr(0, 16), "8908d0ff052afda0");
  EXPECT_EQ(raw.back(), 7);
}

TEST(WecomCrypto, W1MessageSignatureAndPlaintext) {
  const WecomCrypto crypto = w1();
  EXPECT_EQ(crypto.signature("1476422779", "1597212914", kW1Encrypt),
            "0c3914025cb4b4d68103f6bfc8db550f79dcf48e");
  EXPECT_EQ(opened(crypto.decrypt(kW1Encrypt)), kW1Plain);
  const std::string raw = raw_plain(kW1Key, kW1Encrypt);
  EXPECT_EQ(raw.substr(0, 16), "694ce5a83ae07fe3");
  // A pad value above 16, which OpenSSL's own PKCS#7 check would refuse.
  EXPECT_EQ(raw.back(), 22);
}

TEST(WecomCrypto, W2UrlCheckSignatureAndEchoStr) {
  const WecomCrypto crypto = w2();
  EXPECT_EQ(crypto.signature("1409659589", "263014780", kW2EchoStr),
            "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3");
  EXPECT_EQ(opened(crypto.decrypt(kW2EchoStr)), "1616140317555161061");
}

TEST(WecomCrypto, W2MessageSignatureAndPlaintext) {
  const WecomCrypto crypto = w2();
  EXPECT_EQ(crypto.signature("1409659813", "1372623149", kW2Encrypt),
            "477715d11cdb4164915debcba66cb864d751f3e6");
  const std::string plain = opened(crypto.decrypt(kW2Encrypt));
  EXPECT_NE(plain.find("<FromUserName><![CDATA[mycreate]]></FromUserName>"), std::string::npos) << plain;
  EXPECT_NE(plain.find("<Content><![CDATA[hello]]></Content>"), std::string::npos) << plain;
  EXPECT_NE(plain.find("<MsgId>4561255354251345929</MsgId>"), std::string::npos) << plain;
  EXPECT_EQ(raw_plain(kW2Key, kW2Encrypt).back(), 30);
}

TEST(WecomCrypto, W3AiBotVectorWithAnEmptyReceiveId) {
  const WecomCrypto crypto = w3();
  EXPECT_EQ(crypto.signature("1700000000", "nonce123", kW3Encrypt),
            "c4f34f216f8f2d14c27f8675369055fa50e072ad");
  EXPECT_EQ(opened(crypto.decrypt(kW3Encrypt)), kW3Plain);
  const std::string raw = raw_plain(kW2Key, kW3Encrypt);
  EXPECT_EQ(raw.size(), 224u);
  EXPECT_EQ(raw.back(), 17);
}

TEST(WecomCrypto, EncryptingWithTheVectorsRandomPrefixReproducesTheVector) {
  EXPECT_EQ(w3().encrypt(kW3Plain, "0123456789abcdef"), kW3Encrypt);
  EXPECT_EQ(w1().encrypt(kW1Plain, "694ce5a83ae07fe3"), kW1Encrypt);
  EXPECT_EQ(w1().encrypt("1288432023552776189", "8908d0ff052afda0"), kW1EchoStr);
}

TEST(WecomCrypto, EncryptThenDecryptRoundTripsEveryLengthAroundTheBlock) {
  const WecomCrypto crypto = w2();
  for (std::size_t length = 0; length < 80; ++length) {
    const std::string message(length, 'x');
    EXPECT_EQ(opened(crypto.decrypt(crypto.encrypt(message))), message) << length;
  }
  // A fresh random prefix each time.
  EXPECT_NE(crypto.encrypt("same"), crypto.encrypt("same"));
}

TEST(WecomCrypto, SignaturesCompareInEitherCaseAndRefuseAnyChange) {
  const WecomCrypto crypto = w1();
  EXPECT_TRUE(crypto.signature_matches("012BC692D0A58DD4B10F8DFE5C4AC00AE211EBEB", "1476416373", "47744683",
                                       kW1EchoStr));
  EXPECT_FALSE(crypto.signature_matches("012bc692d0a58dd4b10f8dfe5c4ac00ae211ebec", "1476416373", "47744683",
                                        kW1EchoStr));
  EXPECT_FALSE(crypto.signature_matches("012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb", "1476416374", "47744683",
                                        kW1EchoStr));
  EXPECT_FALSE(crypto.signature_matches("", "1476416373", "47744683", kW1EchoStr));
  // Another token signs differently.
  const WecomCrypto other("another-token", kW1Key, std::string(kW1Corp));
  EXPECT_FALSE(other.signature_matches("012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb", "1476416373", "47744683",
                                       kW1EchoStr));
}

TEST(WecomCrypto, AnotherReceiveIdIsRefused) {
  // The app's message opened as an AI bot (receive id "") or as another corp.
  EXPECT_EQ(error_of(WecomCrypto(std::string(kW1Token), kW1Key, "").decrypt(kW1Encrypt)),
            WecomCryptoError::wrong_receive_id);
  EXPECT_EQ(error_of(WecomCrypto(std::string(kW1Token), kW1Key, "ww1436e0e65a779ae").decrypt(kW1Encrypt)),
            WecomCryptoError::wrong_receive_id);
  EXPECT_EQ(error_of(WecomCrypto(std::string(kW1Token), kW1Key, "ww1436e0e65a779aeee").decrypt(kW1Encrypt)),
            WecomCryptoError::wrong_receive_id);
  // The AI bot's message opened as an app.
  EXPECT_EQ(error_of(w2().decrypt(kW3Encrypt)), WecomCryptoError::wrong_receive_id);
}

TEST(WecomCrypto, CorruptedCiphertextsAreErrorsNeverCrashes) {
  const WecomCrypto crypto = w1();
  EXPECT_EQ(error_of(crypto.decrypt("not base64!")), WecomCryptoError::not_base64);
  EXPECT_EQ(error_of(crypto.decrypt("")), WecomCryptoError::bad_ciphertext);
  // 16 bytes: a whole AES block but not a whole padding block.
  EXPECT_EQ(error_of(crypto.decrypt(base64_encode(std::string(16, 'a')))), WecomCryptoError::bad_ciphertext);
  // The wrong key: the padding does not hold (or, rarely, the layout does not).
  const WecomCrypto wrong_key(std::string(kW1Token), kW2Key, std::string(kW1Corp));
  EXPECT_TRUE(error_of(wrong_key.decrypt(kW1Encrypt)).has_value());
  // Every single-bit flip of the last block is an error, never another plaintext.
  std::string bytes = *base64_decode(kW1Encrypt);
  for (std::size_t i = bytes.size() - 32; i < bytes.size(); ++i) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string flipped = bytes;
      flipped[i] = static_cast<char>(flipped[i] ^ (1 << bit));
      const auto result = crypto.decrypt(base64_encode(flipped));
      if (!error_of(result)) {
        EXPECT_NE(std::get<std::string>(result), kW1Plain);
      }
    }
  }
}

// Builds a ciphertext from an exact plaintext (padding included) to test each layout check.
std::string seal_raw(std::string_view key43, std::string_view raw) {
  const std::string key = *base64_decode(std::string(key43) + "=");
  return base64_encode(aes256_cbc_encrypt(key, std::string_view(key).substr(0, 16), raw));
}

TEST(WecomCrypto, BadPaddingAndBadLengthAreRefused) {
  const WecomCrypto crypto = w2();
  std::string layout = std::string(16, 'r') + std::string("\0\0\0\x05", 4) + "hello" + std::string(kW2Corp);
  const std::size_t pad = 32 - layout.size() % 32;
  std::string good = layout + std::string(pad, static_cast<char>(pad));
  EXPECT_EQ(opened(crypto.decrypt(seal_raw(kW2Key, good))), "hello");

  // A pad value of 0, above 32, or with unequal pad bytes.
  std::string zero = good;
  zero.back() = 0;
  EXPECT_EQ(error_of(crypto.decrypt(seal_raw(kW2Key, zero))), WecomCryptoError::bad_padding);
  std::string big = good;
  big.back() = 33;
  EXPECT_EQ(error_of(crypto.decrypt(seal_raw(kW2Key, big))), WecomCryptoError::bad_padding);
  std::string uneven = good;
  uneven[uneven.size() - 2] = static_cast<char>(pad + 1);
  EXPECT_EQ(error_of(crypto.decrypt(seal_raw(kW2Key, uneven))), WecomCryptoError::bad_padding);

  // A length field pointing past the end, and one too big for 32 bits of sense.
  std::string long_length =
      std::string(16, 'r') + std::string("\0\0\1\0", 4) + "hello" + std::string(kW2Corp);
  long_length += std::string(32 - long_length.size() % 32, static_cast<char>(32 - long_length.size() % 32));
  EXPECT_EQ(error_of(crypto.decrypt(seal_raw(kW2Key, long_length))), WecomCryptoError::bad_length);
  std::string huge = std::string(16, 'r') + std::string("\xff\xff\xff\xff", 4) + "hello";
  huge += std::string(32 - huge.size() % 32, static_cast<char>(32 - huge.size() % 32));
  EXPECT_EQ(error_of(crypto.decrypt(seal_raw(kW2Key, huge))), WecomCryptoError::bad_length);

  // A whole block of padding leaving less than the random prefix and the length.
  const std::string short_layout = std::string(32, static_cast<char>(32));
  EXPECT_EQ(error_of(crypto.decrypt(seal_raw(kW2Key, short_layout))), WecomCryptoError::bad_length);
}

TEST(WecomCrypto, AKeyThatIsNot43Base64CharactersIsRefusedWithoutQuotingIt) {
  try {
    WecomCrypto("t", "tooShortKeyXYZ", "");
    FAIL() << "no exception";
  } catch (const std::invalid_argument& error) {
    EXPECT_EQ(std::string(error.what()).find("tooShortKeyXYZ"), std::string::npos);
  }
  EXPECT_THROW(WecomCrypto("t", std::string(42, 'a') + "!", ""), std::invalid_argument);
}

}  // namespace wecom_crypto_cases
}  // namespace
}  // namespace whistle::bot
