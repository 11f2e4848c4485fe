#include "handlers/whistle_offer.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "handlers/language/neighbour_calls.hpp"
#include "handlers/language/parser.hpp"
#include "handlers/language/resident_phrases.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/people_names.hpp"
#include "handlers/report_offer.hpp"
#include "handlers/rights.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/whistle.hpp"

namespace whistle::handlers {

namespace {

constexpr std::string_view kWhistleOffer = "whistle_offer";
// How much of the words the offer quotes back.
constexpr std::size_t kOfferedChars = 40;

Reply say(Context& context, std::string_view key,
          std::vector<std::pair<std::string_view, std::string>> values = {}) {
  values.emplace_back("mention", mention_of(context.people, context.message.sender));
  return reply_to_sender(context, context.text(key, values));
}

// The whistle the leader agreed to, read as if typed after 吹哨: its time, count and place are found as
// in any whistle.
Command whistle_of(const Context& context, const std::string& words) {
  language::ParseContext parse;
  parse.now = context.now;
  parse.utc_offset_seconds = context.config.locale.utc_offset_seconds;
  Command whistle = language::parse_command("吹哨 " + words, parse);
  whistle.addressed = true;
  return whistle;
}

}  // namespace

std::optional<Reply> offer_whistle(Context& context, const Command& command) {
  const Message& message = context.message;
  if (message.is_private || command.text.empty() || !language::calls_neighbours_to_work(command.text))
    return std::nullopt;
  const std::optional<store::OrgNode> node = context.org.node_of_chat(message.chat);
  if (!node || !leads_node_or_above(context, message.sender, node->id)) return std::nullopt;
  keep_question(context, std::string(kWhistleOffer), command.text);
  return say(context, "whistle_offer", {{"text", language::shortened(command.text, kOfferedChars)}});
}

bool is_whistle_offer(const store::ReportOffer& kept) {
  return kept.kind == kWhistleOffer;
}

std::optional<std::vector<Reply>> answer_whistle_offer(Context& context, const Command& command,
                                                       const store::ReportOffer& kept, bool addressed) {
  // "好的" among leaders in the group is as likely said to one of them.
  if (!addressed) return std::nullopt;
  if (language::answers_no(command.text)) {
    context.tickets.drop_offer(context.message.chat, context.message.sender);
    return std::vector<Reply>{say(context, "whistle_offer_declined")};
  }
  const std::optional<std::string_view> details = language::yes_with_details(command.text);
  if (!details || language::puts_off(*details) || language::hedges(*details)) return std::nullopt;
  // After the yes only a time, a count or points: "嗯 等会儿", "是 不过要先问问书记" would go into the
  // title of a task posted to the group (the final read of stop 69). Those lines are read on their own.
  if (!details->empty()) {
    const Command slots = whistle_of(context, std::string(*details));
    if (slots.title && !slots.title->empty()) return std::nullopt;
  }
  context.tickets.drop_offer(context.message.chat, context.message.sender);
  const std::string words = details->empty() ? kept.words : kept.words + " " + std::string(*details);
  return handle_whistle(context, whistle_of(context, words));
}

}  // namespace whistle::handlers
