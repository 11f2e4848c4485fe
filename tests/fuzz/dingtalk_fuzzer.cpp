// libFuzzer target: the DingTalk robot decoder, on bodies that passed the timestamp/sign check
// (the headers are signed with the instance's app secret, so every body reaches the JSON
// decoder), and the send-answer reader on the same bytes. A 4xx is a fine answer; a crash, a hang,
// a sanitizer report or an escaping exception is a finding.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "bot/adapters/dingtalk_adapter.hpp"

namespace {

constexpr std::string_view kSecret = "fuzz-app-secret";
constexpr std::int64_t kNow = 1'764'000'000;

class Headers final : public whistle::bot::RequestHeaders {
 public:
  Headers(std::string timestamp, std::string sign)
      : timestamp_(std::move(timestamp)), sign_(std::move(sign)) {}
  std::string_view get(std::string_view name) const override {
    if (name == "timestamp") return timestamp_;
    if (name == "sign") return sign_;
    return {};
  }

 private:
  std::string timestamp_;
  std::string sign_;
};

const whistle::bot::DingtalkAdapter& adapter() {
  static const whistle::bot::DingtalkAdapter value = [] {
    whistle::config::DingtalkInstance instance;
    instance.name = "default";
    instance.app_key = "fuzz-key";
    instance.app_secret = std::string(kSecret);
    instance.robot_code = "fuzz-robot";
    return whistle::bot::DingtalkAdapter(instance);
  }();
  return value;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string timestamp = std::to_string(kNow * 1000);
  static const Headers signed_headers(timestamp, whistle::bot::DingtalkAdapter::sign(timestamp, kSecret));
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  const whistle::bot::InboundRequest request{"POST", "/hooks/dingtalk/default", body, signed_headers, kNow};
  const whistle::bot::Decoded decoded = adapter().inbound(request);
  if (const auto* events = std::get_if<std::vector<whistle::bot::InboundEvent>>(&decoded)) {
    for (const whistle::bot::InboundEvent& event : *events) {
      if (event.dedupe_key.empty() || event.message.chat.empty() || event.message.sender.empty())
        __builtin_trap();
    }
    if (adapter().acknowledge({}).body != "{}") __builtin_trap();
  } else if (const auto* error = std::get_if<whistle::bot::HttpError>(&decoded)) {
    if (error->status != 400) __builtin_trap();
  }
  // The same bytes as a platform's answer to a send (sessionWebhook or send API).
  whistle::bot::HttpClientResult answer;
  answer.status = size > 0 ? 200 + data[0] % 4 * 100 : 200;
  answer.body = std::string(body);
  (void)adapter().read_send_answer(whistle::store::OutboxMessage{}, answer);
  // A body with a forged sign must be refused before it is parsed.
  const Headers forged(timestamp, "hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM=");
  const whistle::bot::InboundRequest forged_request{"POST", "/hooks/dingtalk/default", body, forged, kNow};
  const whistle::bot::Decoded refused = adapter().inbound(forged_request);
  const auto* error = std::get_if<whistle::bot::HttpError>(&refused);
  if (error == nullptr || error->status != 401) __builtin_trap();
  return 0;
}
