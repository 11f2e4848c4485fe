#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "bot/adapters/inbound_request.hpp"
#include "bot/adapters/outbound_request.hpp"
#include "bot/http_answer.hpp"
#include "bot/http_client.hpp"
#include "bot/http_error.hpp"
#include "bot/inbound_event.hpp"
#include "store/outbox.hpp"

namespace whistle::bot {

/// What an adapter makes of a verified request: events for the writer, an answer to send at once
/// (a URL check such as Feishu's challenge), or an error.
using Decoded = std::variant<std::vector<InboundEvent>, HttpAnswer, HttpError>;

/// At most `count` sends in any `period`; a count of zero means no limit.
struct Pace {
  int count = 0;
  std::chrono::milliseconds period{0};

  bool limited() const { return count > 0 && period.count() > 0; }
};

/// How fast a platform lets the bot send: to one chat, and through one instance (an app, a bot).
struct SendLimits {
  Pace per_chat;
  Pace per_instance;
};

/// What a platform's answer to a send means for the message.
struct SendVerdict {
  enum class Outcome {
    sent,   ///< accepted: never offered again
    retry,  ///< try again later (network, 5xx, rate limit, an expired token)
    dead,   ///< refused for good (a 4xx retrying cannot fix, a chat the bot left): set aside
  };
  Outcome outcome = Outcome::sent;
  /// The platform's own word on when to try again (Retry-After, Telegram's retry_after); empty:
  /// the sender's exponential backoff.
  std::optional<std::chrono::seconds> retry_after;
  /// Why, for the log and a dead message's last_error; never a secret or a token.
  std::string error;
  /// The platform's limit is on the whole bot (Telegram's flood control, Feishu's app quota), so
  /// `retry_after` holds back every chat of the instance, not only this one.
  bool whole_instance = false;

  static SendVerdict sent() { return {}; }
  static SendVerdict retry(std::string why, std::optional<std::chrono::seconds> after = std::nullopt) {
    return {Outcome::retry, after, std::move(why), false};
  }
  static SendVerdict dead(std::string why) { return {Outcome::dead, std::nullopt, std::move(why), false}; }
};

/// The request that sends one outbox message, or why there is none now (a token could not be had).
using SendPlan = std::variant<OutboundRequest, SendVerdict>;

/// The plain HTTP reading of a send's answer, for platforms without error codes of their own:
/// 2xx sent; no answer, 408, 425, 429 and 5xx retried (429 and 503 by their Retry-After); any
/// other 4xx dead.
SendVerdict classify_http_answer(const HttpClientResult& result);

/// Why a 2xx answer that is not the platform's JSON is retried ("HTTP 200 with an answer that is
/// not JSON"): a proxy's or a captive portal's page says nothing of whether the message arrived.
std::string unreadable_answer(const HttpClientResult& result);

/// One chat platform's two faces, for one configured instance (an app, a bot, a bridge).
/// Inbound: verify → decrypt → URL check → decode, then the pipeline commits the events and
/// `acknowledge` writes the answer. Outbound: `build_send` turns an outbox row into a request to the
/// platform's send API, and `delivered` reads the platform's answer. See docs/adapters.md for how
/// each platform maps onto this. Implementations are immutable after construction and safe to use
/// from several threads at once.
class Adapter {
 public:
  virtual ~Adapter() = default;

  /// The platform id, also the prefix of its qualified ids ("generic", "wecom", "feishu", ...).
  virtual std::string_view platform() const = 0;

  /// The configured instance this adapter serves (`default` of /hooks/generic/default).
  virtual std::string_view instance() const = 0;

  /// Whether the platform checks the URL with a GET (WeCom's echostr); other GETs are 405.
  virtual bool answers_get() const { return false; }

  /// Checks the request's signature or token over the raw body, headers and query; empty if good.
  virtual std::optional<HttpError> verify(const InboundRequest& request) const = 0;

  /// The plaintext of an encrypted body (WeCom, Feishu); by default the body as it came.
  virtual std::variant<std::string, HttpError> decrypt(const InboundRequest& request) const {
    return std::string(request.body);
  }

  /// The answer to a platform's URL check (WeCom's GET echostr, Feishu's challenge POST), given
  /// without touching the writer; empty for an ordinary event delivery.
  virtual std::optional<HttpAnswer> url_check(const InboundRequest& /*request*/,
                                              std::string_view /*plaintext*/) const {
    return std::nullopt;
  }

  /// Decodes the plaintext into zero or more events (each with its dedupe key) or an error.
  virtual Decoded decode(const InboundRequest& request, std::string_view plaintext) const = 0;

  /// Whether replies to an event's own chat travel in the HTTP answer (true) or through the send
  /// API like everything else (false).
  virtual bool replies_inline() const = 0;

  /// The answer once the events committed, in the platform's expected format (one outcome per
  /// decoded event, in order; none failed).
  virtual HttpAnswer acknowledge(std::span<const EventOutcome> outcomes) const = 0;

  /// Whether this instance can send `message` now (a bridge without a deliver URL cannot; a WeCom
  /// AI bot only while the conversation's response_url is valid; a group robot only to chats it
  /// has a key for).
  virtual bool can_send(const store::OutboxMessage& message, std::int64_t now) const = 0;

  /// Whether this instance also sends for chats of `platform` that their own adapter cannot send
  /// to (the WeCom group robot for the AI bot's chats). False by default.
  virtual bool relays_for(std::string_view /*platform*/) const { return false; }

  /// The request that sends `message` (text with its mentions rendered the platform's way),
  /// fetching an access token through `http` first where the platform needs one. `now` is the
  /// bot's clock (Unix seconds). By default `build_send`.
  virtual asio::awaitable<SendPlan> prepare_send(const store::OutboxMessage& message, const HttpClient& http,
                                                 std::int64_t now) const;

  /// The request for a platform that needs no token; empty when this instance cannot send.
  virtual std::optional<OutboundRequest> build_send(const store::OutboxMessage& /*message*/) const {
    return std::nullopt;
  }

  /// What the platform's answer to a send means: sent, retry (when), or dead. Some platforms answer
  /// 200 with an error code inside. By default classify_http_answer.
  virtual SendVerdict read_send_answer(const store::OutboxMessage& /*message*/,
                                       const HttpClientResult& result) const {
    return classify_http_answer(result);
  }

  /// The platform's sending limits, which the outbox sender keeps per chat and per instance.
  virtual SendLimits send_limits() const { return {}; }

  /// The limits for sending `message`, where they depend on its chat (Telegram: 20 a minute in a
  /// group, 1 a second in a private chat). By default send_limits().
  virtual SendLimits send_limits_for(const store::OutboxMessage& /*message*/) const { return send_limits(); }

  /// Runs the inbound steps in order (verify, decrypt, URL check, decode).
  Decoded inbound(const InboundRequest& request) const;
};

}  // namespace whistle::bot
