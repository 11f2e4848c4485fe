#include "store/tickets.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <boost/container_hash/hash.hpp>

#include <functional>
#include <string_view>

#include "store/database.hpp"
#include "store/hot_state.hpp"
#include "store/statement.hpp"

namespace whistle::store {

namespace {

// Every column but id, community_id and number, in the order bind_fields and read_ticket use.
constexpr const char* kFieldNames =
    "kind, urgency_class, category, danger, first_node_id, node_id, chat_id, private, reporter_id, "
    "text, place, state, outcome, assignee_person, assignee_responder, dispatched_by, claimed_by, "
    "resolved_by, resolution, close_reason, rating, rating_note, ratings, reopened, sent_back, climbs, "
    "stage, created_at, assigned_at, answer_by, accepted_at, first_accepted_at, answered_in_time, "
    "solve_from, solve_by, resolved_at, first_resolved_at, closed_at";
constexpr int kFieldCount = 38;

std::string placeholders(int count, int first) {
  std::string text;
  for (int i = 0; i < count; ++i)
    text += (i ? ", ?" : "?") + std::to_string(first + i);
  return text;
}

// Numbers are per community; the single writer makes MAX()+1 safe.
const std::string kCreate = std::string("INSERT INTO tickets (community_id, number, ") + kFieldNames +
                            ") VALUES (?1, (SELECT COALESCE(MAX(number), 0) + 1 FROM tickets WHERE "
                            "community_id = ?1), " +
                            placeholders(kFieldCount, 2) + ") RETURNING id, number";

std::string update_sql() {
  std::string sql = "UPDATE tickets SET ";
  std::string names = kFieldNames;
  int index = 1;
  std::size_t start = 0;
  while (start < names.size()) {
    std::size_t comma = names.find(',', start);
    if (comma == std::string::npos) comma = names.size();
    std::string name = names.substr(start, comma - start);
    while (!name.empty() && name.front() == ' ')
      name.erase(0, 1);
    sql += (index > 1 ? ", " : "") + name + " = ?" + std::to_string(index);
    ++index;
    start = comma + 1;
  }
  return sql + " WHERE id = ?" + std::to_string(index);
}

const std::string kSelect = std::string("SELECT id, community_id, number, ") + kFieldNames + " FROM tickets ";
const std::string kById = kSelect + "WHERE id = ?";
const std::string kByNumber = kSelect + "WHERE community_id = ? AND number = ?";
const std::string kOfReporter = kSelect + "WHERE reporter_id = ? ORDER BY created_at DESC, id DESC LIMIT ?";
// Uses tickets_open_by_node and tickets_open_by_first_node: a ticket received at one of the nodes
// that climbed past them is still theirs to see. The node list is bound as a JSON array so one
// statement serves any size.
const std::string kOpenAt = kSelect +
                            "WHERE state <> 'closed' AND (node_id IN (SELECT value FROM json_each(?1)) "
                            "OR first_node_id IN (SELECT value FROM json_each(?1))) "
                            "ORDER BY created_at, id LIMIT ?";
const std::string kOpenOfAssignee = kSelect +
                                    "WHERE state <> 'closed' AND (assignee_person = ?1 OR "
                                    "assignee_responder = ?2) ORDER BY created_at, id LIMIT ?3";
constexpr const char* kAddEvent =
    "INSERT INTO ticket_events (ticket_id, kind, actor_id, note, at) VALUES (?, ?, ?, ?, ?)";
constexpr const char* kEvents =
    "SELECT kind, actor_id, note, at FROM ticket_events WHERE ticket_id = ? ORDER BY id";
constexpr const char* kAddAttachment =
    "INSERT INTO ticket_attachments (ticket_id, kind, content, at) VALUES (?, ?, ?, ?)";
constexpr const char* kAttachments =
    "SELECT kind, content, at FROM ticket_attachments WHERE ticket_id = ? ORDER BY id";
constexpr const char* kTakeDangerAlert =
    "INSERT INTO danger_alerts (chat, last_at) VALUES (?1, ?2) ON CONFLICT (chat) DO UPDATE SET "
    "last_at = excluded.last_at WHERE danger_alerts.last_at <= ?2 - ?3";

constexpr const char* kKeepOffer =
    "INSERT INTO report_offers (chat, person_id, kind, words, at, photos) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
    "ON CONFLICT (person_id, chat) DO UPDATE SET kind = ?3, words = ?4, at = ?5, photos = ?6";
constexpr const char* kOfferTo =
    "SELECT kind, words, at, photos FROM report_offers WHERE chat = ? AND person_id = ?";
constexpr const char* kDropOffer = "DELETE FROM report_offers WHERE chat = ? AND person_id = ?";
constexpr const char* kDropOffersOf = "DELETE FROM report_offers WHERE person_id = ?";
constexpr const char* kForgetOffers = "DELETE FROM report_offers WHERE at < ?";
constexpr const char* kOfferKeys = "SELECT chat, person_id FROM report_offers";

std::uint64_t offer_key(std::string_view chat, std::string_view person) {
  std::size_t key = std::hash<std::string_view>{}(chat);
  boost::hash_combine(key, std::hash<std::string_view>{}(person));
  return key;
}

TicketState parse_state(const std::string& text) {
  if (text == "assigned") return TicketState::assigned;
  if (text == "accepted") return TicketState::accepted;
  if (text == "resolved") return TicketState::resolved;
  if (text == "closed") return TicketState::closed;
  return TicketState::open;
}

TicketOutcome parse_outcome(const std::optional<std::string>& text) {
  if (!text) return TicketOutcome::none;
  if (*text == "satisfied") return TicketOutcome::satisfied;
  if (*text == "unresolved") return TicketOutcome::unresolved;
  return TicketOutcome::not_rated;
}

std::optional<std::string> outcome_text(TicketOutcome outcome) {
  if (outcome == TicketOutcome::none) return std::nullopt;
  return std::string(ticket_outcome_name(outcome));
}

std::optional<std::int64_t> optional_wide(const std::optional<int>& value) {
  if (!value) return std::nullopt;
  return *value;
}

// Binds the fields of kFieldNames from `first` on.
void bind_fields(SQLite::Statement& s, const Ticket& t, int first) {
  int i = first;
  s.bind(i++, t.kind);
  s.bind(i++, t.urgency);
  detail::bind_optional(s, i++, t.category);
  s.bind(i++, t.danger ? 1 : 0);
  s.bind(i++, t.first_node);
  s.bind(i++, t.node);
  s.bind(i++, t.chat);
  s.bind(i++, t.reported_in_private ? 1 : 0);
  s.bind(i++, t.reporter);
  s.bind(i++, t.text);
  detail::bind_optional(s, i++, t.place);
  s.bind(i++, std::string(ticket_state_name(t.state)));
  detail::bind_optional(s, i++, outcome_text(t.outcome));
  detail::bind_optional(s, i++, t.assignee_person);
  detail::bind_optional(s, i++, t.assignee_responder);
  detail::bind_optional(s, i++, t.dispatched_by);
  detail::bind_optional(s, i++, t.claimed_by);
  detail::bind_optional(s, i++, t.resolved_by);
  detail::bind_optional(s, i++, t.resolution);
  detail::bind_optional(s, i++, t.close_reason);
  detail::bind_optional(s, i++, optional_wide(t.rating));
  detail::bind_optional(s, i++, t.rating_note);
  s.bind(i++, t.ratings);
  s.bind(i++, t.reopened);
  s.bind(i++, t.sent_back);
  s.bind(i++, t.climbs);
  s.bind(i++, t.stage);
  s.bind(i++, static_cast<std::int64_t>(t.created_at));
  detail::bind_optional(s, i++, t.assigned_at);
  detail::bind_optional(s, i++, t.answer_by);
  detail::bind_optional(s, i++, t.accepted_at);
  detail::bind_optional(s, i++, t.first_accepted_at);
  s.bind(i++, t.answered_in_time ? 1 : 0);
  s.bind(i++, static_cast<std::int64_t>(t.solve_from));
  detail::bind_optional(s, i++, t.solve_by);
  detail::bind_optional(s, i++, t.resolved_at);
  detail::bind_optional(s, i++, t.first_resolved_at);
  detail::bind_optional(s, i++, t.closed_at);
}

Ticket read_ticket(SQLite::Statement& s) {
  Ticket t;
  int i = 0;
  auto text = [&] { return s.getColumn(i++).getString(); };
  auto optional_text = [&] { return detail::optional_text(s.getColumn(i++)); };
  auto optional_int = [&] { return detail::optional_int(s.getColumn(i++)); };
  auto integer = [&] { return s.getColumn(i++).getInt64(); };
  t.id = integer();
  t.community = text();
  t.number = integer();
  t.kind = text();
  t.urgency = text();
  t.category = optional_text();
  t.danger = integer() != 0;
  t.first_node = text();
  t.node = text();
  t.chat = text();
  t.reported_in_private = integer() != 0;
  t.reporter = text();
  t.text = text();
  t.place = optional_text();
  t.state = parse_state(text());
  t.outcome = parse_outcome(optional_text());
  t.assignee_person = optional_text();
  t.assignee_responder = optional_text();
  t.dispatched_by = optional_text();
  t.claimed_by = optional_text();
  t.resolved_by = optional_text();
  t.resolution = optional_text();
  t.close_reason = optional_text();
  if (std::optional<std::int64_t> rating = optional_int()) t.rating = static_cast<int>(*rating);
  t.rating_note = optional_text();
  t.ratings = static_cast<int>(integer());
  t.reopened = static_cast<int>(integer());
  t.sent_back = static_cast<int>(integer());
  t.climbs = static_cast<int>(integer());
  t.stage = static_cast<int>(integer());
  t.created_at = integer();
  t.assigned_at = optional_int();
  t.answer_by = optional_int();
  t.accepted_at = optional_int();
  t.first_accepted_at = optional_int();
  t.answered_in_time = integer() != 0;
  t.solve_from = integer();
  t.solve_by = optional_int();
  t.resolved_at = optional_int();
  t.first_resolved_at = optional_int();
  t.closed_at = optional_int();
  return t;
}

std::vector<Ticket> read_all(SQLite::Statement& s) {
  std::vector<Ticket> tickets;
  while (s.executeStep())
    tickets.push_back(read_ticket(s));
  return tickets;
}

std::optional<Ticket> read_one(SQLite::Statement& s) {
  std::optional<Ticket> ticket;
  if (s.executeStep()) ticket = read_ticket(s);
  s.reset();
  return ticket;
}

std::string json_array(const std::vector<std::string>& values) {
  std::string json = "[";
  for (const std::string& value : values) {
    if (json.size() > 1) json += ',';
    json += '"';
    for (char c : value) {
      if (c == '"' || c == '\\') json += '\\';
      json += c;
    }
    json += '"';
  }
  return json + "]";
}

}  // namespace

std::string_view ticket_state_name(TicketState state) {
  switch (state) {
    case TicketState::open:
      return "open";
    case TicketState::assigned:
      return "assigned";
    case TicketState::accepted:
      return "accepted";
    case TicketState::resolved:
      return "resolved";
    case TicketState::closed:
      return "closed";
  }
  return "open";
}

std::string_view ticket_outcome_name(TicketOutcome outcome) {
  switch (outcome) {
    case TicketOutcome::none:
      return "";
    case TicketOutcome::satisfied:
      return "satisfied";
    case TicketOutcome::unresolved:
      return "unresolved";
    case TicketOutcome::not_rated:
      return "not_rated";
  }
  return "";
}

struct TicketRepository::Statements {
  SQLite::Database& db;
  SQLite::Statement create{db, kCreate};
  SQLite::Statement update{db, update_sql()};
  SQLite::Statement by_id{db, kById};
  SQLite::Statement by_number{db, kByNumber};
  SQLite::Statement of_reporter{db, kOfReporter};
  SQLite::Statement open_at{db, kOpenAt};
  SQLite::Statement open_of_assignee{db, kOpenOfAssignee};
  SQLite::Statement add_event{db, kAddEvent};
  SQLite::Statement events{db, kEvents};
  SQLite::Statement add_attachment{db, kAddAttachment};
  SQLite::Statement attachments{db, kAttachments};
  SQLite::Statement take_danger_alert{db, kTakeDangerAlert};
  SQLite::Statement keep_offer{db, kKeepOffer};
  SQLite::Statement offer_to{db, kOfferTo};
  SQLite::Statement drop_offer{db, kDropOffer};
  SQLite::Statement drop_offers_of{db, kDropOffersOf};
  SQLite::Statement forget_offers{db, kForgetOffers};
  Database& database;
  explicit Statements(Database& owner) : db(owner.raw()), database(owner) {}

  /// The hashes of the pairs that may have a kept question, read on first use (docs/hot_state.md).
  boost::unordered_flat_set<std::uint64_t>& offer_keys() {
    HotState& hot = database.hot();
    std::optional<boost::unordered_flat_set<std::uint64_t>>& keys = hot.report_offer_keys;
    if (!keys) {
      boost::unordered_flat_set<std::uint64_t> read;
      SQLite::Statement all(db, kOfferKeys);
      // Every byte of the ids, as keep_offer hashed them.
      while (all.executeStep())
        read.insert(
            offer_key(detail::column_bytes(all.getColumn(0)), detail::column_bytes(all.getColumn(1))));
      hot.report_offer_keys_read = read.size();
      keys = std::move(read);
    }
    return *keys;
  }
};

TicketRepository::TicketRepository(Database& db) : statements_(std::make_unique<Statements>(db)) {}
TicketRepository::~TicketRepository() = default;

Ticket TicketRepository::create(const Ticket& ticket) {
  auto& s = detail::fresh(statements_->create);
  s.bind(1, ticket.community);
  bind_fields(s, ticket, 2);
  Ticket stored = ticket;
  if (s.executeStep()) {
    stored.id = s.getColumn(0).getInt64();
    stored.number = s.getColumn(1).getInt64();
  }
  s.reset();
  return stored;
}

void TicketRepository::save(const Ticket& ticket) {
  auto& s = detail::fresh(statements_->update);
  bind_fields(s, ticket, 1);
  s.bind(kFieldCount + 1, static_cast<std::int64_t>(ticket.id));
  s.exec();
}

std::optional<Ticket> TicketRepository::by_id(std::int64_t id) {
  auto& s = detail::fresh(statements_->by_id);
  s.bind(1, static_cast<std::int64_t>(id));
  return read_one(s);
}

std::optional<Ticket> TicketRepository::by_number(const std::string& community, std::int64_t number) {
  auto& s = detail::fresh(statements_->by_number);
  s.bind(1, community);
  s.bind(2, static_cast<std::int64_t>(number));
  return read_one(s);
}

void TicketRepository::add_event(std::int64_t ticket_id, const TicketEvent& event) {
  auto& s = detail::fresh(statements_->add_event);
  s.bind(1, static_cast<std::int64_t>(ticket_id));
  s.bind(2, event.kind);
  detail::bind_optional(s, 3, event.actor);
  detail::bind_optional(s, 4, event.note);
  s.bind(5, static_cast<std::int64_t>(event.at));
  s.exec();
}

std::vector<TicketEvent> TicketRepository::events(std::int64_t ticket_id) {
  auto& s = detail::fresh(statements_->events);
  s.bind(1, static_cast<std::int64_t>(ticket_id));
  std::vector<TicketEvent> events;
  while (s.executeStep()) {
    events.push_back(TicketEvent{s.getColumn(0).getString(), detail::optional_text(s.getColumn(1)),
                                 detail::optional_text(s.getColumn(2)), s.getColumn(3).getInt64()});
  }
  return events;
}

void TicketRepository::add_attachment(std::int64_t ticket_id, const TicketAttachment& attachment) {
  auto& s = detail::fresh(statements_->add_attachment);
  s.bind(1, static_cast<std::int64_t>(ticket_id));
  s.bind(2, attachment.kind);
  s.bind(3, attachment.content);
  s.bind(4, static_cast<std::int64_t>(attachment.at));
  s.exec();
}

std::vector<TicketAttachment> TicketRepository::attachments(std::int64_t ticket_id) {
  auto& s = detail::fresh(statements_->attachments);
  s.bind(1, static_cast<std::int64_t>(ticket_id));
  std::vector<TicketAttachment> attachments;
  while (s.executeStep()) {
    attachments.push_back(
        TicketAttachment{s.getColumn(0).getString(), s.getColumn(1).getString(), s.getColumn(2).getInt64()});
  }
  return attachments;
}

std::vector<Ticket> TicketRepository::of_reporter(const std::string& reporter, std::size_t limit) {
  auto& s = detail::fresh(statements_->of_reporter);
  s.bind(1, reporter);
  s.bind(2, static_cast<std::int64_t>(limit));
  return read_all(s);
}

std::vector<Ticket> TicketRepository::open_at(const std::vector<std::string>& nodes, std::size_t limit) {
  auto& s = detail::fresh(statements_->open_at);
  s.bind(1, json_array(nodes));
  s.bind(2, static_cast<std::int64_t>(limit));
  return read_all(s);
}

std::vector<Ticket> TicketRepository::open_of_assignee(const std::optional<std::string>& person,
                                                       const std::optional<std::string>& responder,
                                                       std::size_t limit) {
  auto& s = detail::fresh(statements_->open_of_assignee);
  detail::bind_optional(s, 1, person);
  detail::bind_optional(s, 2, responder);
  s.bind(3, static_cast<std::int64_t>(limit));
  return read_all(s);
}

bool TicketRepository::take_danger_alert(const std::string& key, std::int64_t now, std::int64_t window_s) {
  auto& s = detail::fresh(statements_->take_danger_alert);
  s.bind(1, key);
  s.bind(2, static_cast<std::int64_t>(now));
  s.bind(3, static_cast<std::int64_t>(window_s));
  return s.exec() > 0;
}

void TicketRepository::keep_offer(const std::string& chat, const std::string& person,
                                  const ReportOffer& offer, std::int64_t forget_before) {
  // Looked up before the statements whose result it records (store/database.hpp, hot()).
  std::optional<boost::unordered_flat_set<std::uint64_t>>& keys =
      statements_->database.hot().report_offer_keys;
  auto& forget = detail::fresh(statements_->forget_offers);
  forget.bind(1, static_cast<std::int64_t>(forget_before));
  forget.exec();
  auto& s = detail::fresh(statements_->keep_offer);
  s.bind(1, chat);
  s.bind(2, person);
  s.bind(3, offer.kind);
  s.bind(4, offer.words);
  s.bind(5, static_cast<std::int64_t>(offer.at));
  s.bind(6, offer.photos);
  s.exec();
  // Not yet read: the first use reads this row with the others.
  if (keys) keys->insert(offer_key(chat, person));
}

std::optional<ReportOffer> TicketRepository::offer_to(const std::string& chat, const std::string& person) {
  if (!statements_->offer_keys().contains(offer_key(chat, person))) return std::nullopt;
  auto& s = detail::fresh(statements_->offer_to);
  s.bind(1, chat);
  s.bind(2, person);
  std::optional<ReportOffer> offer;
  if (s.executeStep())
    offer = ReportOffer{s.getColumn(0).getString(), s.getColumn(1).getString(), s.getColumn(2).getInt64(),
                        s.getColumn(3).getString()};
  s.reset();
  return offer;
}

void TicketRepository::drop_offer(const std::string& chat, const std::string& person) {
  auto& s = detail::fresh(statements_->drop_offer);
  s.bind(1, chat);
  s.bind(2, person);
  s.exec();
}

void TicketRepository::drop_offers_of(const std::string& person) {
  auto& s = detail::fresh(statements_->drop_offers_of);
  s.bind(1, person);
  s.exec();
}

}  // namespace whistle::store
