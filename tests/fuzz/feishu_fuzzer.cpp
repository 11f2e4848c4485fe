// libFuzzer target: the Feishu adapter's decoder, reached two ways with the same plaintext. As an
// app without an encrypt key, the input is the body itself; as an app with one, the input is
// encrypted and signed the way Feishu does it. Both must come to the same outcome (events, an
// immediate answer, or the same status), the events must acknowledge, and the raw input posted to
// the encrypting app, signed, must pass the signature check and then decrypt or be refused with
// 400 — never pass as plaintext. A forged signature is refused with 401 before anything is read. A
// crash, a hang, a sanitizer report or an escaping exception is a finding.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "bot/adapters/feishu_adapter.hpp"
#include "bot/adapters/feishu_crypto.hpp"

namespace {

using namespace whistle;

constexpr std::string_view kToken = "fuzz-verification-token";
constexpr std::string_view kEncryptKey = "fuzz-encrypt-key";
constexpr std::int64_t kNow = 1'764'000'000;

class Headers final : public bot::RequestHeaders {
 public:
  Headers() = default;
  Headers(std::string timestamp, std::string nonce, std::string signature)
      : timestamp_(std::move(timestamp)), nonce_(std::move(nonce)), signature_(std::move(signature)) {}
  std::string_view get(std::string_view name) const override {
    if (name == "X-Lark-Request-Timestamp") return timestamp_;
    if (name == "X-Lark-Request-Nonce") return nonce_;
    if (name == "X-Lark-Signature") return signature_;
    return {};
  }

 private:
  std::string timestamp_, nonce_, signature_;
};

config::BotConfig bot_config() {
  config::BotConfig bot;
  bot.names = {"吹哨"};
  bot.ids = {"feishu:ou_botself"};
  return bot;
}

config::FeishuInstance settings(std::string encrypt_key) {
  config::FeishuInstance i;
  i.name = "default";
  i.app_id = "cli_fuzz";
  i.app_secret = "fuzz-secret";
  i.verification_token = std::string(kToken);
  i.encrypt_key = std::move(encrypt_key);
  i.api_base = "https://open.feishu.cn";
  return i;
}

const bot::FeishuAdapter& plain() {
  static const bot::FeishuAdapter adapter(settings(""), bot_config());
  return adapter;
}

const bot::FeishuAdapter& encrypting() {
  static const bot::FeishuAdapter adapter(settings(std::string(kEncryptKey)), bot_config());
  return adapter;
}

Headers signed_for(std::string_view body) {
  const std::string timestamp = std::to_string(kNow);
  return Headers(timestamp, "nonce", bot::feishu_signature(timestamp, "nonce", kEncryptKey, body));
}

int status_of(const bot::Decoded& decoded) {
  if (const auto* error = std::get_if<bot::HttpError>(&decoded)) return error->status;
  if (const auto* answer = std::get_if<bot::HttpAnswer>(&decoded)) return answer->status;
  return 200;
}

bot::Decoded post(const bot::FeishuAdapter& adapter, std::string_view body, const Headers& headers) {
  const bot::InboundRequest request{"POST", "/hooks/feishu/default", body, headers, kNow};
  return adapter.inbound(request);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bot::FeishuCipher cipher{kEncryptKey};
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  // The input as a plaintext event.
  const bot::Decoded direct = post(plain(), input, Headers());
  if (const auto* events = std::get_if<std::vector<bot::InboundEvent>>(&direct)) {
    std::vector<bot::EventOutcome> outcomes(events->size());
    if (plain().acknowledge(outcomes).body.empty()) __builtin_trap();
    for (const bot::InboundEvent& event : *events) {
      if (!event.dedupe_key.starts_with("feishu:default:") || event.message.sender.empty()) __builtin_trap();
    }
  }

  // The same plaintext encrypted and signed as Feishu sends it: the same outcome.
  const std::string envelope = "{\"encrypt\":\"" + cipher.encrypt(input, std::string(16, 'v')) + "\"}";
  const bot::Decoded sealed = post(encrypting(), envelope, signed_for(envelope));
  if (direct.index() != sealed.index() || status_of(direct) != status_of(sealed)) __builtin_trap();
  if (const auto* events = std::get_if<std::vector<bot::InboundEvent>>(&sealed)) {
    const auto& expected = std::get<std::vector<bot::InboundEvent>>(direct);
    if (events->size() != expected.size()) __builtin_trap();
    for (std::size_t i = 0; i < events->size(); ++i) {
      if ((*events)[i].digest != expected[i].digest) __builtin_trap();
    }
  }

  // The raw input to the encrypting app, signed: the signature holds, and the body is an envelope
  // that opens or a 400; never taken as plaintext.
  const Headers raw_headers = signed_for(input);
  const bot::InboundRequest raw{"POST", "/hooks/feishu/default", input, raw_headers, kNow};
  if (encrypting().verify(raw)) __builtin_trap();
  const std::variant<std::string, bot::HttpError> opened = encrypting().decrypt(raw);
  if (const auto* error = std::get_if<bot::HttpError>(&opened); error != nullptr && error->status != 400) {
    __builtin_trap();
  }
  (void)encrypting().inbound(raw);

  // A forged signature: 401, whatever the body.
  const Headers forged(std::to_string(kNow), "nonce", std::string(64, '0'));
  const bot::Decoded refused = post(encrypting(), input, forged);
  const auto* error = std::get_if<bot::HttpError>(&refused);
  if (error == nullptr || error->status != 401) __builtin_trap();
  return 0;
}
