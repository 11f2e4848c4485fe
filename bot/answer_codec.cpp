#include "bot/answer_codec.hpp"

#include <nlohmann/json.hpp>

namespace whistle::bot {

using nlohmann::json;

std::string encode_answer(const std::vector<handlers::Reply>& replies) {
  json array = json::array();
  for (const handlers::Reply& reply : replies) {
    array.push_back(json{{"chat", reply.chat}, {"text", reply.text}, {"mentions", reply.mentions}});
  }
  return array.dump(-1, ' ', false, json::error_handler_t::replace);
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
