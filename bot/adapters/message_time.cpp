#include "bot/adapters/message_time.hpp"

namespace whistle::bot {

std::int64_t accepted_message_time(std::int64_t claimed, std::int64_t received_at) {
  const std::int64_t skew = claimed > received_at ? claimed - received_at : received_at - claimed;
  return skew <= kTrustedClockSkewSeconds ? claimed : received_at;
}

}  // namespace whistle::bot
