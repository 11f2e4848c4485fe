#include "bot/adapters/feishu_adapter.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "bot/adapters/ascii.hpp"
#include "bot/adapters/chat_address.hpp"
#include "bot/adapters/feishu_send.hpp"
#include "bot/adapters/payload_fields.hpp"
#include "bot/adapters/strict_json.hpp"
#include "bot/crypto/digest.hpp"
#include "handlers/language/parser.hpp"

namespace whistle::bot {

namespace {

using nlohmann::json;

constexpr std::string_view kTimestampHeader = "X-Lark-Request-Timestamp";
constexpr std::string_view kNonceHeader = "X-Lark-Request-Nonce";
constexpr std::string_view kSignatureHeader = "X-Lark-Signature";

// A challenge is a short random string; anything longer is not one.
constexpr std::size_t kMaxChallengeBytes = 256;

bool has_signature_headers(const InboundRequest& request) {
  return !request.headers.get(kTimestampHeader).empty() || !request.headers.get(kNonceHeader).empty() ||
         !request.headers.get(kSignatureHeader).empty();
}

FeishuBotIdentity identity_of(const config::BotConfig& bot, std::string_view instance) {
  FeishuBotIdentity identity;
  identity.names = language::normalized_bot_names(bot.names);
  const std::string prefix = id_prefix("feishu", instance);
  for (const std::string& id : bot.ids) {
    if (id.starts_with(prefix) && id.size() > prefix.size())
      identity.open_ids.insert(id.substr(prefix.size()));
  }
  return identity;
}

std::string instance_name(const config::FeishuInstance& instance) {
  return instance.name.empty() ? std::string(kDefaultInstance) : instance.name;
}

}  // namespace

FeishuAdapter::FeishuAdapter(const config::FeishuInstance& instance, const config::BotConfig& bot)
    : name_(instance_name(instance)),
      app_id_(instance.app_id),
      app_secret_(instance.app_secret),
      verification_token_(instance.verification_token),
      encrypt_key_(instance.encrypt_key),
      api_base_(instance.api_base),
      cipher_(instance.encrypt_key),
      decoder_(name_, api_base_, identity_of(bot, name_)) {}

std::optional<HttpError> FeishuAdapter::verify(const InboundRequest& request) const {
  // Without an encrypt key Feishu signs nothing; the verification token inside is all there is.
  if (!signing()) return std::nullopt;
  // Feishu does not sign its URL challenge; decode refuses every other unsigned request.
  if (!has_signature_headers(request)) return std::nullopt;
  const std::string_view timestamp = request.headers.get(kTimestampHeader);
  const std::string_view nonce = request.headers.get(kNonceHeader);
  const std::string_view signature = request.headers.get(kSignatureHeader);
  if (timestamp.empty() || nonce.empty() || signature.empty()) {
    return HttpError{401, "missing X-Lark-Request-Timestamp, X-Lark-Request-Nonce or X-Lark-Signature"};
  }
  // Over the raw bytes, before anything is parsed (platforms.md 2.9, pitfall 1).
  if (!constant_time_equal(lower_ascii(signature),
                           feishu_signature(timestamp, nonce, encrypt_key_, request.body))) {
    return HttpError{401, "bad signature"};
  }
  // A signed request replayed later is refused: the timestamp is inside the signature.
  if (timestamp.size() > 12 ||
      !std::all_of(timestamp.begin(), timestamp.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return HttpError{401, "bad X-Lark-Request-Timestamp"};
  }
  const std::int64_t sent_at = std::stoll(std::string(timestamp));
  if (sent_at < request.received_at - kReplayWindowSeconds ||
      sent_at > request.received_at + kReplayWindowSeconds) {
    return HttpError{401, "stale X-Lark-Request-Timestamp"};
  }
  return std::nullopt;
}

std::variant<std::string, HttpError> FeishuAdapter::decrypt(const InboundRequest& request) const {
  if (!signing()) return std::string(request.body);
  std::variant<json, std::string> parsed = parse_strict_json(request.body);
  if (auto* problem = std::get_if<std::string>(&parsed)) return HttpError{400, std::move(*problem)};
  const json& envelope = std::get<json>(parsed);
  const auto encrypted = envelope.is_object() ? envelope.find("encrypt") : envelope.end();
  // With an encrypt key set, Feishu encrypts every push; a plaintext one is not from Feishu.
  if (!envelope.is_object() || encrypted == envelope.end() || !encrypted->is_string()) {
    return HttpError{400, "expected an encrypted body {\"encrypt\": \"...\"}"};
  }
  std::optional<std::string> plaintext = cipher_.decrypt(encrypted->get_ref<const std::string&>());
  if (!plaintext) return HttpError{400, "undecryptable body"};
  return std::move(*plaintext);
}

bool FeishuAdapter::token_matches(const json& body) const {
  // Schema 2.0 carries it in the header, v1 events and the challenge at the top (platforms.md 2.2).
  const auto header = body.find("header");
  const std::string token =
      header != body.end() && header->is_object() && string_member(body, "schema") == "2.0"
          ? string_member(*header, "token")
          : string_member(body, "token");
  return constant_time_equal(token, verification_token_);
}

std::optional<HttpAnswer> FeishuAdapter::challenge_answer(const json& body) const {
  if (string_member(body, "type") != "url_verification") return std::nullopt;
  if (!token_matches(body)) return error_answer(HttpError{401, "bad verification token"});
  const auto challenge = body.find("challenge");
  if (challenge == body.end() || !challenge->is_string() ||
      challenge->get_ref<const std::string&>().size() > kMaxChallengeBytes) {
    return error_answer(HttpError{400, "\"challenge\" must be a short string"});
  }
  HttpAnswer answer;
  answer.body = dump_json(json{{"challenge", *challenge}});
  return answer;
}

std::optional<HttpAnswer> FeishuAdapter::url_check(const InboundRequest& /*request*/,
                                                   std::string_view plaintext) const {
  // Events are parsed once, in decode; only what may be a challenge is parsed here.
  if (plaintext.find("url_verification") == std::string_view::npos) return std::nullopt;
  std::variant<json, std::string> parsed = parse_strict_json(plaintext);
  if (std::holds_alternative<std::string>(parsed)) return std::nullopt;
  const json& body = std::get<json>(parsed);
  if (!body.is_object()) return std::nullopt;
  return challenge_answer(body);
}

Decoded FeishuAdapter::decode(const InboundRequest& request, std::string_view plaintext) const {
  std::variant<json, std::string> parsed = parse_strict_json(plaintext);
  if (auto* problem = std::get_if<std::string>(&parsed)) return HttpError{400, std::move(*problem)};
  const json& body = std::get<json>(parsed);
  if (!body.is_object()) return HttpError{400, "the body must be a JSON object"};
  // A challenge spelled so that url_check's quick look missed it (escaped characters).
  if (std::optional<HttpAnswer> answer = challenge_answer(body)) return *std::move(answer);
  // With an encrypt key, only the challenge comes unsigned.
  if (signing() && !has_signature_headers(request)) return HttpError{401, "missing X-Lark-Signature"};
  if (!token_matches(body)) return HttpError{401, "bad verification token"};

  std::vector<InboundEvent> none;
  // v1 events (no schema) and every other event type carry no message for the bot.
  if (string_member(body, "schema") != "2.0") return none;
  const auto header = body.find("header");
  if (header == body.end() || !header->is_object()) return HttpError{400, "\"header\" must be an object"};
  if (string_member(*header, "event_type") != "im.message.receive_v1") return none;
  std::variant<std::vector<InboundEvent>, HttpError> decoded = decoder_.decode(body, request.received_at);
  if (auto* error = std::get_if<HttpError>(&decoded)) return std::move(*error);
  return std::get<std::vector<InboundEvent>>(std::move(decoded));
}

HttpAnswer FeishuAdapter::acknowledge(std::span<const EventOutcome> /*outcomes*/) const {
  HttpAnswer answer;
  answer.body = R"({"msg":"success"})";
  return answer;
}

bool FeishuAdapter::can_send(const store::OutboxMessage& message, std::int64_t /*now*/) const {
  const std::optional<ChatAddress> address = parse_chat_address(message.chat);
  return address && address->platform == "feishu" && address->instance == name_ && !address->local.empty() &&
         address->local != "@";
}

void FeishuAdapter::remember_token(std::int64_t outbox_id, const std::string& token) const {
  std::lock_guard lock(used_mutex_);
  // Sends cancelled at shutdown never come back for their entry; a bound keeps that harmless.
  if (used_tokens_.size() > 4096) used_tokens_.clear();
  used_tokens_[outbox_id] = token;
}

std::string FeishuAdapter::take_token(std::int64_t outbox_id) const {
  std::lock_guard lock(used_mutex_);
  const auto it = used_tokens_.find(outbox_id);
  if (it == used_tokens_.end()) return {};
  std::string token = std::move(it->second);
  used_tokens_.erase(it);
  return token;
}

asio::awaitable<SendPlan> FeishuAdapter::prepare_send(const store::OutboxMessage& message,
                                                      const HttpClient& http, std::int64_t now) const {
  if (!can_send(message, now)) co_return SendVerdict::dead("not a chat of this Feishu instance");
  const std::string local = parse_chat_address(message.chat)->local;

  std::string token;
  if (std::optional<std::string> cached = tokens_.fresh(now)) {
    token = std::move(*cached);
  } else {
    OutboundRequest request;
    request.url = api_base_ + "/open-apis/auth/v3/tenant_access_token/internal";
    request.content_type = "application/json; charset=utf-8";
    request.body = dump_json(json{{"app_id", app_id_}, {"app_secret", app_secret_}});
    const HttpClientResult answer = co_await http.send(std::move(request), kTokenTimeout);
    std::variant<FeishuToken, std::string> fetched = read_feishu_token_answer(answer);
    if (auto* why = std::get_if<std::string>(&fetched)) co_return SendVerdict::retry(std::move(*why));
    FeishuToken& fresh = std::get<FeishuToken>(fetched);
    tokens_.store(fresh.token, now, fresh.lifetime_seconds);
    token = std::move(fresh.token);
  }

  // A private chat is "@<open_id>"; a group its chat_id.
  const bool to_person = local.starts_with('@');
  OutboundRequest send;
  send.url = api_base_ + "/open-apis/im/v1/messages?receive_id_type=" + (to_person ? "open_id" : "chat_id");
  send.content_type = "application/json; charset=utf-8";
  send.headers.emplace_back("Authorization", "Bearer " + token);
  send.body = dump_json(
      json{{"receive_id", to_person ? local.substr(1) : local},
           {"msg_type", "text"},
           {"content", dump_json(json{{"text", render_feishu_text(message, id_prefix("feishu", name_))}})},
           {"uuid", feishu_send_uuid(name_, message)}});
  remember_token(message.id, token);
  co_return send;
}

SendVerdict FeishuAdapter::read_send_answer(const store::OutboxMessage& message,
                                            const HttpClientResult& result) const {
  const std::string token = take_token(message.id);
  FeishuSendReading reading = read_feishu_send_answer(result);
  // Forgotten only if it is still the cached one: a newer token stays.
  if (reading.token_refused && !token.empty()) tokens_.invalidate(token);
  return std::move(reading.verdict);
}

SendLimits FeishuAdapter::send_limits() const {
  using std::chrono::seconds;
  return SendLimits{Pace{5, seconds(1)}, Pace{16, seconds(1)}};
}

}  // namespace whistle::bot
