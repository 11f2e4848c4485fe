#include "handlers/report_parties.hpp"

#include <array>
#include <string_view>

#include "handlers/language/text_util.hpp"
#include "handlers/people_names.hpp"

namespace whistle::handlers {

bool report_names(const Services& services, const store::Ticket& ticket, const std::string& person) {
  const std::string name = display_name(services.people, person);
  return language::characters(name) >= 2 && name != person && ticket.text.find(name) != std::string::npos;
}

namespace {

// Words of a complaint said of someone: before the name ("投诉陈单元长", "举报 …"), or after it
// ("陈单元长，他根本没来看", "…天天在群里发广告"). Read near the name only, and not of the leader who
// sent the resident: "物业不管，陈单元长让我报一下" complains of 物业 (the final read of stop 65: it went
// past 陈单元长).
constexpr auto kComplaintBefore = std::to_array<std::string_view>({"投诉", "举报", "告"});
constexpr auto kComplaintAfter =
    std::to_array<std::string_view>({"不作为", "不负责", "不管", "没来看", "根本没来", "不属实", "态度",
                                     "骂人", "发广告", "乱收", "偏袒", "包庇", "推诿", "敷衍", "糊弄"});
// What a name is followed by when its leader sent the resident: "陈单元长让我报一下".
constexpr auto kSentBy = std::to_array<std::string_view>({"让我", "叫我", "说让", "说可以", "让报"});
// How far from the name its complaint may stand: a clause's worth.
constexpr std::size_t kBeforeName = 6 * 3;
constexpr std::size_t kAfterName = 16 * 3;

}  // namespace

bool report_complains_of(const Services& services, const store::Ticket& ticket, const std::string& person) {
  if (!report_names(services, ticket, person)) return false;
  const std::string name = display_name(services.people, person);
  const std::string_view text = ticket.text;
  for (std::size_t at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1)) {
    const std::size_t from = at > kBeforeName ? at - kBeforeName : 0;
    const std::string_view before = text.substr(from, at - from);
    const std::string_view after = text.substr(at + name.size(), kAfterName);
    if (language::holds_any_of(after, kSentBy)) continue;
    if (language::holds_any_of(before, kComplaintBefore) || language::holds_any_of(after, kComplaintAfter))
      return true;
  }
  // "投诉 陈单元长": said as a complaint, in the command word the ticket's words lose (an event kept at
  // intake).
  for (const store::TicketEvent& event : services.tickets.events(ticket.id)) {
    if (event.kind == "complaint") return true;
  }
  return false;
}

bool reporter_asked_anonymity(const Services& services, const store::Ticket& ticket) {
  for (const store::TicketEvent& event : services.tickets.events(ticket.id)) {
    if (event.kind == "anonymous") return true;
  }
  return false;
}

}  // namespace whistle::handlers
