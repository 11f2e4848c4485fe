// The handlers' random source: the system's CSPRNG (RAND_bytes) unless the simulator seeds it.
// RAND_set_rand_method is deprecated in OpenSSL 3 but still honoured by RAND_bytes, which makes
// it the way to see that the default source really draws from RAND_bytes.
#define OPENSSL_SUPPRESS_DEPRECATED
#include "handlers/random_source.hpp"

#include <gtest/gtest.h>
#include <openssl/rand.h>

#include <array>
#include <cstring>

#include "handlers/pickup_code.hpp"
#include "handlers/sign_code.hpp"

namespace whistle::handlers {
namespace {

int calls_to_fake = 0;

// Every byte 0x07: recognisable, and far from what a seeded generator gives.
int fake_bytes(unsigned char* buffer, int count) {
  ++calls_to_fake;
  std::memset(buffer, 0x07, static_cast<std::size_t>(count));
  return 1;
}

int fake_status() {
  return 1;
}

class RandomSource : public ::testing::Test {
 protected:
  ~RandomSource() override {
    RAND_set_rand_method(nullptr);
    use_system_random();
  }
};

TEST_F(RandomSource, ByDefaultCodesComeFromRandBytes) {
  ASSERT_TRUE(random_is_system());
  RAND_METHOD fake{};
  fake.bytes = fake_bytes;
  fake.status = fake_status;
  ASSERT_EQ(RAND_set_rand_method(&fake), 1);
  calls_to_fake = 0;

  std::array<unsigned char, 3> bytes{};
  random_bytes(bytes);
  EXPECT_EQ(bytes, (std::array<unsigned char, 3>{7, 7, 7}));
  // The sign-in code is drawn through the same source: 0x07070707 % 10000.
  EXPECT_EQ(new_sign_code(), "1063");
  EXPECT_EQ(calls_to_fake, 2);
}

TEST_F(RandomSource, TheSystemSourceGivesDifferentDrawsEachTime) {
  std::array<unsigned char, 16> first{};
  std::array<unsigned char, 16> second{};
  random_bytes(first);
  random_bytes(second);
  EXPECT_NE(first, second);
}

TEST_F(RandomSource, ASeedGivesTheSameCodesAgainAndSystemRandomEndsIt) {
  use_seeded_random(42);
  EXPECT_FALSE(random_is_system());
  const std::string sign = new_sign_code();
  const std::string pickup = random_pickup_code(4);
  use_seeded_random(42);
  EXPECT_EQ(new_sign_code(), sign);
  EXPECT_EQ(random_pickup_code(4), pickup);
  use_system_random();
  EXPECT_TRUE(random_is_system());
}

TEST_F(RandomSource, RandomBelowStaysUnderItsBound) {
  use_seeded_random(7);
  for (int i = 0; i < 1000; ++i)
    EXPECT_LT(random_below(10), 10u);
  EXPECT_EQ(random_below(1), 0u);
}

}  // namespace
}  // namespace whistle::handlers
