#include "bot/crypto/hmac.hpp"

#include <thread>

#include <gtest/gtest.h>

namespace whistle::bot {
namespace {

// Expected values computed once with OpenSSL's command line, e.g.
//   printf '%s' '{"id":"m-1","chat":"b3u2","from":"u-zhang","text":"报到"}' | openssl dgst -sha256 -hmac
//   'whistle-demo-secret'
constexpr std::string_view kDemoBody = R"({"id":"m-1","chat":"b3u2","from":"u-zhang","text":"报到"})";
constexpr std::string_view kDemoMac = "27cf227e21f091f6a3df459c561ce991602c0e428ca84f2bed3f7aabb691b025";
//   printf '%s' 'The quick brown fox jumps over the lazy dog' | openssl dgst -sha256 -hmac 'key'
constexpr std::string_view kFoxMac = "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8";
//   printf '' | openssl dgst -sha256 -hmac ''
constexpr std::string_view kEmptyMac = "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad";

TEST(Hmac, MatchesOpenSslForAWebhookBody) {
  HmacSha256 hmac("whistle-demo-secret");
  EXPECT_EQ(hmac.hex_digest(kDemoBody), kDemoMac);
}

TEST(Hmac, ReusingTheKeyedContextGivesTheSameAnswerEachTime) {
  HmacSha256 hmac("key");
  const std::string_view fox = "The quick brown fox jumps over the lazy dog";
  EXPECT_EQ(hmac.hex_digest(fox), kFoxMac);
  EXPECT_NE(hmac.hex_digest("something else"), kFoxMac);
  EXPECT_EQ(hmac.hex_digest(fox), kFoxMac);
}

TEST(Hmac, EmptyKeyAndEmptyMessageWork) {
  HmacSha256 hmac("");
  EXPECT_EQ(hmac.hex_digest(""), kEmptyMac);
}

TEST(Hmac, VerifyAcceptsEitherCaseAndRejectsAnythingElse) {
  HmacSha256 hmac("whistle-demo-secret");
  std::string upper(kDemoMac);
  for (char& c : upper)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_TRUE(hmac.verify_hex(kDemoBody, kDemoMac));
  EXPECT_TRUE(hmac.verify_hex(kDemoBody, upper));
  std::string flipped(kDemoMac);
  flipped.back() = flipped.back() == '5' ? '6' : '5';
  EXPECT_FALSE(hmac.verify_hex(kDemoBody, flipped));
  EXPECT_FALSE(hmac.verify_hex(kDemoBody, kDemoMac.substr(2)));
  EXPECT_FALSE(hmac.verify_hex(kDemoBody, std::string(64, 'z')));
  EXPECT_FALSE(hmac.verify_hex(kDemoBody, ""));
}

TEST(Hmac, SharedKeyGivesEachThreadAWorkingContext) {
  const HmacKey key("whistle-demo-secret");
  std::string other_thread;
  std::thread thread([&] { other_thread = key.hex_digest(kDemoBody); });
  thread.join();
  EXPECT_EQ(other_thread, kDemoMac);
  EXPECT_EQ(key.hex_digest(kDemoBody), kDemoMac);
  // A second key is never confused with the first in a thread's cache.
  const HmacKey other("key");
  EXPECT_EQ(other.hex_digest("The quick brown fox jumps over the lazy dog"), kFoxMac);
  EXPECT_TRUE(key.verify_hex(kDemoBody, kDemoMac));
}

}  // namespace
}  // namespace whistle::bot
