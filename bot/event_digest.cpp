#include "bot/event_digest.hpp"

#include <cstdint>
#include <cstdio>

#include "bot/crypto/digest.hpp"

namespace whistle::bot {

namespace {

// Each field is written with its length first, so no two different messages encode alike
// ("ab" + "c" never meets "a" + "bc").
void append_field(std::string& out, std::string_view field) {
  const auto size = static_cast<std::uint32_t>(field.size());
  for (int shift = 24; shift >= 0; shift -= 8)
    out += static_cast<char>((size >> shift) & 0xFF);
  out += field;
}

std::string coordinate(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.7f", value);
  return text;
}

}  // namespace

std::string event_digest(const handlers::Message& message) {
  std::string encoded;
  // Room for the fields that every message has, so the appends below do not grow the string.
  encoded.reserve(64 + message.chat.size() + message.sender.size() + message.text.size());
  append_field(encoded, message.chat);
  append_field(encoded, message.sender);
  append_field(encoded, message.text);
  append_field(encoded, std::to_string(message.mentions.size()));
  for (const std::string& person : message.mentions)
    append_field(encoded, person);
  append_field(encoded, message.mentions_bot ? "bot" : "");
  append_field(encoded, message.location ? coordinate(message.location->lat) : "");
  append_field(encoded, message.location ? coordinate(message.location->lon) : "");
  append_field(encoded, std::to_string(message.attachments.size()));
  for (const handlers::Attachment& attachment : message.attachments) {
    append_field(encoded, attachment.type);
    append_field(encoded, attachment.url);
  }

  const Sha256Digest digest = sha256(encoded);
  return std::string(reinterpret_cast<const char*>(digest.data()), digest.size());
}

}  // namespace whistle::bot
