#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bot/adapters/adapter.hpp"
#include "config/config.hpp"

namespace whistle::bot {

/// Every configured adapter, by platform and instance; immutable once built, shared by all threads.
class AdapterSet {
 public:
  /// One adapter per configured platform instance (`[platforms.<platform>.<instance>]`), made by
  /// the platform's row in adapter_set.cpp.
  static AdapterSet from_config(const config::Config& config);

  /// Adds an adapter (replacing one with the same platform and instance).
  void add(std::unique_ptr<Adapter> adapter);

  /// The adapter serving `/hooks/<platform>/<instance>`; null when none is configured.
  const Adapter* find(std::string_view platform, std::string_view instance) const;

  /// The adapter that sends `message` now: the instance its chat names ("feishu.ops:oc_1" → feishu
  /// `ops`, "feishu:oc_1" → feishu `default`) when it can, else an instance that relays for that
  /// platform and can (the WeCom group robot for an AI bot's chat). Null when none can.
  const Adapter* sender_for(const store::OutboxMessage& message, std::int64_t now) const;

  /// Every adapter, for start-up checks and logs.
  std::vector<const Adapter*> all() const;

 private:
  std::map<std::pair<std::string, std::string>, std::unique_ptr<Adapter>, std::less<>> adapters_;
};

}  // namespace whistle::bot
