#pragma once

#include <cstdint>
#include <span>

namespace whistle::handlers {

/// The handlers' one source of randomness, behind sign-in and pickup codes. By default it is the
/// operating system's CSPRNG through OpenSSL `RAND_bytes`: a code must not be guessable from home.
/// The simulator switches it to a seeded generator so that the same script prints the same codes.
/// Throws std::runtime_error when the system has no randomness to give.
void random_bytes(std::span<unsigned char> out);

/// A number in [0, bound), every value equally likely (bound > 0).
std::uint32_t random_below(std::uint32_t bound);

/// From now on, random_bytes comes from a deterministic generator started at `seed`: for the
/// simulator and tests only. The server never calls it.
void use_seeded_random(std::uint64_t seed);

/// Back to the system's CSPRNG (the default).
void use_system_random();

/// True while the source is the system's CSPRNG.
bool random_is_system();

}  // namespace whistle::handlers
