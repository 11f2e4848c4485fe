#include "bot/endpoints.hpp"

#include <variant>

#include "bot/adapters/adapter_set.hpp"
#include "bot/board/board.hpp"
#include "bot/command_reader.hpp"
#include "bot/metrics.hpp"
#include "bot/pipeline.hpp"
#include "store/health_probe.hpp"

namespace whistle::bot {

Endpoints::Endpoints(const AdapterSet& adapters, Pipeline& pipeline, const Metrics& metrics,
                     store::HealthProbe& health, board::Board& board, const CommandReader* command_reader)
    : adapters_(adapters),
      pipeline_(pipeline),
      metrics_(metrics),
      health_(health),
      board_(board),
      command_reader_(command_reader) {}

asio::awaitable<void> Endpoints::handle(Route route, const InboundRequest& request, EndpointResult& result) {
  const Endpoint endpoint = *route.endpoint;
  switch (endpoint) {
    case Endpoint::webhook:
      co_await webhook(std::move(route.platform), std::move(route.instance), request, result);
      break;
    case Endpoint::healthz:
      // Ready means the database answers: a load balancer must not send events to a server whose
      // file is gone. The writer's queue shows whether it keeps up.
      if (health_.answers()) {
        result.answer.body =
            R"({"ok":true,"database":"ok","writer_queue":)" + std::to_string(metrics_.writer_queue()) + "}";
      } else {
        result.answer = error_answer(HttpError{503, "database unavailable"});
      }
      break;
    case Endpoint::metrics:
      result.answer.content_type = "text/plain; version=0.0.4; charset=utf-8";
      result.answer.body = metrics_.render();
      break;
    default:
      // Every other route is the public board's.
      co_await board_.handle(endpoint, std::move(route.node), std::move(route.file), request, result.answer);
      break;
  }
}

asio::awaitable<void> Endpoints::webhook(std::string platform, std::string instance,
                                         const InboundRequest& request, EndpointResult& result) {
  const Adapter* adapter = adapters_.find(platform, instance);
  if (adapter == nullptr) {
    result.answer = error_answer(HttpError{404, "unknown instance"});
    co_return;
  }
  // Only platforms that check the URL with a GET (WeCom) take one.
  const bool takes = request.method == "POST" || (request.method == "GET" && adapter->answers_get());
  if (!takes) {
    result.answer = error_answer(HttpError{405, "method not allowed"});
    result.answer.headers.emplace_back("Allow", adapter->answers_get() ? "POST, GET" : "POST");
    co_return;
  }
  Decoded decoded = adapter->inbound(request);
  if (auto* error = std::get_if<HttpError>(&decoded)) {
    result.answer = error_answer(*error);
    co_return;
  }
  if (auto* immediate = std::get_if<HttpAnswer>(&decoded)) {
    result.answer = std::move(*immediate);
    co_return;
  }
  std::vector<InboundEvent> events = std::get<std::vector<InboundEvent>>(std::move(decoded));
  if (events.empty()) {
    // Something the platform tells us that carries no message (a read receipt, a join): nothing to
    // store, so it is acknowledged at once.
    result.answer = adapter->acknowledge({});
    co_return;
  }
  result.event = events.front().dedupe_key;
  // The adapter says once where its replies go; an event cannot disagree with it.
  for (InboundEvent& event : events) {
    event.replies_inline = adapter->replies_inline();
    // Read here, on the network thread, so the writer only decides.
    if (command_reader_ != nullptr) command_reader_->read(event);
  }

  // Answered only after the batch holding these events has committed: an acknowledged event is a
  // stored event (design.md, "Durable before acknowledged").
  SubmitResult submitted = co_await pipeline_.submit(std::move(events));
  if (!submitted.committed) {
    // The storage failed and nothing was kept: 503 tells the platform to redeliver later.
    result.answer = error_answer(HttpError{503, "temporarily unavailable, please retry"});
    co_return;
  }
  for (const EventOutcome& outcome : submitted.outcomes) {
    if (outcome.status == EventOutcome::Status::conflict) {
      // design.md's generic contract: the same id with a different event is 409, nothing stored.
      result.answer = error_answer(HttpError{409, "this id was already used for a different message"});
      co_return;
    }
    // A `failed` event was undone and is answered with its apology like any other answer.
    if (outcome.status == EventOutcome::Status::undone) {
      // Not even its apology could be kept (the error is logged with its key): nothing of it is
      // stored, so a redelivery will try it again.
      result.answer = error_answer(HttpError{500, "internal error"});
      co_return;
    }
  }
  result.answer = adapter->acknowledge(submitted.outcomes);
}

}  // namespace whistle::bot
