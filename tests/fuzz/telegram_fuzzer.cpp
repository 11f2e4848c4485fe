// libFuzzer target: the Telegram Update decoder, on bodies carrying the right secret token (so
// every body reaches the JSON decoder); the sendMessage body built back from what it decoded, with
// mention spans placed by the input (UTF-16 entity offsets over any text); and the send-answer
// reader on the same bytes. A 4xx is a fine answer; a crash, a hang, a sanitizer report, an
// escaping exception or a URL that could leak elsewhere is a finding.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "bot/adapters/telegram_adapter.hpp"

namespace {

constexpr std::string_view kSecret = "fuzz_secret-token";
constexpr std::string_view kToken = "42:fuzz-bot-token";

class Headers final : public whistle::bot::RequestHeaders {
 public:
  explicit Headers(std::string secret) : secret_(std::move(secret)) {}
  std::string_view get(std::string_view name) const override {
    return name == whistle::bot::TelegramAdapter::kSecretHeader ? std::string_view(secret_)
                                                                : std::string_view();
  }

 private:
  std::string secret_;
};

const whistle::bot::TelegramAdapter& adapter() {
  static const whistle::bot::TelegramAdapter value = [] {
    whistle::config::TelegramInstance instance;
    instance.name = "default";
    instance.bot_token = std::string(kToken);
    instance.secret_token = std::string(kSecret);
    instance.bot_username = "mybot";
    instance.api_base = "http://127.0.0.1:9";
    return whistle::bot::TelegramAdapter(instance);
  }();
  return value;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Headers good{std::string(kSecret)};
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  const whistle::bot::InboundRequest request{"POST", "/hooks/telegram/default", body, good, 1'700'000'000};
  const whistle::bot::Decoded decoded = adapter().inbound(request);
  if (const auto* events = std::get_if<std::vector<whistle::bot::InboundEvent>>(&decoded)) {
    for (const whistle::bot::InboundEvent& event : *events) {
      // Answer the event with its own text, a span for each of its mentions placed by the input.
      whistle::store::OutboxMessage reply;
      reply.chat = event.message.chat;
      reply.text = event.message.text;
      for (std::size_t i = 0; i < event.message.mentions.size(); ++i) {
        const std::size_t offset = size > 0 ? data[i % size] % (reply.text.size() + 2) : 0;
        reply.spans.push_back({event.message.mentions[i], offset, i + 1});
      }
      reply.spans.push_back({"telegram:7", 0, reply.text.size()});
      const auto send = adapter().build_send(reply);
      if (!send || send->url.find(kToken) == std::string::npos ||
          send->body.find(kToken) != std::string::npos)
        __builtin_trap();
    }
  } else if (const auto* error = std::get_if<whistle::bot::HttpError>(&decoded)) {
    if (error->status != 400) __builtin_trap();
  }
  // The same bytes as Telegram's answer to sendMessage: the verdict never quotes the token.
  whistle::bot::HttpClientResult answer;
  answer.status = size > 0 ? 200 + data[0] % 4 * 100 : 200;
  answer.body = std::string(body);
  const whistle::bot::SendVerdict verdict =
      adapter().read_send_answer(whistle::store::OutboxMessage{}, answer);
  if (verdict.error.find(kToken) != std::string::npos && body.find(kToken) == std::string_view::npos)
    __builtin_trap();
  // A wrong secret is refused before the body is parsed.
  static const Headers wrong{"fuzz_secret-tokeN"};
  const whistle::bot::InboundRequest forged{"POST", "/hooks/telegram/default", body, wrong, 1'700'000'000};
  const whistle::bot::Decoded refused = adapter().inbound(forged);
  const auto* error = std::get_if<whistle::bot::HttpError>(&refused);
  if (error == nullptr || error->status != 401) __builtin_trap();
  return 0;
}
