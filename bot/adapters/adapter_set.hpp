#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "bot/adapters/adapter.hpp"
#include "config/config.hpp"

namespace whistle::bot {

/// Every configured adapter, by platform and instance; immutable once built, shared by all threads.
class AdapterSet {
 public:
  /// One adapter per configured platform instance (today: `[platforms.generic.*]`).
  static AdapterSet from_config(const config::Config& config);

  /// Adds an adapter (replacing one with the same platform and instance).
  void add(std::unique_ptr<Adapter> adapter);

  /// The adapter serving `/hooks/<platform>/<instance>`; null when none is configured.
  const Adapter* find(std::string_view platform, std::string_view instance) const;

  /// The adapter that sends to a qualified chat ("generic:b3u2"): the first instance of the chat's
  /// platform, in instance-name order, that can send. Null when none can.
  const Adapter* sender_for(std::string_view chat) const;

 private:
  std::map<std::pair<std::string, std::string>, std::unique_ptr<Adapter>, std::less<>> adapters_;
};

}  // namespace whistle::bot
