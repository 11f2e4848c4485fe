#include "bot/adapters/adapter_set.hpp"

#include "bot/adapters/generic_adapter.hpp"

namespace whistle::bot {

AdapterSet AdapterSet::from_config(const config::Config& config) {
  AdapterSet set;
  for (const auto& [name, instance] : config.generic) {
    config::GenericInstance settings = instance;
    // The map key is the instance's name; the struct's copy of it may have been left empty.
    if (settings.name.empty()) settings.name = name;
    set.add(std::make_unique<GenericAdapter>(settings, config.bot));
  }
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

const Adapter* AdapterSet::sender_for(std::string_view chat) const {
  const std::string_view platform = chat.substr(0, chat.find(':'));
  // A chat id does not name the instance it was seen through; with several instances of one
  // platform, the first that has somewhere to send wins (documented in docs/adapters.md).
  for (const auto& [key, adapter] : adapters_) {
    if (key.first != platform) continue;
    if (adapter->can_send()) return adapter.get();
  }
  return nullptr;
}

}  // namespace whistle::bot
