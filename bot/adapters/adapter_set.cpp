#include "bot/adapters/adapter_set.hpp"

#include "bot/adapters/chat_address.hpp"
#include "bot/adapters/dingtalk_adapter.hpp"
#include "bot/adapters/feishu_adapter.hpp"
#include "bot/adapters/generic_adapter.hpp"
#include "bot/adapters/telegram_adapter.hpp"
#include "bot/adapters/wecom_adapter.hpp"
#include "bot/adapters/wecom_bot_adapter.hpp"
#include "bot/adapters/wecom_robot_adapter.hpp"

namespace whistle::bot {

namespace {

// Makes one adapter per instance of a platform's config map. The map key is the instance's name;
// the struct's copy of it may have been left empty by hand-built configs (tests).
template <typename Instance, typename Make>
void add_each(AdapterSet& set, const std::map<std::string, Instance>& instances, Make make) {
  for (const auto& [name, instance] : instances) {
    Instance settings = instance;
    if (settings.name.empty()) settings.name = name;
    set.add(make(settings));
  }
}

}  // namespace

AdapterSet AdapterSet::from_config(const config::Config& config) {
  AdapterSet set;
  const config::BotConfig& bot = config.bot;
  // One row per platform.
  add_each(set, config.generic, [&](const auto& i) { return std::make_unique<GenericAdapter>(i, bot); });
  add_each(set, config.platforms.feishu,
           [&](const auto& i) { return std::make_unique<FeishuAdapter>(i, bot); });
  add_each(set, config.platforms.wecom,
           [&](const auto& i) { return std::make_unique<WecomAdapter>(i, bot); });
  add_each(set, config.platforms.wecom_bot,
           [&](const auto& i) { return std::make_unique<WecomBotAdapter>(i, bot); });
  add_each(set, config.platforms.wecom_robot,
           [&](const auto& i) { return std::make_unique<WecomRobotAdapter>(i); });
  add_each(set, config.platforms.dingtalk,
           [&](const auto& i) { return std::make_unique<DingtalkAdapter>(i, bot); });
  add_each(set, config.platforms.telegram,
           [&](const auto& i) { return std::make_unique<TelegramAdapter>(i, bot); });
  // platform rows end
  return set;
}

void AdapterSet::add(std::unique_ptr<Adapter> adapter) {
  std::pair<std::string, std::string> key{std::string(adapter->platform()), std::string(adapter->instance())};
  adapters_[std::move(key)] = std::move(adapter);
}

const Adapter* AdapterSet::find(std::string_view platform, std::string_view instance) const {
  const auto it = adapters_.find(std::pair<std::string, std::string>(platform, instance));
  return it == adapters_.end() ? nullptr : it->second.get();
}

const Adapter* AdapterSet::sender_for(const store::OutboxMessage& message, std::int64_t now) const {
  const std::optional<ChatAddress> address = parse_chat_address(message.chat);
  if (!address) return nullptr;
  if (const Adapter* own = find(address->platform, address->instance); own && own->can_send(message, now)) {
    return own;
  }
  for (const auto& [key, adapter] : adapters_) {
    if (adapter->relays_for(address->platform) && adapter->can_send(message, now)) return adapter.get();
  }
  return nullptr;
}

std::vector<const Adapter*> AdapterSet::all() const {
  std::vector<const Adapter*> result;
  for (const auto& [key, adapter] : adapters_)
    result.push_back(adapter.get());
  return result;
}

}  // namespace whistle::bot
