// libFuzzer target: the WeCom self-built app's callback. Each input is used three ways:
//  1. as the decrypted plaintext, straight into decode (the inner XML reader and field checks);
//  2. sealed and signed as WeCom would, through the whole inbound path, which must reach the same
//     verdict as 1 (events or a 4xx);
//  3. as the raw POST body, signed over whatever Encrypt it holds, so the envelope reader and the
//     decryption of arbitrary text are reached; and with a forged signature, which must be 401.
// A crash, a hang, a sanitizer report or an escaping exception is a finding.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <spdlog/spdlog.h>

#include "bot/adapters/flat_xml.hpp"
#include "bot/adapters/wecom_adapter.hpp"
#include "bot/adapters/wecom_crypto.hpp"

namespace {

using namespace whistle::bot;

constexpr std::int64_t kNow = 1'700'000'000;
constexpr std::string_view kTimestamp = "1700000000";
constexpr std::string_view kNonce = "1597212914";

class NoHeaders final : public RequestHeaders {
 public:
  std::string_view get(std::string_view /*name*/) const override { return {}; }
};

const whistle::config::WecomInstance& instance() {
  static const whistle::config::WecomInstance value = [] {
    whistle::config::WecomInstance i;
    i.name = "default";
    i.corp_id = "ww1436e0e65a779aee";
    i.agent_id = 1000002;
    i.secret = "fuzz-secret";
    i.token = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
    i.encoding_aes_key = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";
    return i;
  }();
  return value;
}

const WecomAdapter& adapter() {
  static const WecomAdapter value(instance());
  return value;
}

const WecomCrypto& crypto() {
  static const WecomCrypto value(instance().token, instance().encoding_aes_key, instance().corp_id);
  return value;
}

std::string target_for(std::string_view signature) {
  return "/hooks/wecom/default?msg_signature=" + std::string(signature) +
         "&timestamp=" + std::string(kTimestamp) + "&nonce=" + std::string(kNonce);
}

// 0 for events, the status for an error, -1 for an immediate answer.
int outcome(const Decoded& decoded) {
  if (const auto* error = std::get_if<HttpError>(&decoded)) {
    if (error->status < 400 || error->status >= 500) __builtin_trap();
    return error->status;
  }
  if (std::holds_alternative<HttpAnswer>(decoded)) return -1;
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

  // 1. The plaintext path.
  const InboundRequest plain_request{"POST", "/hooks/wecom/default", "", headers, kNow};
  const int direct = outcome(adapter().decode(plain_request, bytes));
  if (direct < 0) __builtin_trap();

  // 2. Sealed and signed: the full path agrees with the plaintext path.
  const std::string encrypted = crypto().encrypt(bytes, "0123456789abcdef");
  const std::string body = "<xml><ToUserName><![CDATA[ww1436e0e65a779aee]]></ToUserName><Encrypt><![CDATA[" +
                           encrypted + "]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>";
  const std::string sealed_target = target_for(crypto().signature(kTimestamp, kNonce, encrypted));
  const InboundRequest sealed{"POST", sealed_target, body, headers, kNow};
  if (outcome(adapter().inbound(sealed)) != direct) __builtin_trap();

  // 3. The raw body, signed over its own Encrypt when it has one.
  std::string signed_over;
  auto envelope = parse_flat_xml(bytes);
  if (const auto* fields = std::get_if<XmlFields>(&envelope)) {
    if (const auto value = fields->get("Encrypt")) signed_over = std::string(*value);
  }
  const std::string raw_target = target_for(crypto().signature(kTimestamp, kNonce, signed_over));
  const InboundRequest raw{"POST", raw_target, bytes, headers, kNow};
  (void)outcome(adapter().inbound(raw));
  const std::string get_target = raw_target + "&echostr=" + std::string(bytes.substr(0, 64));
  const InboundRequest get{"GET", get_target, "", headers, kNow};
  (void)adapter().inbound(get);

  // A forged signature is refused before anything else can happen (or 400 for a body with no
  // Encrypt to check it against).
  const std::string forged_target = target_for(std::string(40, '0'));
  const InboundRequest forged{"POST", forged_target, body, headers, kNow};
  if (outcome(adapter().inbound(forged)) != 401) __builtin_trap();
  return 0;
}
