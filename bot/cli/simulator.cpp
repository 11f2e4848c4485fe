#include "bot/cli/simulator.hpp"

#include <random>

#include "bot/adapters/chat_address.hpp"
#include "bot/adapters/generic_adapter.hpp"
#include "bot/adapters/strict_json.hpp"
#include "bot/event_digest.hpp"
#include "bot/event_processor.hpp"
#include "config/templates.hpp"
#include "handlers/dispatcher.hpp"
#include "handlers/language/command_json.hpp"
#include "handlers/random_source.hpp"
#include "store/database.hpp"
#include "store/jobs.hpp"
#include "store/outbox.hpp"

namespace whistle::bot {

namespace {

using nlohmann::json;

// The simulator speaks the generic platform, so its ids carry no prefix on the wire.
constexpr std::string_view kPlatformPrefix = "generic:";

std::string unqualify(const std::string& id) {
  if (id.rfind(kPlatformPrefix, 0) == 0) return id.substr(kPlatformPrefix.size());
  return id;
}

std::string required_string(const json& line, const char* key) {
  auto it = line.find(key);
  if (it == line.end()) throw SimInputError(std::string("missing \"") + key + "\"");
  if (!it->is_string() || it->get<std::string>().empty()) {
    throw SimInputError(std::string("\"") + key + "\" must be a non-empty string");
  }
  return it->get<std::string>();
}

// A sim line carries no headers (and no signature to check).
class NoHeaders final : public RequestHeaders {
 public:
  std::string_view get(std::string_view /*name*/) const override { return {}; }
};

// The seed of the codes the simulator hands out (sign-in and pickup codes): fixed, so a script can
// say `签到 1 <code>` or `核销 <code>` and get the same answers on every run.
constexpr std::uint64_t kSimRandomSeed = 20261123;

// Lines without an "id" still need a dedupe key that no earlier run over the same database used.
// It never shows in the output, so it stays random rather than following the fixed seed.
std::string fresh_event_key() {
  static std::mt19937_64 generator{std::random_device{}()};
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "sim:%016llx%016llx", static_cast<unsigned long long>(generator()),
                static_cast<unsigned long long>(generator()));
  return buffer;
}

}  // namespace

struct Simulator::Impl {
  const config::Config& config;
  config::Templates templates;
  store::Database db;
  handlers::Dispatcher dispatcher;
  EventProcessor processor;
  store::Outbox outbox;
  store::Jobs jobs;
  GenericAdapter decoder;
  std::int64_t now = 0;

  Impl(const config::Config& c, const std::string& db_path)
      : config(c),
        templates(config::Templates::builtin(c.locale.language)),
        db(store::DatabaseOptions{.path = db_path, .synchronous = c.store.synchronous}),
        dispatcher(db, c, templates),
        processor(db, dispatcher, templates, c),
        outbox(db),
        jobs(db),
        decoder(config::GenericInstance{"sim", "", ""}, c.bot, std::string(kDefaultInstance)) {
    store::Transaction transaction(db);
    dispatcher.sync_org();
    transaction.commit();
  }

  json output_line(std::int64_t at, const std::string& chat, const std::string& text,
                   const std::vector<std::string>& mentions) const {
    json mention_list = json::array();
    for (const std::string& m : mentions)
      mention_list.push_back(unqualify(m));
    return json{{"at", language::format_local_time(at, config.locale.utc_offset_seconds)},
                {"chat", unqualify(chat)},
                {"text", text},
                {"mentions", mention_list}};
  }

  // Nothing is sent anywhere: whatever the outbox holds is "delivered" at once, printed and marked
  // sent, so a later run over the same database does not print it again.
  void deliver_outbox(std::vector<json>& out) {
    for (;;) {
      std::vector<store::OutboxMessage> due = outbox.due(now, 256);
      if (due.empty()) return;
      for (const store::OutboxMessage& message : due) {
        out.push_back(output_line(now, message.chat, message.text, message.mentions));
        outbox.mark_sent(message.id, now);
      }
    }
  }

  // Moves the virtual clock forward, firing each job at its own due time on the way.
  void advance_to(std::int64_t target, std::vector<json>& out) {
    while (auto next = jobs.next_due()) {
      if (*next > target) break;
      now = std::max(now, *next);
      processor.run_due_jobs(now);
      deliver_outbox(out);
    }
    now = std::max(now, target);
    deliver_outbox(out);
  }

  // Reads a message line into an event; throws SimInputError before anything has changed.
  // A sim line is a generic webhook body with "at" for "ts" and no signature, so it goes through
  // the webhook's own decoder: what `sim` shows is what the server does (the same ids, the same
  // mentions of the bot, the same cleaning and refusals). Empty: the bot's own message, ignored
  // as the server ignores it.
  std::optional<InboundEvent> read_event(const json& line) const {
    json body = line;
    body.erase("at");
    // A private line may leave out who says it: the chat "@u-zhang" is u-zhang's.
    const auto chat = body.find("chat");
    if (!body.contains("from") && chat != body.end() && chat->is_string() &&
        chat->get_ref<const std::string&>().starts_with('@')) {
      body["from"] = chat->get<std::string>().substr(1);
    }
    if (!body.contains("id")) body["id"] = fresh_event_key();
    const std::string text = body.dump(-1, ' ', false, json::error_handler_t::replace);
    const NoHeaders headers;
    const InboundRequest request{"POST", "/sim", text, headers, now};
    Decoded decoded = decoder.decode(request, text);
    if (auto* error = std::get_if<HttpError>(&decoded)) throw SimInputError(error->message);
    auto& events = std::get<std::vector<InboundEvent>>(decoded);
    if (events.empty()) return std::nullopt;
    InboundEvent event = std::move(events.front());
    event.digest = event_digest(event.message);
    return event;
  }

  void apply(InboundEvent& event, std::vector<json>& out) {
    event.message.at = now;
    event.received_at = now;
    std::vector<EventOutcome> outcomes = processor.apply(std::span<const InboundEvent>(&event, 1));
    const EventOutcome& outcome = outcomes.front();
    // A `failed` event's apology is printed like any answer; only one that could not be kept is
    // an error of the line.
    if (outcome.status == EventOutcome::Status::undone) {
      throw SimInputError("the bot failed on this message (see the log); nothing was stored");
    }
    if (outcome.status == EventOutcome::Status::conflict) {
      throw SimInputError("this \"id\" was already used for a different message; nothing was stored");
    }
    for (const handlers::Reply& reply : outcome.inline_replies) {
      out.push_back(output_line(now, reply.chat, reply.text, reply.mentions));
    }
    deliver_outbox(out);
  }
};

Simulator::Simulator(const config::Config& config, const std::string& db_path) {
  // Before anything is handled: "the deterministic simulator" prints the same codes for the same
  // script. The server never does this, so its codes stay unpredictable.
  handlers::use_seeded_random(kSimRandomSeed);
  impl_ = std::make_unique<Impl>(config, db_path);
}

Simulator::~Simulator() = default;

std::vector<nlohmann::json> Simulator::feed(std::string_view text) {
  // Strict as the webhook: a key given twice is refused, not silently the last.
  std::variant<json, std::string> parsed = parse_strict_json(text);
  if (auto* problem = std::get_if<std::string>(&parsed)) throw SimInputError(*problem);
  json line = std::move(std::get<json>(parsed));
  if (!line.is_object()) throw SimInputError("each line must be a JSON object");

  std::int64_t at = 0;
  std::string at_text = required_string(line, "at");
  try {
    at = language::parse_local_time(at_text, impl_->config.locale.utc_offset_seconds);
  } catch (const std::invalid_argument&) {
    throw SimInputError("\"at\" must be a local time like 2026-11-23T09:00, not '" + at_text + "'");
  }

  // A line with only "at" moves the clock; anything more is a message, read in full before the
  // clock moves so that a bad line changes nothing at all.
  std::optional<InboundEvent> event;
  const bool is_message = line.size() > 1;
  if (is_message) event = impl_->read_event(line);
  std::vector<json> out;
  impl_->advance_to(at, out);
  if (event) impl_->apply(*event, out);
  return out;
}

}  // namespace whistle::bot
