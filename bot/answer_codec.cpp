#include "bot/answer_codec.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>

#include "handlers/language/utf8.hpp"

namespace whistle::bot {

using nlohmann::json;

namespace {

// Appends `text` as a JSON string the way nlohmann's dump (error_handler_t::replace) writes valid
// UTF-8: quotes, backslashes and control characters escaped, the rest as it is; an invalid byte
// becomes U+FFFD, so the answer is always valid JSON.
void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  for (std::size_t pos = 0; pos < text.size();) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte >= 0x80) {
      const language::CodePoint code_point = language::decode_utf8(text, pos);
      if (code_point.length == 1) {
        language::append_utf8(out, language::kReplacementCharacter);
      } else {
        out.append(text.substr(pos, code_point.length));
      }
      pos += code_point.length;
      continue;
    }
    switch (byte) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (byte < 0x20) {
          char escaped[7];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", byte);
          out += escaped;
        } else {
          out += static_cast<char>(byte);
        }
    }
    ++pos;
  }
  out += '"';
}

}  // namespace

// Written by hand rather than through a json tree: every event's answer is encoded on the writer's
// thread, and the tree's allocations were 5.7% of its time (whistle-bench-growth under perf). The
// keys come in nlohmann's order, so the bytes are the same as before.
std::string encode_answer(const std::vector<handlers::Reply>& replies) {
  std::string out;
  std::size_t size = 2;
  for (const handlers::Reply& reply : replies) {
    size += reply.chat.size() + reply.text.size() + 40;
    for (const std::string& person : reply.mentions)
      size += person.size() + 3;
  }
  out.reserve(size);
  out += '[';
  for (std::size_t i = 0; i < replies.size(); ++i) {
    const handlers::Reply& reply = replies[i];
    if (i > 0) out += ',';
    out += "{\"chat\":";
    append_json_string(out, reply.chat);
    out += ",\"mentions\":[";
    for (std::size_t m = 0; m < reply.mentions.size(); ++m) {
      if (m > 0) out += ',';
      append_json_string(out, reply.mentions[m]);
    }
    out += "],\"text\":";
    append_json_string(out, reply.text);
    out += '}';
  }
  out += ']';
  return out;
}

std::vector<handlers::Reply> decode_answer(std::string_view answer) {
  std::vector<handlers::Reply> replies;
  const json array = json::parse(answer, nullptr, false);
  // The answer was written by encode_answer in an earlier transaction; if it cannot be read (a
  // future format, a damaged row) the redelivery is still acknowledged, only without replies.
  if (!array.is_array()) return replies;
  for (const json& item : array) {
    if (!item.is_object()) continue;
    handlers::Reply reply;
    reply.chat = item.value("chat", std::string());
    reply.text = item.value("text", std::string());
    if (const auto mentions = item.find("mentions"); mentions != item.end() && mentions->is_array()) {
      for (const json& person : *mentions) {
        if (person.is_string()) reply.mentions.push_back(person.get<std::string>());
      }
    }
    replies.push_back(std::move(reply));
  }
  return replies;
}

}  // namespace whistle::bot
