#include <gtest/gtest.h>

#include "bot/crypto/aes.hpp"
#include "bot/crypto/base64.hpp"
#include "bot/crypto/digest.hpp"

namespace whistle::bot {
namespace {

std::string from_hex(std::string_view hex) {
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
    out += static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16));
  return out;
}

std::string hex(std::string_view bytes) {
  return to_hex(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

TEST(Digest, ShaOfAbcIsTheFipsValue) {
  EXPECT_EQ(sha1_hex("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Digest, ConstantTimeEqualComparesWholeStrings) {
  EXPECT_TRUE(constant_time_equal("token", "token"));
  EXPECT_FALSE(constant_time_equal("token", "tokem"));
  EXPECT_FALSE(constant_time_equal("token", "token2"));
  EXPECT_TRUE(constant_time_equal("", ""));
}

TEST(Base64, Rfc4648Vectors) {
  const std::pair<const char*, const char*> vectors[] = {{"", ""},
                                                         {"f", "Zg=="},
                                                         {"fo", "Zm8="},
                                                         {"foo", "Zm9v"},
                                                         {"foob", "Zm9vYg=="},
                                                         {"fooba", "Zm9vYmE="},
                                                         {"foobar", "Zm9vYmFy"}};
  for (const auto& [plain, encoded] : vectors) {
    EXPECT_EQ(base64_encode(plain), encoded);
    EXPECT_EQ(base64_decode(encoded), std::optional<std::string>(plain)) << encoded;
  }
}

TEST(Base64, NotBase64IsRefused) {
  for (const char* text : {"Zg=", "Z===", "Zm9v\n", "Zm=v", "Zg==Zg==", "Zm9*", "Zm9vY"}) {
    EXPECT_FALSE(base64_decode(text)) << text;
  }
}

TEST(Aes, Nist80038aCbcAes256) {
  // NIST SP 800-38A, F.2.5 / F.2.6, the first two blocks.
  const std::string key = from_hex("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4");
  const std::string iv = from_hex("000102030405060708090a0b0c0d0e0f");
  const std::string plain = from_hex("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51");
  const std::string cipher = aes256_cbc_encrypt(key, iv, plain);
  EXPECT_EQ(hex(cipher), "f58c4c04d6e5f1ba779eabfb5f7bfbd69cfc4e967edb808d679f777bc6702c7d");
  EXPECT_EQ(aes256_cbc_decrypt(key, iv, cipher), std::optional<std::string>(plain));
}

TEST(Aes, WrongSizesAreRefusedNotCrashed) {
  const std::string key(32, 'k');
  const std::string iv(16, 'i');
  EXPECT_FALSE(aes256_cbc_decrypt(key, iv, std::string(15, 'x')));
  EXPECT_FALSE(aes256_cbc_decrypt(key, iv, ""));
  EXPECT_FALSE(aes256_cbc_decrypt(std::string(31, 'k'), iv, std::string(16, 'x')));
  EXPECT_THROW(aes256_cbc_encrypt(key, iv, "not a block"), std::invalid_argument);
}

}  // namespace
}  // namespace whistle::bot
