#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "handlers/language/command.hpp"
#include "handlers/message.hpp"
#include "store/outbox.hpp"

namespace whistle::bot {

/// One decoded inbound event, ready for the writer.
struct InboundEvent {
  std::string dedupe_key;  ///< platform + instance + platform message id
  std::string digest;      ///< event_digest() of the message: tells a redelivery from an id collision
  handlers::Message message;
  /// The bot's own clock when the event arrived (virtual in the simulator). Handlers work by it —
  /// check-ins, stays, deadlines, jobs — while relative words in the text (明天, 周六) are read
  /// against `message.at`, the sender's time where it can be believed. 0: use `message.at`.
  std::int64_t received_at = 0;
  /// The platform takes replies to the event's own chat in the HTTP answer; when false (platforms
  /// that answer through a send API) every reply goes to the outbox.
  bool replies_inline = true;
  /// The URL the platform gave for answering this conversation (DingTalk's sessionWebhook, the
  /// WeCom AI bot's response_url) and until when; kept with the replies to the event's own chat.
  std::optional<store::ReplyUrl> reply_url;
  /// The message's command, when the network thread has read it already (bot/command_reader);
  /// empty: the writer reads it.
  std::optional<handlers::Command> command;
};

/// The bot's clock for an event: when it arrived, or its message time where no arrival was noted.
inline std::int64_t handling_time(const InboundEvent& event) {
  return event.received_at != 0 ? event.received_at : event.message.at;
}

/// What became of one event after its batch committed.
struct EventOutcome {
  /// `conflict`: the dedupe key was seen before with another event; nothing was stored.
  /// `failed`: its handling threw and was undone; the sender got an apology, recorded as its answer.
  /// `undone`: its handling threw and even the apology could not be recorded; nothing was stored,
  /// so a redelivery tries it again.
  enum class Status { applied, duplicate, conflict, failed, undone };
  Status status = Status::applied;
  /// The replies for the event's own chat, answered in the HTTP body (kept for redeliveries too).
  std::vector<handlers::Reply> inline_replies;
  /// How many messages the event queued in the outbox (so the sender is woken only when needed).
  std::size_t queued = 0;
};

}  // namespace whistle::bot
