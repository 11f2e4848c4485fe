#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "bot/adapters/inbound_request.hpp"
#include "bot/adapters/outbound_request.hpp"
#include "bot/http_answer.hpp"
#include "bot/http_error.hpp"
#include "bot/inbound_event.hpp"
#include "store/outbox.hpp"

namespace whistle::bot {

/// What an adapter makes of a verified request: events for the writer, an answer to send at once
/// (a URL check such as Feishu's challenge), or an error.
using Decoded = std::variant<std::vector<InboundEvent>, HttpAnswer, HttpError>;

/// How fast a platform lets the bot send to one chat; zero means no limit.
struct SendLimits {
  int per_chat_per_minute = 0;
  int per_chat_per_second = 0;
};

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

  /// How long the platform waits for the answer before it redelivers. The bot answers only after
  /// the events' batch has committed (about a millisecond), well inside every platform's deadline,
  /// so an acknowledged event is always a stored one.
  virtual std::chrono::milliseconds ack_deadline() const = 0;

  /// The answer once the events committed, in the platform's expected format (one outcome per
  /// decoded event, in order; none failed).
  virtual HttpAnswer acknowledge(std::span<const EventOutcome> outcomes) const = 0;

  /// Whether this instance can send at all (a bridge without a deliver URL cannot).
  virtual bool can_send() const = 0;

  /// The request that sends an outbox message (text with @-mentions) to its chat; empty when this
  /// instance cannot send (no deliver URL configured).
  virtual std::optional<OutboundRequest> build_send(const store::OutboxMessage& message) const = 0;

  /// Whether the platform's answer to a send means the message was accepted.
  virtual bool delivered(int status, std::string_view /*body*/) const {
    return status >= 200 && status < 300;
  }

  /// The platform's sending limits, which the outbox sender respects per chat.
  virtual SendLimits send_limits() const { return {}; }

  /// Runs the inbound steps in order (verify, decrypt, URL check, decode).
  Decoded inbound(const InboundRequest& request) const;
};

}  // namespace whistle::bot
