#include "bot/event_processor.hpp"

#include <exception>
#include <utility>

#include "bot/adapters/untrusted_text.hpp"
#include "bot/answer_codec.hpp"
#include "bot/logging.hpp"
#include "handlers/failure_answer.hpp"
#include "handlers/people_names.hpp"
#include "handlers/reply_split.hpp"
#include "store/database.hpp"
#include "store/inbox.hpp"

namespace whistle::bot {

namespace {

spdlog::logger& log() {
  static const std::shared_ptr<spdlog::logger> logger = named_logger("pipeline");
  return *logger;
}

}  // namespace

EventProcessor::EventProcessor(store::Database& db, handlers::Dispatcher& dispatcher,
                               const config::Templates& templates, const config::Config& config,
                               EventProcessorOptions options)
    : db_(db),
      dispatcher_(dispatcher),
      templates_(templates),
      config_(config),
      options_(std::move(options)),
      inbox_(db),
      outbox_(db),
      people_(db) {
  parse_context_.utc_offset_seconds = config.locale.utc_offset_seconds;
  parse_context_.bot_names = language::normalized_bot_names(config.bot.names);
}

std::vector<EventOutcome> EventProcessor::apply(std::span<const InboundEvent> events) {
  if (!place_names_loaded_) {
    parse_context_.place_names = dispatcher_.place_names();
    place_names_loaded_ = true;
    if (options_.command_reader != nullptr) options_.command_reader->publish(parse_context_);
  }
  if (std::optional<std::vector<EventOutcome>> outcomes = apply_together(events)) return std::move(*outcomes);
  // An event threw: the rollback took the whole batch (and the hot state) back to the last commit.
  // Applied again one savepoint per event, that event alone is undone and answered.
  log().info("an event of the batch failed; the batch is applied again event by event events={}",
             events.size());
  return apply_one_by_one(events);
}

std::optional<std::vector<EventOutcome>> EventProcessor::apply_together(
    std::span<const InboundEvent> events) {
  std::vector<EventOutcome> outcomes(events.size());
  store::Transaction transaction(db_);
  try {
    // Every key of the batch looked up at once, every new row written at once with its answer:
    // two statements per batch where an INSERT and an UPDATE per event were.
    std::vector<std::string_view> keys;
    keys.reserve(events.size());
    for (const InboundEvent& event : events)
      keys.emplace_back(event.dedupe_key);
    store::InboxBatch batch = inbox_.read_batch(keys);
    for (std::size_t i = 0; i < events.size(); ++i)
      outcomes[i] = apply_one(events[i], &batch);
    inbox_.write(batch);
  } catch (const std::exception& error) {
    // The disk, not the event: the whole batch fails (503) and is redelivered once it is back.
    if (store::is_storage_failure(error)) throw;
    // A bug met by one event (std::bad_alloc too): the transaction rolls back as it goes.
    return std::nullopt;
  }
  transaction.commit();
  return outcomes;
}

std::vector<EventOutcome> EventProcessor::apply_one_by_one(std::span<const InboundEvent> events) {
  std::vector<EventOutcome> outcomes(events.size());
  store::Transaction transaction(db_);
  for (std::size_t i = 0; i < events.size(); ++i) {
    try {
      outcomes[i] = apply_one(events[i], nullptr);
    } catch (const std::exception& error) {
      if (store::is_storage_failure(error)) throw;
      // This is the boundary that can still answer the person; the rest of the batch goes on.
      outcomes[i] = answer_failure(events[i], error);
    }
  }
  transaction.commit();
  return outcomes;
}

EventOutcome EventProcessor::apply_one(const InboundEvent& event, store::InboxBatch* batch) {
  EventOutcome outcome;
  // One by one, each event in its own savepoint: an exception undoes this event alone (the
  // savepoint rolls back when it is destroyed unreleased), and the rest of the batch still commits.
  std::optional<store::Savepoint> savepoint;
  if (batch == nullptr) savepoint.emplace(db_);
  const auto release = [&savepoint] {
    if (savepoint) savepoint->release();
  };
  const handlers::Message& message = event.message;
  const store::Delivery delivery = batch != nullptr
                                       ? batch->record(event.dedupe_key, handling_time(event), event.digest)
                                       : inbox_.record(event.dedupe_key, handling_time(event), event.digest);
  if (delivery == store::Delivery::conflict) {
    // Another message under an id already used: storing nothing and saying so (409) beats
    // answering it with the first message's reply, or dropping it without a word.
    outcome.status = EventOutcome::Status::conflict;
    // A bridge that reuses ids does it for every message: one line per interval says so.
    if (std::optional<std::uint64_t> held_back = conflict_log_.admit()) {
      log().warn("event id reused for another message, refused event={} chat={} from={} suppressed={}",
                 log_quoted(event.dedupe_key), log_quoted(message.chat), log_quoted(message.sender),
                 *held_back);
    }
    release();
    return outcome;
  }
  if (delivery == store::Delivery::redelivery) {
    // A redelivery (or the same event twice in one batch): answered as the first time, no effect.
    outcome.status = EventOutcome::Status::duplicate;
    const std::optional<std::string> answer =
        batch != nullptr ? batch->answer(event.dedupe_key) : inbox_.answer(event.dedupe_key);
    if (answer) outcome.inline_replies = decode_answer(*answer);
    release();
    return outcome;
  }
  // Read on the network thread already where it could be (bot/command_reader); else here, with the
  // same context. Only the time differs between events; the rest (place and bot names) is not copied.
  std::optional<handlers::Command> read_here;
  if (!event.command) {
    parse_context_.now = message.at;
    read_here = language::parse_command(message.text, parse_context_);
  }
  const handlers::Command& command = event.command ? *event.command : *read_here;
  // The text is read against the message's time; what it does happens on the bot's clock.
  std::vector<handlers::Reply> replies = dispatcher_.handle(message, command, handling_time(event));
  if (options_.after_handling) options_.after_handling(message);
  for (handlers::Reply& reply : replies)
    route(event, std::move(reply), outcome);
  if (batch != nullptr) {
    batch->save_answer(event.dedupe_key, encode_answer(outcome.inline_replies));
  } else {
    inbox_.save_answer(event.dedupe_key, encode_answer(outcome.inline_replies));
  }
  release();
  outcome.status = EventOutcome::Status::applied;
  return outcome;
}

EventOutcome EventProcessor::answer_failure(const InboundEvent& event, const std::exception& error) {
  const handlers::Message& message = event.message;
  log().error("event failed and was undone event={} chat={} text={} error={}", log_quoted(event.dedupe_key),
              log_quoted(message.chat), log_quoted(message.text), log_quoted(error.what()));
  EventOutcome outcome;
  try {
    // The event is recorded with the apology as its answer, in a savepoint of its own: a
    // redelivery is answered the same, and nothing of the failed handling runs twice.
    store::Savepoint savepoint(db_);
    if (inbox_.record(event.dedupe_key, handling_time(event), event.digest) == store::Delivery::first) {
      route(event, handlers::failure_answer(people_, templates_, message), outcome);
      inbox_.save_answer(event.dedupe_key, encode_answer(outcome.inline_replies));
    }
    savepoint.release();
    outcome.status = EventOutcome::Status::failed;
  } catch (const std::exception& second) {
    if (store::is_storage_failure(second)) throw;
    // Not even the apology could be kept: nothing of the event is stored, and the platform is told
    // to try again (500).
    log().error("failed event could not be answered either event={} error={}", log_quoted(event.dedupe_key),
                log_quoted(second.what()));
    outcome = EventOutcome{};
    outcome.status = EventOutcome::Status::undone;
  }
  return outcome;
}

void EventProcessor::route(const InboundEvent& event, handlers::Reply reply, EventOutcome& outcome) {
  const bool own_chat = reply.chat == event.message.chat;
  if (event.replies_inline && own_chat) {
    outcome.inline_replies.push_back(std::move(reply));
  } else {
    enqueue(std::move(reply), own_chat ? event.reply_url : std::nullopt, handling_time(event));
    ++outcome.queued;
  }
}

void EventProcessor::enqueue(handlers::Reply reply, std::optional<store::ReplyUrl> reply_url,
                             std::int64_t at) {
  // Where each "@name" stands, so every platform can render its mentions its own way.
  std::vector<store::MentionSpan> spans = handlers::locate_mentions(
      reply, [this](const std::string& person) { return handlers::display_name(people_, person); });
  outbox_.enqueue(store::OutgoingMessage{std::move(reply.chat), std::move(reply.text),
                                         std::move(reply.mentions), std::move(spans), std::move(reply_url)},
                  at);
}

DueJobsOutcome EventProcessor::run_due_jobs(std::int64_t now) {
  store::Transaction transaction(db_);
  const handlers::JobsRun run = dispatcher_.run_due_jobs(now);
  for (const handlers::Reply& reply : run.replies)
    enqueue(reply, std::nullopt, now);
  transaction.commit();
  DueJobsOutcome outcome{run.replies.size(), run.failures.size(), 0};
  for (const handlers::JobsRun::Failure& failure : run.failures) {
    if (failure.dead) {
      ++outcome.dead;
      log().error("job failed for the last time and is set aside as dead job={} kind={} error={}",
                  failure.job, failure.kind, log_quoted(failure.error));
    } else {
      log().warn("job failed and will be tried again job={} kind={} error={}", failure.job, failure.kind,
                 log_quoted(failure.error));
    }
  }
  return outcome;
}

}  // namespace whistle::bot
