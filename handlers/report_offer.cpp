#include "handlers/report_offer.hpp"

#include "handlers/addressing.hpp"
#include "handlers/language/parser.hpp"
#include "handlers/language/places.hpp"
#include "handlers/language/resident_phrases.hpp"
#include "handlers/people_names.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/ticket_intake.hpp"

namespace whistle::handlers {

namespace {

constexpr std::string_view kOfferPrefix = "offer:";
constexpr std::string_view kAskPrefix = "ask:";

bool is_offer(const store::ReportOffer& kept) {
  return kept.kind.starts_with(kOfferPrefix);
}

language::TicketKind offered_kind(const store::ReportOffer& kept) {
  const std::string_view kind = std::string_view(kept.kind).substr(kOfferPrefix.size());
  if (kind == "order") return language::TicketKind::order;
  if (kind == "wish") return language::TicketKind::wish;
  return language::TicketKind::report;
}

// How much of a line the offer to report it quotes back.
constexpr std::size_t kOfferedChars = 40;

language::PlaceNames place_names_of(const Context& context) {
  std::vector<std::string> names;
  for (const store::OrgNode& node : context.org.all_nodes())
    names.push_back(node.name);
  return language::PlaceNames(std::move(names));
}

// The verb a kind of ticket is said with, to read the answer as the resident would have typed it.
std::string_view verb_of(std::string_view kind) {
  if (kind == "wish") return "微心愿";
  if (kind == "order") return "点单";
  return "报事";
}

// The report the resident agreed to, read as if typed after its verb: its place, kind and danger
// are found as for any report.
Command report_of(const Context& context, std::string_view kind, const std::string& words) {
  language::ParseContext parse;
  parse.now = context.now;
  parse.place_names = place_names_of(context);
  Command report = language::parse_command(std::string(verb_of(kind)) + " " + words, parse);
  if (report.intent != Intent::ticket || !report.title) {
    report = Command{};
    report.intent = Intent::ticket;
    report.title = words;
  }
  report.text = words;
  return report;
}

// An offer answered later than this is asked again rather than forgotten: "是的" the next morning
// still means the report, but the resident should see which one before it goes out.
constexpr std::int64_t kOfferAskedAgainSeconds = 24 * 3600;

std::optional<store::ReportOffer> fresh_offer(Context& context) {
  const Message& message = context.message;
  std::optional<store::ReportOffer> kept = context.tickets.offer_to(message.chat, message.sender);
  if (kept && context.now - kept->at > kReportOfferSeconds) {
    context.tickets.drop_offer(message.chat, message.sender);
    kept.reset();
  }
  return kept;
}

// A line of nothing but a place ("3号楼2单元", "在5号楼门口"): where, the trouble still to come.
bool is_only_place(const Context& context, const std::string& text) {
  const auto place = language::find_place(text, place_names_of(context));
  // What is left beside the place: at most two characters ("门口", "这边").
  constexpr std::size_t kBesideThePlace = 6;
  return place && text.size() - place->length <= kBesideThePlace;
}

// "怎么报修啊", "你们几点下班？": a question back, not the trouble asked for.
bool is_question(std::string_view text) {
  for (std::string_view end : {"？", "?", "吗", "呢", "么"}) {
    if (text.ends_with(end)) return true;
  }
  for (std::string_view start : {"怎么", "如何", "咋", "为什么", "什么时候", "你好", "您好"}) {
    if (text.starts_with(start)) return true;
  }
  return false;
}

Reply ask_again(Context& context, std::string_view kind) {
  return reply_to_sender(
      context,
      context.text("ticket_ask_what", {{"mention", mention_of(context.people, context.message.sender)},
                                       {"example", context.text("ticket_example_" + std::string(kind))}}));
}

}  // namespace

Reply offer_report(Context& context, const std::string& words, language::TicketKind kind) {
  const Message& message = context.message;
  const std::string name(language::ticket_kind_name(kind));
  context.tickets.keep_offer(message.chat, message.sender,
                             store::ReportOffer{std::string(kOfferPrefix) + name, words, context.now});
  return reply_to_sender(context,
                         context.text("unknown_offer_" + name, {{"mention", mention_of(context.people, message.sender)},
                                                                {"text", shortened(words, kOfferedChars)}}));
}

Reply ask_what_happened(Context& context, const Command& command) {
  const language::TicketKind said = command.kind.value_or(language::TicketKind::report);
  const std::string kind(
      language::ticket_kind_name(said == language::TicketKind::danger ? language::TicketKind::report : said));
  context.tickets.keep_offer(context.message.chat, context.message.sender,
                             store::ReportOffer{std::string(kAskPrefix) + kind, "", context.now});
  return ask_again(context, kind);
}

std::optional<std::vector<Reply>> answer_to_report_offer(Context& context, const Command& command) {
  if (command.text.empty()) return std::nullopt;
  const Message& message = context.message;
  const std::optional<store::ReportOffer> kept = context.tickets.offer_to(message.chat, message.sender);
  if (!kept) return std::nullopt;
  if (const std::int64_t age = context.now - kept->at; age > kReportOfferSeconds) {
    if (is_offer(*kept) && age <= kOfferAskedAgainSeconds && language::answers_yes(command.text))
      return std::vector<Reply>{offer_report(context, kept->words, offered_kind(*kept))};
    context.tickets.drop_offer(message.chat, message.sender);
    return std::nullopt;
  }
  const std::string mention = mention_of(context.people, message.sender);
  if (language::answers_no(command.text)) {
    context.tickets.drop_offer(message.chat, message.sender);
    return std::vector<Reply>{
        reply_to_sender(context, context.text("report_offer_declined", {{"mention", mention}}))};
  }
  if (is_offer(*kept)) {
    // Any other line leaves the offer waiting: "谢谢" first, then "是的".
    if (!language::answers_yes(command.text)) return std::nullopt;
    return handle_ticket(context, report_of(context, kept->kind.substr(kOfferPrefix.size()), kept->words));
  }
  // Asked what happened. A yes or a thanks says nothing yet; in a group, only a trouble or a place
  // is taken (the neighbours' chatter goes on around the question).
  const std::string kind = kept->kind.substr(kAskPrefix.size());
  const bool names_trouble =
      category_of(context.config, command.text) != nullptr || language::describes_trouble(command.text);
  const bool names_place = language::find_place(command.text, place_names_of(context)).has_value();
  if (!names_trouble && !names_place && (!message.is_private || is_question(command.text)))
    return std::nullopt;
  if (language::answers_yes(command.text) || language::is_only_thanks(command.text))
    return std::vector<Reply>{ask_again(context, kind)};
  if (kept->words.empty() && !names_trouble && is_only_place(context, command.text)) {
    // "3号楼2单元" first, the trouble next: the place is kept for it.
    context.tickets.keep_offer(message.chat, message.sender,
                               store::ReportOffer{kept->kind, command.text, context.now});
    return std::vector<Reply>{reply_to_sender(
        context, context.text("ticket_ask_what_there", {{"mention", mention}, {"place", command.text}}))};
  }
  const std::string words = kept->words.empty() ? command.text : kept->words + " " + command.text;
  return handle_ticket(context, report_of(context, kind, words));
}

std::optional<std::vector<Reply>> open_offered_report(Context& context) {
  const std::optional<store::ReportOffer> kept = fresh_offer(context);
  if (!kept || !is_offer(*kept)) return std::nullopt;
  return handle_ticket(context, report_of(context, kept->kind.substr(kOfferPrefix.size()), kept->words));
}

void forget_report_offer(Context& context) {
  context.tickets.drop_offer(context.message.chat, context.message.sender);
}

}  // namespace whistle::handlers
