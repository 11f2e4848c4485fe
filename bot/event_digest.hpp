#pragma once

#include <string>

#include "handlers/message.hpp"

namespace whistle::bot {

/// A SHA-256 over what makes a message the message it is (chat, sender, text, mentions, location,
/// attachments),
/// as 32 raw bytes. Two deliveries with one id and one digest are the same event redelivered; with
/// another digest they are two events that collide on the id. It is taken over the decoded
/// message, not the raw bytes, because platforms re-encrypt and re-stamp a redelivery.
std::string event_digest(const handlers::Message& message);

}  // namespace whistle::bot
