// libFuzzer target: the WeCom AI bot's callback. Each input is used as the decrypted JSON straight
// into decode, sealed and signed through the whole inbound path (which must agree), and as the raw
// POST body signed over its own "encrypt"; a forged signature must be 401. A crash, a hang, a
// sanitizer report or an escaping exception is a finding.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include <spdlog/spdlog.h>

#include "bot/adapters/wecom_bot_adapter.hpp"
#include "bot/adapters/wecom_crypto.hpp"

namespace {

using namespace whistle::bot;

constexpr std::int64_t kNow = 1'700'000'000;
constexpr std::string_view kTimestamp = "1700000000";
constexpr std::string_view kNonce = "nonce123";

class NoHeaders final : public RequestHeaders {
 public:
  std::string_view get(std::string_view /*name*/) const override { return {}; }
};

const WecomBotAdapter& adapter() {
  static const WecomBotAdapter value = [] {
    whistle::config::WecomBotInstance i;
    i.name = "default";
    i.token = "QDG6eK";
    i.encoding_aes_key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    i.bot_id = "aibAAAA";
    whistle::config::BotConfig bot;
    bot.names = {"吹哨", "whistle", "网格助手"};
    return WecomBotAdapter(i, bot);
  }();
  return value;
}

const WecomCrypto& crypto() {
  static const WecomCrypto value("QDG6eK", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "");
  return value;
}

std::string target_for(std::string_view signature) {
  return "/hooks/wecom_bot/default?msg_signature=" + std::string(signature) +
         "&timestamp=" + std::string(kTimestamp) + "&nonce=" + std::string(kNonce);
}

int outcome(const Decoded& decoded) {
  if (const auto* error = std::get_if<HttpError>(&decoded)) {
    if (error->status < 400 || error->status >= 500) __builtin_trap();
    return error->status;
  }
  if (std::holds_alternative<HttpAnswer>(decoded)) return -1;
  for (const InboundEvent& event : std::get<std::vector<InboundEvent>>(decoded)) {
    // What the bot stores must be valid UTF-8 JSON-wise, and a reply URL must lie in the future.
    (void)nlohmann::json(event.message.text).dump();
    if (event.reply_url && event.reply_url->until <= kNow) __builtin_trap();
  }
  return 0;
}

}  // namespace

// The adapters log what they ignore; at fuzzing rates that is all the time goes into.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  spdlog::set_level(spdlog::level::off);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const NoHeaders headers;

  const InboundRequest plain_request{"POST", "/hooks/wecom_bot/default", "", headers, kNow};
  const int direct = outcome(adapter().decode(plain_request, bytes));
  if (direct < 0) __builtin_trap();

  const std::string encrypted = crypto().encrypt(bytes, "0123456789abcdef");
  const std::string body = R"({"encrypt":")" + encrypted + R"("})";
  const std::string sealed_target = target_for(crypto().signature(kTimestamp, kNonce, encrypted));
  const InboundRequest sealed{"POST", sealed_target, body, headers, kNow};
  if (outcome(adapter().inbound(sealed)) != direct) __builtin_trap();

  std::string signed_over;
  const nlohmann::json envelope = nlohmann::json::parse(bytes, nullptr, false);
  if (envelope.is_object()) {
    const auto it = envelope.find("encrypt");
    if (it != envelope.end() && it->is_string()) signed_over = it->get<std::string>();
  }
  const std::string raw_target = target_for(crypto().signature(kTimestamp, kNonce, signed_over));
  const InboundRequest raw{"POST", raw_target, bytes, headers, kNow};
  (void)outcome(adapter().inbound(raw));

  const std::string forged_target = target_for(std::string(40, 'f'));
  const InboundRequest forged{"POST", forged_target, body, headers, kNow};
  if (outcome(adapter().inbound(forged)) != 401) __builtin_trap();
  return 0;
}
