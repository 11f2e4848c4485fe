#pragma once

#include <string>

#include "bot/adapters/inbound_request.hpp"
#include "bot/http_answer.hpp"
#include "bot/net.hpp"
#include "bot/router.hpp"

namespace whistle::store {
class HealthProbe;
}

namespace whistle::bot {

namespace board {
class Board;
}

class AdapterSet;
class CommandReader;
class Metrics;
class Pipeline;

/// An endpoint's answer, with the event it concerned for the access log.
struct EndpointResult {
  HttpAnswer answer;
  std::string event;  ///< the first event's dedupe key; empty when there was none
};

/// The endpoints of the route table: the webhooks (adapter → pipeline → acknowledgement),
/// /healthz, /metrics, and the public board (bot/board). Knows nothing of Beast; the session does
/// the HTTP.
class Endpoints {
 public:
  /// Keeps references to all five (and the reader, when given); they must outlive the endpoints.
  /// With a `command_reader`, each event's command is read here, on the network thread, before the
  /// event goes to the writer.
  Endpoints(const AdapterSet& adapters, Pipeline& pipeline, const Metrics& metrics,
            store::HealthProbe& health, board::Board& board, const CommandReader* command_reader = nullptr);

  /// Answers a routed request into `result`. Bad input comes back as an error answer; bugs and
  /// storage failures throw (the session answers 500). `request` and `result` must stay valid until
  /// the coroutine completes. (An out-parameter rather than a returned struct: the session awaits it
  /// as a plain statement, the form g++ 12's coroutines handle reliably.)
  asio::awaitable<void> handle(Route route, const InboundRequest& request, EndpointResult& result);

 private:
  asio::awaitable<void> webhook(std::string platform, std::string instance, const InboundRequest& request,
                                EndpointResult& result);

  const AdapterSet& adapters_;
  Pipeline& pipeline_;
  const Metrics& metrics_;
  store::HealthProbe& health_;
  board::Board& board_;
  const CommandReader* command_reader_;
};

}  // namespace whistle::bot
