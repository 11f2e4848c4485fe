#include "handlers/report_offer.hpp"

#include <algorithm>
#include <array>

#include "handlers/addressing.hpp"
#include "handlers/language/own_report_phrases.hpp"
#include "handlers/language/parser.hpp"
#include "handlers/language/places.hpp"
#include "handlers/language/private_numbers.hpp"
#include "handlers/language/resident_phrases.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/people_names.hpp"
#include "handlers/rating_question.hpp"
#include "handlers/repeat_reports.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/ticket_category.hpp"
#include "handlers/ticket_intake.hpp"
#include "handlers/ticket_work_common.hpp"
#include "handlers/whistle_offer.hpp"

namespace whistle::handlers {

namespace {

constexpr std::string_view kOfferPrefix = "offer:";
constexpr std::string_view kAskPrefix = "ask:";

// In a group the neighbours talk on around the bot's question: after "报修" the asker's unaddressed
// line that tells of a trouble is taken this soon after it; later only a line said to the bot is.
constexpr std::int64_t kGroupAnswerSeconds = 10 * 60;
// An offer answered later than the half hour is asked again rather than taken or forgotten: "是的"
// the next morning still means the report, but the resident should see which one before it goes.
constexpr std::int64_t kOfferAskedAgainSeconds = 7 * 24 * 3600;

// How much of a line the offer to report it quotes back.
constexpr std::size_t kOfferedChars = 40;

bool is_offer(const store::ReportOffer& kept) {
  return kept.kind.starts_with(kOfferPrefix);
}

std::string kind_of(const store::ReportOffer& kept) {
  return kept.kind.substr(is_offer(kept) ? kOfferPrefix.size() : kAskPrefix.size());
}

language::TicketKind ticket_kind(std::string_view kind) {
  if (kind == "order") return language::TicketKind::order;
  if (kind == "wish") return language::TicketKind::wish;
  return language::TicketKind::report;
}

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

// The photos and files a message carries, as kept with a question: "type<TAB>url" lines.
std::string photos_of(const Message& message, std::string kept) {
  for (const Attachment& attachment : message.attachments) {
    if (!kept.empty()) kept += '\n';
    kept += attachment.type + '\t' + attachment.url;
  }
  return kept;
}

// The kept photos back as attachments.
std::vector<Attachment> attachments_of(const std::string& photos) {
  std::vector<Attachment> attachments;
  std::size_t start = 0;
  while (start < photos.size()) {
    std::size_t end = photos.find('\n', start);
    if (end == std::string::npos) end = photos.size();
    const std::string_view line = std::string_view(photos).substr(start, end - start);
    const std::size_t tab = line.find('\t');
    if (tab != std::string_view::npos)
      attachments.push_back(Attachment{std::string(line.substr(0, tab)), std::string(line.substr(tab + 1))});
    start = end + 1;
  }
  return attachments;
}

// Keeps the bot's question, and forgets whatever nobody answered within the week.
void keep(Context& context, const std::string& chat, const std::string& person,
          const store::ReportOffer& offer) {
  context.tickets.keep_offer(chat, person, offer, context.now - kOfferAskedAgainSeconds);
}

std::string joined(const std::string& before, std::string_view more) {
  if (more.empty()) return before;
  return before.empty() ? std::string(more) : before + " " + std::string(more);
}

// Opens the report the resident agreed to, with the photos kept with the question and any sent
// with this line: the ticket sees them as sent with it.
std::vector<Reply> open_report(Context& context, std::string_view kind, const std::string& words,
                               const store::ReportOffer& kept) {
  Message with_photos = context.message;
  std::vector<Attachment> photos = attachments_of(kept.photos);
  with_photos.attachments.insert(with_photos.attachments.begin(), photos.begin(), photos.end());
  Context opening{static_cast<Services&>(context),
                  context.now,
                  with_photos,
                  context.node,
                  context.community,
                  context.responder,
                  context.person_communities};
  std::vector<Reply> replies = handle_ticket(opening, report_of(context, kind, words));
  // Answered, whatever came of it ("暂时不知道你在哪个社区" too): the next line is read on its own;
  // unless opening it asked a question of its own (whether it is an open report's trouble again).
  const std::optional<store::ReportOffer> now =
      context.tickets.offer_to(context.message.chat, context.message.sender);
  if (now && now->kind == kept.kind) context.tickets.drop_offer(context.message.chat, context.message.sender);
  return replies;
}

// What the resident tells of that makes a ticket of the kind: a trouble, a need, a thing wished.
bool tells_of(const Context& context, std::string_view kind, const std::string& text) {
  if (category_of(context.config, text) || language::describes_trouble(text)) return true;
  if (kind == "order") return language::asks_for_service(text);
  if (kind == "wish") return language::wishes_for_thing(text);
  return false;
}

// Words that only say where they live: "我家住", "我是", "的" around a place or a flat number.
constexpr auto kWhereWords = std::to_array<std::string_view>({
    "我家住在", "我家住", "我住在", "我住", "我家在", "我家是", "我家", "我是", "住在", "就在", "在", "这边",
    "那边",     "门口",   "楼下",   "楼上", "的",     "室",     "号",   "房",   " ",    "，",   ",",  "。",
});

// A line of nothing but where ("3号楼2单元", "我是3号楼的", "301", "2单元"): the trouble still to come.
bool is_only_where(const language::PlaceNames& places, const std::string& text) {
  std::string rest = text;
  const bool place = language::take_place(rest, places).has_value();
  // A flat number: 3 or 4 digits.
  std::size_t digits = 0;
  std::string words;
  for (char c : rest) {
    if (language::is_ascii_digit(static_cast<unsigned char>(c))) {
      ++digits;
    } else {
      words.push_back(c);
    }
  }
  if (!place && (digits < 3 || digits > 4)) return false;
  std::string_view left = words;
  while (!left.empty()) {
    const auto word = std::find_if(kWhereWords.begin(), kWhereWords.end(),
                                   [&](std::string_view w) { return left.starts_with(w); });
    if (word == kWhereWords.end()) return false;
    left.remove_prefix(word->size());
  }
  return true;
}

// Where they said, as the bot repeats it: "我是3号楼的" → "3号楼", "3号楼 2单元 301" → "3号楼2单元301".
std::string where_said(const language::PlaceNames& places, const std::string& words) {
  std::string rest = words;
  std::string where = language::take_place(rest, places).value_or("");
  for (char c : rest) {
    if (language::is_ascii_digit(static_cast<unsigned char>(c))) where.push_back(c);
  }
  return where.empty() ? words : where;
}

// "我家是202", "楼上302": a flat's number (3 or 4 digits) in the line.
bool names_flat(std::string_view text) {
  std::size_t run = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && language::is_ascii_digit(static_cast<unsigned char>(text[i]))) {
      ++run;
      continue;
    }
    if (run == 3 || run == 4) return true;
    run = 0;
  }
  return false;
}

// "稍等", "我问问我老伴", "喂": the resident is still finding the words.
constexpr auto kStillThinking = std::to_array<std::string_view>({
    "稍等",
    "等一下",
    "等等",
    "等会",
    "我问问",
    "我想想",
    "我看看",
    "喂",
    "[语音]",
    "我不会打字",
    "我孙子",
    "我儿子",
    "我女儿",
    "就是那个",
    "那个",
    "哎呀",
    "嗯",
    "额",
});

bool still_thinking(std::string_view text) {
  return std::any_of(kStillThinking.begin(), kStillThinking.end(),
                     [&](std::string_view word) { return text.starts_with(word); });
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

Reply say_to_sender(Context& context, std::string_view key,
                    std::vector<std::pair<std::string_view, std::string>> values = {}) {
  values.emplace_back("mention", mention_of(context.people, context.message.sender));
  return reply_to_sender(context, context.text(key, values));
}

// "说错了 是楼上漏水", "不对 是卫生间": what the resident meant instead, or empty.
std::optional<std::string> correction_of(std::string_view text) {
  // "说错了" corrects whatever follows; "不是"/"不对" only with what it is instead ("不是楼道灯 是单元
  // 门口的灯"): "不是 我不想报" is a no.
  for (std::string_view lead : {"我说错了", "刚才说错了", "说错了", "不对不对", "不对", "不是的", "不是"}) {
    if (!text.starts_with(lead)) continue;
    std::string_view rest = text.substr(lead.size());
    const bool says_wrong = lead.find("说错") != std::string_view::npos;
    bool instead = false;
    for (std::string_view turn : {" 是", ",是", "，是", "是"}) {
      const std::size_t at = rest.find(turn);
      if (at == std::string_view::npos || (turn == "是" && at != 0 && !says_wrong)) continue;
      rest.remove_prefix(at + turn.size());
      instead = true;
      break;
    }
    if (!says_wrong && !instead) return std::nullopt;
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == ','))
      rest.remove_prefix(1);
    if (rest.size() < 6) return std::nullopt;  // two characters at least
    return std::string(rest);
  }
  return std::nullopt;
}

// A question back, a question after an earlier report, or taking one back: read as without the
// bot's question.
bool turned_away(std::string_view text) {
  return is_question(text) || language::asks_after_own_report(text) || language::withdraws_own_report(text);
}

std::vector<Reply> decline(Context& context, bool addressed) {
  context.tickets.drop_offer(context.message.chat, context.message.sender);
  // "没事没事" said to a neighbour lets the question go without a word in the group.
  if (!addressed) return {};
  return {say_to_sender(context, "report_offer_declined")};
}

// What may follow a yes and go onto the report: anything said about it ("是的 明天上午家里有人",
// "对 之前修好了又坏了"), not a question or a word about the bot's other work.
bool adds_to_report(std::string_view details) {
  return !is_question(details) && !language::mentions_bots_own_work(details);
}

// The question was to report a line: the resident's answer to it. In a group only a line said to
// the bot answers: "好的" there is as likely said to a neighbour or the leader.
std::optional<std::vector<Reply>> answer_offer(Context& context, const Command& command,
                                               const store::ReportOffer& kept, bool addressed) {
  const Message& message = context.message;
  if (!addressed) return std::nullopt;
  const std::string kind = kind_of(kept);
  // The org's place index, built once for the readings below.
  const language::PlaceNames places = place_names_of(context);
  // "说错了 是楼上漏水": the words corrected, offered again.
  if (const std::optional<std::string> corrected = correction_of(command.text)) {
    // The place said before stays, unless the correction names its own.
    std::string before = kept.words;
    const std::optional<std::string> place = language::take_place(before, places);
    const bool own_place = language::find_place(*corrected, places).has_value();
    const std::string words = place && !own_place ? *place + " " + *corrected : *corrected;
    return std::vector<Reply>{offer_report(context, words, ticket_kind(kind), kept.photos)};
  }
  if (language::answers_no(command.text)) return decline(context, true);
  if (language::asks_to_report(command.text) && !is_question(command.text))
    return open_report(context, kind, kept.words, kept);
  if (const std::optional<std::string_view> details = language::yes_with_details(command.text)) {
    // "嗯 我想想" waits; "好的 明天再说" lets it go; "是的 越快越好" opens it.
    if (language::hedges(*details)) {
      keep(context, message.chat, message.sender,
           store::ReportOffer{kept.kind, kept.words, context.now, kept.photos});
      return std::vector<Reply>{say_to_sender(context, "report_offer_wait")};
    }
    if (language::puts_off(*details)) return decline(context, true);
    if (adds_to_report(*details)) return open_report(context, kind, joined(kept.words, *details), kept);
  }
  // "是的我家住3号楼2单元301": a yes run into where.
  if (const std::optional<std::string_view> where = language::after_yes_words(command.text);
      where && is_only_where(places, std::string(*where)))
    return open_report(context, kind, joined(kept.words, *where), kept);
  // "应该是楼上302的问题 我家是202": more about the same trouble, joined to the words offered and
  // offered again. Only in private, and not a trouble that belongs to a report already done.
  if (message.is_private && !turned_away(command.text) && !language::says_problem_remains(command.text) &&
      (tells_of(context, kind, command.text) || is_only_where(places, command.text) ||
       names_flat(command.text)))
    return std::vector<Reply>{
        offer_report(context, joined(kept.words, command.text), ticket_kind(kind), kept.photos)};
  return std::nullopt;
}

// The question was what happened: the resident's next line. In a group the asker's line counts
// when it tells of a trouble, or (said to the bot) where; their other lines are talk.
std::optional<std::vector<Reply>> answer_ask(Context& context, const Command& command,
                                             const store::ReportOffer& kept, bool addressed) {
  const Message& message = context.message;
  const std::string kind = kind_of(kept);
  const std::string& text = command.text;
  // "不用了", "算了 我自己找人修", "已经好了": the question let go.
  if (language::answers_no(text)) return decline(context, addressed);
  // "上次那个水管的事怎么样了", "等我倒完垃圾再说", "怎么报修啊": other readings, or not yet.
  if (turned_away(text)) return std::nullopt;
  const auto wait = [&]() -> std::optional<std::vector<Reply>> {
    if (!message.is_private) return std::nullopt;
    keep(context, message.chat, message.sender,
         store::ReportOffer{kept.kind, kept.words, context.now, photos_of(message, kept.photos)});
    return std::vector<Reply>{say_to_sender(context, "ticket_ask_wait")};
  };
  if (language::puts_off(text)) return wait();
  const language::PlaceNames places = place_names_of(context);
  if (tells_of(context, kind, text)) {
    // "3号楼的楼道灯坏了" names its own place: the place told before is not put in front of it.
    const bool own_place = language::find_place(text, places).has_value();
    return open_report(context, kind, own_place ? text : joined(kept.words, text), kept);
  }
  // "稍等", "我孙子帮我打字" — after the trouble words, so "我儿子说厨房水管坏了" is the report.
  if (still_thinking(text)) return wait();
  if (!addressed) return std::nullopt;
  if (is_only_where(places, text)) {
    // "3号楼" then "2单元", "我是3号楼的" then "301": kept for the trouble to come. Pieces are kept as
    // places ("5号楼 1单元"): "我是5号楼的 一单元" read as 5号楼 alone, and the unit's leader never
    // heard (an exploratory run of residents' reports, 2026-12-06).
    const std::string before =
        is_only_where(places, kept.words) ? where_said(places, kept.words) : kept.words;
    const std::string place = joined(before, where_said(places, text));
    keep(context, message.chat, message.sender,
         store::ReportOffer{kept.kind, place, context.now, photos_of(message, kept.photos)});
    return std::vector<Reply>{
        say_to_sender(context, "ticket_ask_what_there", {{"place", where_said(places, place)}})};
  }
  if (!message.is_private) return std::nullopt;
  if (language::answers_yes(text) || language::is_only_thanks(text))
    return std::vector<Reply>{ask_again(context, kind)};
  // A sign-in code: read as one.
  if (language::is_all_ascii_digits(text)) return std::nullopt;
  // Words that name no trouble ("厨房的水龙头"): offered back, so that nothing goes out unasked.
  return std::vector<Reply>{offer_report(context, joined(kept.words, text), ticket_kind(kind), kept.photos)};
}

// A photo alone while the question waits: kept with it, for the ticket the answer opens.
std::optional<std::vector<Reply>> keep_photo(Context& context, const Command& command) {
  const Message& message = context.message;
  const std::optional<store::ReportOffer> kept = context.tickets.offer_to(message.chat, message.sender);
  if (!kept || is_rating_question(*kept)) return std::nullopt;
  // In a group a photo is kept only when sent to the bot: a grandson's photo among neighbours is not.
  const bool addressed = message.is_private || is_addressed(message, command);
  if (!addressed || context.now - kept->at > kReportOfferSeconds) return std::nullopt;
  keep(context, message.chat, message.sender,
       store::ReportOffer{kept->kind, kept->words, context.now, photos_of(message, kept->photos)});
  return std::vector<Reply>{
      say_to_sender(context, is_offer(*kept) ? "report_offer_photo_kept" : "ticket_ask_photo_kept")};
}

}  // namespace

std::vector<Reply> report_at_once(Context& context, const std::string& words) {
  return handle_ticket(context, report_of(context, "report", words));
}

Reply offer_report(Context& context, const std::string& words, language::TicketKind kind,
                   const std::string& photos) {
  const Message& message = context.message;
  const std::string name(language::ticket_kind_name(kind));
  keep(context, message.chat, message.sender,
       store::ReportOffer{std::string(kOfferPrefix) + name, words, context.now, photos_of(message, photos)});
  // In a group the answer must be said to the bot: "好的" there is as likely said to a neighbour.
  // Said back in a group, the numbers in the words are masked as every post masks them (a phone and a
  // door's code were repeated whole: the final read of stop 68).
  const std::string shown = message.is_private ? words : language::mask_private_numbers(words);
  return say_to_sender(context, "unknown_offer_" + name + (message.is_private ? "" : "_group"),
                       {{"text", language::shortened(shown, kOfferedChars)}});
}

Reply ask_what_happened(Context& context, const Command& command) {
  const language::TicketKind said = command.kind.value_or(language::TicketKind::report);
  const std::string kind(
      language::ticket_kind_name(said == language::TicketKind::danger ? language::TicketKind::report : said));
  keep(context, context.message.chat, context.message.sender,
       store::ReportOffer{std::string(kAskPrefix) + kind, "", context.now, ""});
  return ask_again(context, kind);
}

std::optional<std::vector<Reply>> answer_to_report_offer(Context& context, const Command& command,
                                                         OfferReading reading) {
  if (command.text.empty() && language::is_only_thumbs_up_codes(context.message.text)) {
    // WeChat's [强] and [OK] leave no words after normalizing; they are a yes all the same.
    Command yes = command;
    yes.text = "好";
    return answer_to_report_offer(context, yes, reading);
  }
  if (command.text.empty()) {
    if (reading == OfferReading::anything && !context.message.attachments.empty())
      return keep_photo(context, command);
    return std::nullopt;
  }
  if (reading == OfferReading::yes_or_no && !language::yes_with_details(command.text) &&
      !language::answers_no(command.text))
    return std::nullopt;
  const Message& message = context.message;
  const std::optional<store::ReportOffer> kept = context.tickets.offer_to(message.chat, message.sender);
  if (!kept) return std::nullopt;
  const bool addressed = message.is_private || is_addressed(message, command);
  const std::int64_t age = context.now - kept->at;
  if (!addressed && age > kGroupAnswerSeconds) return std::nullopt;
  if (age > kReportOfferSeconds) {
    // Late: a yes is asked again (in a group only when said to the bot); anything else forgets it.
    if (is_offer(*kept) && age <= kOfferAskedAgainSeconds && language::answers_yes(command.text))
      return std::vector<Reply>{
          offer_report(context, kept->words, ticket_kind(kind_of(*kept)), kept->photos)};
    context.tickets.drop_offer(message.chat, message.sender);
    return std::nullopt;
  }
  if (is_repeat_question(*kept)) return answer_repeat_question(context, command, *kept, addressed);
  if (is_rating_question(*kept)) return answer_rating_question(context, command, *kept);
  if (is_whistle_offer(*kept)) return answer_whistle_offer(context, command, *kept, addressed);
  return is_offer(*kept) ? answer_offer(context, command, *kept, addressed)
                         : answer_ask(context, command, *kept, addressed);
}

void keep_question(Context& context, const std::string& kind, const std::string& words) {
  const Message& message = context.message;
  keep(context, message.chat, message.sender,
       store::ReportOffer{kind, words, context.now, photos_of(message, "")});
}

std::vector<Reply> open_kept_report(Context& context, const std::string& words,
                                    const store::ReportOffer& kept) {
  return open_report(context, "report", words, kept);
}

std::optional<std::vector<Reply>> open_offered_report(Context& context) {
  const Message& message = context.message;
  const std::optional<store::ReportOffer> kept = context.tickets.offer_to(message.chat, message.sender);
  if (!kept || !is_offer(*kept) || context.now - kept->at > kReportOfferSeconds) return std::nullopt;
  return open_report(context, kind_of(*kept), kept->words, *kept);
}

bool question_kept_since(Context& context, std::int64_t since) {
  const std::optional<store::ReportOffer> kept =
      context.tickets.offer_to(context.message.chat, context.message.sender);
  return kept && kept->at > since && context.now - kept->at <= kReportOfferSeconds;
}

void forget_report_offer(Context& context) {
  context.tickets.drop_offers_of(context.message.sender);
}

}  // namespace whistle::handlers
