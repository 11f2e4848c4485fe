#pragma once

// Tickets made straight through the store and ticket_flow for the rating tests, brought to
// `resolved` the way 办结 does, so these tests do not wait on intake and the work commands.

#include <optional>
#include <string>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {

/// What a test ticket is; the defaults are 张大妈's group report in 3号楼2单元.
struct TicketSpec {
  std::string kind = "report";
  std::string text = "楼道灯坏了";
  std::string reporter = "generic:u-zhang";
  std::string chat = "generic:b3u2";
  std::string node = "b3u2";
  bool in_private = false;
};

class TicketRatingTest : public HandlerTest {
 protected:
  TicketRatingTest();

  /// Creates the ticket and gives it to its level (assign_to_level), at `at`.
  store::Ticket open_ticket(const TicketSpec& spec, std::int64_t at = kMonday0900);

  /// Brings a ticket to `resolved` as 办结 does: accepted by `resolver` if it was not, then
  /// resolved_by, resolution, resolved_at / first_resolved_at, stage + 1 and the rating deadline
  /// (kTicketRateDeadline at resolved_at + rate_days days, payload "<id>:<stage>").
  store::Ticket resolve(std::int64_t ticket_id, const std::string& resolver, std::int64_t at,
                        const std::string& resolution = "已处理");

  /// open_ticket then resolve by the level's leader (or `resolver`) an hour later.
  store::Ticket resolved_ticket(const TicketSpec& spec = {}, const std::optional<std::string>& resolver = {},
                                std::int64_t at = kMonday0900);

  /// Gives a ticket to the demo's responder 物业 (as 派单 T5 物业 would).
  void give_to_wuye(std::int64_t ticket_id, std::int64_t at);

  /// A 微心愿 claimed by `volunteer`.
  void claim(std::int64_t ticket_id, const std::string& volunteer);

  store::Ticket ticket(std::int64_t id);

  /// Whether some reply went to `chat` and contains `part`.
  static bool told(const std::vector<Reply>& replies, const std::string& chat, const std::string& part = "");
};

}  // namespace whistle::handlers::testing
