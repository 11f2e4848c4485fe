// libFuzzer target: the generic webhook's decoder, on bodies that passed the signature check (the
// input is signed with the instance's key, so every body reaches the JSON decoder), and the
// answer built from what it decoded. A 4xx is a fine answer; a crash, a hang, a sanitizer report
// or an escaping exception is a finding.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "bot/adapters/generic_adapter.hpp"
#include "bot/crypto/hmac.hpp"

namespace {

constexpr std::string_view kSecret = "fuzz-secret";

class Headers final : public whistle::bot::RequestHeaders {
 public:
  explicit Headers(std::string signature) : signature_(std::move(signature)) {}
  std::string_view get(std::string_view name) const override {
    return name == "X-Whistle-Signature" ? std::string_view(signature_) : std::string_view();
  }

 private:
  std::string signature_;
};

const whistle::bot::GenericAdapter& adapter() {
  static const whistle::bot::GenericAdapter value = [] {
    whistle::config::GenericInstance instance;
    instance.name = "default";
    instance.secret = std::string(kSecret);
    instance.deliver_url = "http://127.0.0.1:9/deliver";
    return whistle::bot::GenericAdapter(instance);
  }();
  return value;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const whistle::bot::HmacKey key{std::string(kSecret)};
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  const Headers headers("sha256=" + key.hex_digest(body));
  const whistle::bot::InboundRequest request{"POST", "/hooks/generic/default", body, headers, 1'764'000'000};
  const whistle::bot::Decoded decoded = adapter().inbound(request);
  if (const auto* events = std::get_if<std::vector<whistle::bot::InboundEvent>>(&decoded)) {
    std::vector<whistle::bot::EventOutcome> outcomes(events->size());
    for (std::size_t i = 0; i < events->size(); ++i) {
      const auto& message = (*events)[i].message;
      outcomes[i].inline_replies.push_back({message.chat, message.text, message.mentions});
    }
    const whistle::bot::HttpAnswer answer = adapter().acknowledge(outcomes);
    if (answer.body.empty()) __builtin_trap();
  }
  // A body with a wrong signature must be refused before it is parsed.
  const Headers forged("sha256=" + std::string(64, '0'));
  const whistle::bot::InboundRequest unsigned_request{"POST", "/hooks/generic/default", body, forged, 0};
  const whistle::bot::Decoded refused = adapter().inbound(unsigned_request);
  const auto* error = std::get_if<whistle::bot::HttpError>(&refused);
  if (error == nullptr || error->status != 401) __builtin_trap();
  return 0;
}
