#include "handlers/random_source.hpp"

#include <openssl/rand.h>

#include <limits>
#include <mutex>
#include <optional>
#include <random>
#include <stdexcept>

namespace whistle::handlers {

namespace {

// Process-wide, as the random source of a process is: the simulator switches it once at start,
// before any handler runs. The lock only matters for tests that switch it while other code draws.
std::mutex source_lock;
std::optional<std::mt19937_64> seeded;

}  // namespace

void random_bytes(std::span<unsigned char> out) {
  std::lock_guard lock(source_lock);
  if (!seeded) {
    if (out.empty()) return;
    if (RAND_bytes(out.data(), static_cast<int>(out.size())) != 1) {
      throw std::runtime_error("no randomness from the system (RAND_bytes failed)");
    }
    return;
  }
  // Byte by byte from 64-bit draws: the standard fixes mt19937_64's output for a seed, so the
  // simulator prints the same codes on every machine.
  std::uint64_t word = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (i % 8 == 0) word = (*seeded)();
    out[i] = static_cast<unsigned char>(word >> (8 * (i % 8)));
  }
}

std::uint32_t random_below(std::uint32_t bound) {
  if (bound == 0) throw std::invalid_argument("random_below needs a bound above zero");
  // Draws above the largest multiple of `bound` are thrown away, so no value is favoured (a plain
  // modulo would favour the low ones).
  const std::uint64_t range = std::uint64_t{std::numeric_limits<std::uint32_t>::max()} + 1;
  const std::uint64_t usable = range - range % bound;
  for (;;) {
    unsigned char bytes[4];
    random_bytes(bytes);
    const std::uint32_t value = std::uint32_t{bytes[0]} | std::uint32_t{bytes[1]} << 8 |
                                std::uint32_t{bytes[2]} << 16 | std::uint32_t{bytes[3]} << 24;
    if (value < usable) return value % bound;
  }
}

void use_seeded_random(std::uint64_t seed) {
  std::lock_guard lock(source_lock);
  seeded.emplace(seed);
}

void use_system_random() {
  std::lock_guard lock(source_lock);
  seeded.reset();
}

bool random_is_system() {
  std::lock_guard lock(source_lock);
  return !seeded.has_value();
}

}  // namespace whistle::handlers
