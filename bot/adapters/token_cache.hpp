#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

namespace whistle::bot {

/// A platform's access token (WeCom's access_token, Feishu's tenant_access_token, DingTalk's
/// accessToken), kept until shortly before it expires. Thread-safe. Two deliveries that find it
/// stale at once may both fetch one: the platforms hand out the same or another valid token, so
/// that costs a request, never a failure.
class TokenCache {
 public:
  /// A token is refreshed this long before the platform says it expires.
  static constexpr std::int64_t kRefreshMarginSeconds = 300;

  /// The token while more than the margin of its life is left at `now`; empty otherwise.
  std::optional<std::string> fresh(std::int64_t now) const {
    std::lock_guard lock(mutex_);
    if (token_.empty() || now + kRefreshMarginSeconds >= expires_at_) return std::nullopt;
    return token_;
  }

  /// Keeps a token fetched at `now` that the platform says lives `lifetime_seconds`.
  void store(std::string token, std::int64_t now, std::int64_t lifetime_seconds) {
    std::lock_guard lock(mutex_);
    token_ = std::move(token);
    expires_at_ = now + lifetime_seconds;
  }

  /// Forgets `token` when the platform refused it (expired or revoked early), unless a newer one
  /// already replaced it.
  void invalidate(const std::string& token) {
    std::lock_guard lock(mutex_);
    if (token_ == token) token_.clear();
  }

 private:
  mutable std::mutex mutex_;
  std::string token_;
  std::int64_t expires_at_ = 0;
};

}  // namespace whistle::bot
