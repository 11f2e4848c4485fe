#pragma once

// Tickets made for a test without going through intake (报事): the store and ticket_flow do what
// intake does — a ticket received at a node, given to that level, its solve clock started.

#include <cstdint>
#include <string>
#include <vector>

#include "handler_fixture.hpp"
#include "store/tickets.hpp"

namespace whistle::handlers::testing {

/// What a test's ticket is like; the defaults are 张三's group report in 3号楼2单元.
struct NewTicket {
  std::string reporter = "u-zhang";  ///< unqualified
  std::string node = "b3u2";         ///< where it was received (first_node)
  bool in_private = false;           ///< reported to the bot in private: never named in a group
  std::string text = "楼道灯坏了";
  std::string kind = "report";      ///< report | order | wish
  std::string urgency = "general";  ///< urgent | utilities | general | complex
  std::int64_t at = kMonday0900;
};

class TicketTest : public HandlerTest {
 protected:
  /// Creates the ticket and hands it to its level (the nearest leader at or above its node), as
  /// intake would. Returns the stored ticket.
  store::Ticket open_ticket(const NewTicket& spec = {});

  /// The same, then gives it to the community's responder 物业 (as 快单 routing would).
  store::Ticket open_ticket_for_wuye(NewTicket spec = {});

  /// `sender` says `line` in group `chat` (unqualified ids); `mentioned` are the ids the platform
  /// sent with the message's @-mentions. The line is read by the real parser.
  std::vector<Reply> say_line(const std::string& chat, const std::string& sender, const std::string& name,
                              const std::string& line, const std::vector<std::string>& mentioned = {},
                              std::int64_t at = kMonday0900);

  /// The same in private.
  std::vector<Reply> say_line_privately(const std::string& sender, const std::string& name,
                                        const std::string& line,
                                        const std::vector<std::string>& mentioned = {},
                                        std::int64_t at = kMonday0900);

  /// The ticket of the demo community with this number, as stored now.
  store::Ticket ticket(std::int64_t number);

  /// The replies sent to a chat ("generic:@u-zhang" for a private one).
  static std::vector<Reply> sent_to(const std::vector<Reply>& replies, const std::string& chat);

  /// Whether any reply in a group chat (not a private one) contains `text`.
  static bool any_group_reply_contains(const std::vector<Reply>& replies, const std::string& text);

  /// Whether a job of this kind is pending for the ticket with this number after the colon.
  bool job_pending(std::string_view kind, const store::Ticket& ticket, std::int64_t number);
};

/// "generic:@u-zhang": the private chat of an unqualified person.
std::string private_of(const std::string& person);

bool text_has(const std::string& text, const std::string& piece);

}  // namespace whistle::handlers::testing
