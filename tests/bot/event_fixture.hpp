#pragma once

// What the event processor's suites share: the writer over a database in memory with the demo org
// synced, and a generic webhook's event in that org, as the adapter hands it on.

#include <cstdint>
#include <string>
#include <utility>

#include "bot/event_digest.hpp"
#include "bot/event_processor.hpp"
#include "bot/inbound_event.hpp"
#include "config/config.hpp"
#include "config/templates.hpp"
#include "handlers/dispatcher.hpp"
#include "store/database.hpp"

namespace whistle::bot::test_events {

/// Monday 2026-11-23 09:00 in Asia/Shanghai.
inline constexpr std::int64_t kMonday0900 = 1795395600;

inline store::DatabaseOptions in_memory() {
  store::DatabaseOptions options;
  options.path = ":memory:";
  return options;
}

/// A generic webhook's event as the adapter would hand it on, in the demo org.
inline InboundEvent webhook_event(const std::string& id, const std::string& chat, const std::string& from,
                                  const std::string& name, const std::string& text,
                                  std::int64_t at = kMonday0900) {
  InboundEvent event;
  event.dedupe_key = "generic:default:" + id;
  handlers::Message& message = event.message;
  message.is_private = chat.starts_with('@');
  message.chat = "generic:" + chat;
  message.sender = "generic:" + from;
  message.sender_name = name;
  message.text = text;
  message.at = at;
  event.digest = event_digest(message);
  return event;
}

/// The writer as the pipeline drives it: the demo org synced into a database in memory, and the
/// processor over it.
struct DemoWriter {
  explicit DemoWriter(EventProcessorOptions options = {},
                      const store::DatabaseOptions& database = in_memory())
      : db(database),
        config(config::demo_config()),
        templates(config::Templates::builtin("zh-CN")),
        dispatcher(db, config, templates),
        processor(db, dispatcher, templates, config, std::move(options)) {
    store::Transaction transaction(db);
    dispatcher.sync_org();
    transaction.commit();
  }

  store::Database db;
  config::Config config;
  config::Templates templates;
  handlers::Dispatcher dispatcher;
  EventProcessor processor;
};

}  // namespace whistle::bot::test_events
