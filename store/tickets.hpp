#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace whistle::store {

class Database;

/// Where a ticket is in its loop. "Closed" carries an outcome; it is never counted as solved
/// unless that outcome is `satisfied` or `not_rated` after a resolution (see docs/tickets.md).
enum class TicketState { open, assigned, accepted, resolved, closed };

enum class TicketOutcome { none, satisfied, unresolved, not_rated };

/// A resident's problem (报事), need (点单) or small wish (微心愿).
struct Ticket {
  std::int64_t id = 0;
  std::string community;
  std::int64_t number = 0;          ///< per community, shown as T5
  std::string kind = "report";      ///< report | order | wish
  std::string urgency = "general";  ///< urgent | utilities | general | complex
  std::optional<std::string> category;
  bool danger = false;     ///< opened by a danger word (着火, 煤气味 ...)
  std::string first_node;  ///< where it was received: the figures count it there
  std::string node;        ///< the level that has it now
  std::string chat;        ///< where it was reported (a private chat "generic:@u-zhang" included)
  bool reported_in_private = false;
  std::string reporter;
  std::string text;
  std::optional<std::string> place;  ///< as typed ("3号楼2单元"), when the text named one
  TicketState state = TicketState::open;
  TicketOutcome outcome = TicketOutcome::none;
  /// Who has it: a person or a responder, never both (a CHECK holds it).
  std::optional<std::string> assignee_person;
  std::optional<std::string> assignee_responder;
  std::optional<std::string> dispatched_by;  ///< the leader a 退回 goes back to
  std::optional<std::string> claimed_by;     ///< the volunteer who took a 微心愿
  std::optional<std::string> resolved_by;    ///< person who said 办结 last
  std::optional<std::string> resolution;     ///< their words
  std::optional<std::string> close_reason;
  std::optional<int> rating;  ///< the last rating, 1–5
  std::optional<std::string> rating_note;
  int ratings = 0;
  int reopened = 0;   ///< 回炉 count
  int sent_back = 0;  ///< 退回 count
  int climbs = 0;     ///< levels climbed, by hand or by deadline
  /// Bumped whenever who must act changes; a deadline job carries the stage it was set for and
  /// does nothing when the ticket has moved on.
  int stage = 0;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> assigned_at;  ///< the answer clock's start
  std::optional<std::int64_t> answer_by;
  std::optional<std::int64_t> accepted_at;
  std::optional<std::int64_t> first_accepted_at;
  bool answered_in_time = false;  ///< first accepted within answer_hours at the first level
  std::int64_t solve_from = 0;    ///< the solve clock's start: receipt, restarted by a reopen
  std::optional<std::int64_t> solve_by;
  std::optional<std::int64_t> resolved_at;
  std::optional<std::int64_t> first_resolved_at;
  std::optional<std::int64_t> closed_at;

  bool is_closed() const { return state == TicketState::closed; }
};

std::string_view ticket_state_name(TicketState state);
std::string_view ticket_outcome_name(TicketOutcome outcome);

/// Something that happened to a ticket, kept for its history (进度) and for audits.
struct TicketEvent {
  std::string kind;  ///< "received", "assigned", "accepted", "climbed", "resolved", "rated", ...
  std::optional<std::string> actor;
  std::optional<std::string> note;
  std::int64_t at = 0;
};

/// A photo, file or location that came with a report.
struct TicketAttachment {
  std::string kind;     ///< "image", "file", ..., or "location"
  std::string content;  ///< the platform's URL, or "lat,lon"
  std::int64_t at = 0;
};

/// The bot's open question to a person in a chat about a report: the words it offered to take as
/// a report, or that it asked what happened (schema_v12.hpp).
struct ReportOffer {
  std::string kind;   ///< "offer:<ticket kind>", or "ask:<ticket kind>"
  std::string words;  ///< the words offered; for an ask, a place already told (else empty)
  std::int64_t at = 0;
  std::string photos;  ///< sent with or after the words: "type\turl" lines, for the ticket
};

/// Tickets, their history and attachments.
class TicketRepository {
 public:
  explicit TicketRepository(Database& db);
  ~TicketRepository();

  /// Stores a new ticket; its id and number (next in the community) are assigned here.
  Ticket create(const Ticket& ticket);

  /// Writes every field of a ticket loaded earlier (load, change, save).
  void save(const Ticket& ticket);

  std::optional<Ticket> by_id(std::int64_t id);
  std::optional<Ticket> by_number(const std::string& community, std::int64_t number);

  void add_event(std::int64_t ticket_id, const TicketEvent& event);
  std::vector<TicketEvent> events(std::int64_t ticket_id);

  void add_attachment(std::int64_t ticket_id, const TicketAttachment& attachment);
  std::vector<TicketAttachment> attachments(std::int64_t ticket_id);

  /// The reporter's tickets, newest first, at most `limit`.
  std::vector<Ticket> of_reporter(const std::string& reporter, std::size_t limit);

  /// The tickets not closed whose current level, or the level where they were received, is one of
  /// `nodes`, oldest first, at most `limit`.
  std::vector<Ticket> open_at(const std::vector<std::string>& nodes, std::size_t limit);

  /// The tickets not closed that a person or a responder has, oldest first.
  std::vector<Ticket> open_of_assignee(const std::optional<std::string>& person,
                                       const std::optional<std::string>& responder, std::size_t limit);

  /// Whether the danger alert for an unaddressed line may go out now (none of the same `key`, a
  /// chat and what the danger is, within `window_s`); when it may, records `now` as the last one.
  bool take_danger_alert(const std::string& key, std::int64_t now, std::int64_t window_s);

  /// Keeps the bot's question to `person` in `chat`, replacing any before it; questions kept
  /// before `forget_before` (anyone's) are deleted.
  void keep_offer(const std::string& chat, const std::string& person, const ReportOffer& offer,
                  std::int64_t forget_before);
  /// The question kept for `person` in `chat`, however old: the caller judges when it goes stale.
  std::optional<ReportOffer> offer_to(const std::string& chat, const std::string& person);
  /// Forgets it: answered or stale.
  void drop_offer(const std::string& chat, const std::string& person);
  /// Forgets every question kept for `person`: they opened a report.
  void drop_offers_of(const std::string& person);

 private:
  struct Statements;
  std::unique_ptr<Statements> statements_;
};

}  // namespace whistle::store
