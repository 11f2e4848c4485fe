#include "handlers/ticket_rate.hpp"

#include <algorithm>
#include <array>

#include "handlers/addressing.hpp"
#include "handlers/complaint_after_rating.hpp"
#include "handlers/language/calendar.hpp"
#include "handlers/language/intent_table.hpp"
#include "handlers/language/normalize.hpp"
#include "handlers/language/resident_phrases.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/language/utf8.hpp"
#include "handlers/own_report_lines.hpp"
#include "handlers/people_names.hpp"
#include "handlers/rating_question.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"
#include "handlers/ticket_flow.hpp"
#include "handlers/ticket_intake.hpp"
#include "handlers/ticket_lookup.hpp"
#include "handlers/ticket_rating_outcome.hpp"
#include "handlers/ticket_work_common.hpp"

namespace whistle::handlers {

namespace {

// How many of a reporter's tickets are looked through for the ones awaiting a rating.
constexpr std::size_t kReporterTickets = 100;

using Values = std::vector<std::pair<std::string_view, std::string>>;

// "满意", "不满意!", "非常满意，谢谢" — a score word alone, with no 评价 and no ticket number. In a
// group such a word is as likely said to a neighbour as to the bot.
bool is_bare(const Command& command) {
  if (command.ticket) return false;
  const std::string_view text = command.text;
  const std::size_t start = text.find_first_not_of(" \t");
  const bool starts_with_da = start != std::string_view::npos && text.substr(start).starts_with("打");
  return text.find("评价") == std::string_view::npos && text.find("评单") == std::string_view::npos &&
         !starts_with_da;
}

// "一般", "还行", "好评" said alone are, in a group, ordinary talk far more often than a verdict on
// a ticket; only the 满意 words rate a ticket there without being said to the bot.
bool is_weak_bare(const Command& command) {
  return is_bare(command) && command.text.find("满意") == std::string::npos;
}

// Spoken to the bot on purpose: an @-mention of it, a reply to its message, or "@吹哨 满意".
bool spoken_to_bot(const Context& context, const Command& command) {
  const Message& message = context.message;
  return message.is_private || message.mentions_bot || !message.reply_to.empty() || command.addressed;
}

// The sender's tickets awaiting a rating, the most recently resolved first (the one the bot just
// asked about); in a group only those reported in that group, so a private report stays private.
std::vector<store::Ticket> awaiting_rating(const Context& context) {
  std::vector<store::Ticket> waiting;
  for (store::Ticket& ticket : context.tickets.of_reporter(context.message.sender, kReporterTickets)) {
    if (ticket.state != store::TicketState::resolved) continue;
    if (!context.message.is_private && ticket.chat != context.message.chat) continue;
    waiting.push_back(std::move(ticket));
  }
  std::stable_sort(waiting.begin(), waiting.end(), [](const store::Ticket& a, const store::Ticket& b) {
    return a.resolved_at.value_or(0) > b.resolved_at.value_or(0);
  });
  return waiting;
}

// The characters of a rating that say nothing of which trouble it is about: its score and its
// praise or complaint ("满意 电工师傅很负责" named the lift by the 电 of 电工 once, a review of
// 2026-12-06). What is left names a thing only as the progress questions read one.
constexpr std::u32string_view kRatingCharacters = U"满意不星分好差评价是很非常真谢太负责态度一般行还可以";

// Of several tickets awaiting a rating, the one the rating's words name ("灯修好了 满意" of the
// lamp's): the only one whose words hold a thing they name. Empty when none or more than one does:
// a rating cannot be taken back, so it is asked.
std::optional<store::Ticket> named_by_words(const Context& context, const std::vector<store::Ticket>& waiting,
                                            std::string_view words) {
  const std::optional<std::int64_t> number =
      report_named_among(context.config, waiting, words, kRatingCharacters);
  if (!number) return std::nullopt;
  for (const store::Ticket& ticket : waiting) {
    if (ticket.number == *number) return ticket;
  }
  return std::nullopt;
}

std::string ticket_list(const Context& context, const std::vector<store::Ticket>& tickets, std::size_t from) {
  std::vector<std::string> items;
  for (std::size_t i = from; i < tickets.size(); ++i) {
    items.push_back(context.text("rate_which_item",
                                 {{"ticket", std::to_string(tickets[i].number)}, {"text", tickets[i].text}}));
  }
  return join_list(context, items);
}

// The ticket a rating means, or the answer instead (possibly none: chatter in a group).
struct RatedTicket {
  std::optional<store::Ticket> ticket;
  std::vector<Reply> answer;
  std::string also_waiting;  ///< other tickets still awaiting a rating, for the reply
};

// In private, the sender's other tickets still awaiting a rating, named in the answer.
std::string others_waiting(const Context& context, std::int64_t rated_id) {
  if (!context.message.is_private) return {};
  std::vector<store::Ticket> waiting = awaiting_rating(context);
  std::erase_if(waiting, [rated_id](const store::Ticket& ticket) { return ticket.id == rated_id; });
  if (waiting.empty()) return {};
  return context.text("rate_also_waiting", {{"list", ticket_list(context, waiting, 0)}});
}

// The sender's ticket reopened by their own unsatisfied rating moments ago, with nothing done since
// (reopen_taken_back_in_time); in a group only one reported there. The latest such one.
std::optional<store::Ticket> mistakenly_reopened(const Context& context) {
  for (store::Ticket& ticket : context.tickets.of_reporter(context.message.sender, kReporterTickets)) {
    if (!context.message.is_private && ticket.chat != context.message.chat) continue;
    if (reopen_taken_back_in_time(context, ticket)) return std::move(ticket);
  }
  return std::nullopt;
}

RatedTicket choose_rated_ticket(Context& context, const Command& command) {
  RatedTicket chosen;
  if (command.ticket) {
    TicketChoice choice = choose_ticket(context, command);
    chosen.ticket = std::move(choice.ticket);
    chosen.answer = std::move(choice.refusal);
    if (chosen.ticket) chosen.also_waiting = others_waiting(context, chosen.ticket->id);
    return chosen;
  }
  const bool asked = spoken_to_bot(context, command) || !is_bare(command);
  // "一般", "还行" between neighbours in a group: talk, answered by nothing and read from nothing.
  if (!context.message.is_private && !asked && is_weak_bare(command)) return chosen;
  std::vector<store::Ticket> waiting = awaiting_rating(context);
  // A satisfied rating just after one's own 回炉, with nothing else waiting, puts that rating right
  // (in a group, of a report made there: the resident answering the 回炉 they just caused).
  // Only the 满意 words or stars: "还行", "挺好" right after the bot's "已退回重新办理" answer it.
  const bool says_satisfied = !is_bare(command) || command.text.find("满意") != std::string::npos ||
                              command.text.find("星") != std::string::npos ||
                              command.text.find("★") != std::string::npos;
  if (waiting.empty() && command.score && *command.score >= 4 && says_satisfied) {
    if (std::optional<store::Ticket> reopened = mistakenly_reopened(context)) {
      chosen.ticket = std::move(reopened);
      return chosen;
    }
  }
  // A bare 满意 in a group rates a ticket only when it cannot mean anything else: said to the bot,
  // or the sender has exactly one ticket from this group awaiting a rating. Otherwise silence.
  if (!context.message.is_private && !asked && waiting.size() != 1) return chosen;
  const std::string mention = sender_mention(context);
  if (waiting.empty()) {
    chosen.answer.push_back(reply_to_sender(
        context, context.text(context.message.is_private ? "rate_nothing" : "rate_nothing_here",
                              {{"mention", mention}})));
    return chosen;
  }
  if (waiting.size() > 1) {
    if (std::optional<store::Ticket> named = named_by_words(context, waiting, command.text)) {
      chosen.ticket = std::move(named);
      chosen.also_waiting = others_waiting(context, chosen.ticket->id);
      return chosen;
    }
    // Several: ask which rather than guess. A rating cannot be taken back, and a guess (the one
    // resolved last) once closed the lift's ticket for a resident who meant the lamp's.
    chosen.answer.push_back(reply_to_sender(
        context, context.text("rate_which", {{"mention", mention},
                                             {"count", std::to_string(waiting.size())},
                                             {"list", ticket_list(context, waiting, 0)},
                                             {"ticket", std::to_string(waiting.front().number)}})));
    return chosen;
  }
  chosen.ticket = std::move(waiting.front());
  return chosen;
}

// The answer when the ticket is not awaiting a rating (still being worked on, or closed).
std::vector<Reply> not_awaiting(const Context& context, const store::Ticket& ticket) {
  Values values{
      {"mention", sender_mention(context)},
      {"ticket", std::to_string(ticket.number)},
      {"rate_days", std::to_string(context.config.rules.rate_days)},
      {"reason", ticket.close_reason && !ticket.close_reason->empty() ? *ticket.close_reason
                                                                      : context.text("rate_no_reason")}};
  if (!ticket.is_closed()) return {reply_to_sender(context, context.text("rate_not_resolved", values))};
  switch (ticket.outcome) {
    case store::TicketOutcome::satisfied:
      return {reply_to_sender(context, context.text("rate_already_satisfied", values))};
    case store::TicketOutcome::not_rated:
      return {reply_to_sender(context, context.text("rate_already_not_rated", values))};
    default:
      return {reply_to_sender(context, context.text("rate_already_unresolved", values))};
  }
}

}  // namespace

std::vector<Reply> handle_rate(Context& context, const Command& command) {
  RatedTicket chosen = choose_rated_ticket(context, command);
  if (!chosen.ticket) return chosen.answer;
  store::Ticket& ticket = *chosen.ticket;
  const std::string mention = sender_mention(context);
  const std::string number = std::to_string(ticket.number);

  if (ticket.reporter != context.message.sender) {
    // A resident who reported in private is never named, not even to a neighbour in private.
    if (ticket.reported_in_private)
      return {reply_to_sender(
          context, context.text("rate_not_reporter_private", {{"mention", mention}, {"ticket", number}}))};
    return {reply_to_sender(
        context,
        context.text("rate_not_reporter", {{"mention", mention},
                                           {"ticket", number},
                                           {"name", display_name(context.people, ticket.reporter)}}))};
  }
  // One's own work is no resident's word on it (its 办结 asked nobody to rate).
  if (ticket.state == store::TicketState::resolved && ticket.resolved_by == context.message.sender)
    return {
        reply_to_sender(context, context.text("rate_own_work", {{"mention", mention}, {"ticket", number}}))};
  // A 1 star tapped for a 5 (elderly residents on a small screen): said again as satisfied within
  // half an hour, before anyone acted on the 回炉, it is put right rather than refused.
  const bool corrects = command.score && *command.score >= 4 && reopen_taken_back_in_time(context, ticket);
  if (ticket.state != store::TicketState::resolved && !corrects) return not_awaiting(context, ticket);
  if (!command.score) {
    // "评价 T5", "评价 T5 9", "评价 T5 4.5": ask for a score 1–5 rather than guess one.
    return {reply_to_sender(context,
                            context.text("rate_score_needed", {{"mention", mention}, {"ticket", number}}))};
  }

  const int score = *command.score;
  // A bare "不满意" right after the bot asked about "灯还是不亮": those words are why.
  const std::optional<std::string> asked_about = words_asked_about(context, ticket.number, score);
  const std::optional<std::string> said = command.reason ? command.reason : asked_about;
  const std::optional<std::string> words =
      said ? std::optional(language::with_chinese_punctuation(*said)) : std::nullopt;
  const bool satisfied = score >= 4;
  const std::string resolver = resolver_name(context, ticket);
  const int climbs_before = ticket.climbs;
  std::vector<Reply> others =
      satisfied ? close_satisfied(context, ticket, score, words,
                                  corrects ? SatisfiedAfter::mistaken_reopen : SatisfiedAfter::resolve)
                : reopen_unsatisfied(context, ticket, score, words);
  const bool climbed = ticket.climbs > climbs_before;
  const Values values{{"mention", mention},   {"ticket", number},
                      {"text", ticket.text},  {"score", std::to_string(score)},
                      {"resolver", resolver}, {"more", chosen.also_waiting}};
  const std::string_view key = corrects    ? "rate_corrected"
                               : satisfied ? "rate_satisfied"
                               : climbed   ? "rate_reopened_climbed"
                                           : "rate_reopened";
  // About a private report, said in a group: answered in private, the reporter never named there.
  std::vector<Reply> replies =
      answer_keeping_private(context, context.text(key, values), ticket.reported_in_private);
  const std::string reporter_chat = private_chat_of(ticket.reporter);
  for (Reply& reply : others) {
    // The climb's own note to the reporter says what this answer already says.
    if (climbed && reply.chat == reporter_chat) continue;
    replies.push_back(std::move(reply));
  }
  return replies;
}

std::optional<std::vector<Reply>> rate_by_stars(Context& context, const Command& command) {
  if (!context.message.is_private) return std::nullopt;
  static const std::array<std::pair<std::string_view, int>, 11> kCounts{{{"1", 1},
                                                                         {"2", 2},
                                                                         {"3", 3},
                                                                         {"4", 4},
                                                                         {"5", 5},
                                                                         {"一", 1},
                                                                         {"两", 2},
                                                                         {"二", 2},
                                                                         {"三", 3},
                                                                         {"四", 4},
                                                                         {"五", 5}}};
  std::string line = command.text;
  while (!line.empty() && (line.back() == ' ' || line.back() == '!' || line.back() == '.'))
    line.pop_back();
  // "我给5分", "给五星".
  for (const std::string_view giving : {"我给", "就给", "给"}) {
    if (line.starts_with(giving)) {
      line.erase(0, giving.size());
      break;
    }
  }
  const auto rate_as = [&](int score) {
    Command rating = command;
    rating.intent = Intent::rate;
    rating.score = score;
    return handle_rate(context, rating);
  };
  for (const auto& [count, score] : kCounts) {
    // "5星", "五颗星", and "5分" as a resident answers "请评价".
    for (std::string_view unit : {"星", "颗星", "分"}) {
      if (line == std::string(count) + std::string(unit)) return rate_as(score);
    }
  }
  // "★★★★★" alone.
  constexpr std::string_view kStar = "★";
  const std::size_t stars = line.size() / kStar.size();
  if (stars >= 1 && stars <= 5 && line.size() % kStar.size() == 0) {
    bool only_stars = true;
    for (std::size_t i = 0; i < stars; ++i)
      only_stars = only_stars && line.compare(i * kStar.size(), kStar.size(), kStar) == 0;
    if (only_stars) return rate_as(static_cast<int>(stars));
  }
  return std::nullopt;
}

namespace {

// Whole answers to "请评价" that are no rating words of the parser's: alone in a private chat with a
// ticket awaiting a rating, they can only be about it.
constexpr std::array<std::pair<std::string_view, int>, 4> kPlainAnswers{
    {{"不错", 4}, {"还不错", 4}, {"一般般", 3}, {"凑合", 3}}};

// The 满意 family glued to the end of a line ("太慢了不满意"): only words that can mean nothing but a
// rating. "老是这样不行", "一般" end many a line about something else, and a rating is not undone.
std::optional<language::ScoreWord> longest_score_word_ending(std::string_view line) {
  std::optional<language::ScoreWord> found;
  for (const language::ScoreWord& word : language::score_words()) {
    if (word.word.find("满意") == std::string_view::npos) continue;
    if (line.size() > word.word.size() && line.ends_with(word.word) &&
        (!found || word.word.size() > found->word.size()))
      found = word;
  }
  return found;
}

// The 满意 family or 还可以 opening a line, the why run on after it ("不太满意来了三次才修好",
// "嗯还可以吧就是 来得有点晚"), and where the why starts; not before a question ("满意的话怎么评价").
std::optional<std::pair<language::ScoreWord, std::size_t>> score_word_leading(std::string_view line) {
  std::size_t at = 0;
  for (const std::string_view filler : {"嗯嗯", "嗯", "那个"}) {
    if (line.starts_with(filler)) {
      at = filler.size();
      break;
    }
  }
  std::optional<language::ScoreWord> found;
  for (const language::ScoreWord& word : language::score_words()) {
    const bool rating_only = word.word.find("满意") != std::string_view::npos || word.word == "还可以";
    if (rating_only && line.substr(at).starts_with(word.word) &&
        (!found || word.word.size() > found->word.size()))
      found = word;
  }
  if (!found) return std::nullopt;
  std::size_t end = at + found->word.size();
  // "满意度是多少", "满意率", "不太满意的是楼上装修太吵", "满意了吧你们": no score given (a review of stop
  // 68).
  for (const std::string_view compound : {"度", "率", "的是", "了吧", "的人", "的话"}) {
    if (line.substr(end).starts_with(compound)) return std::nullopt;
  }
  for (const std::string_view particle : {"吧", "啊", "的", ","}) {
    if (line.substr(end).starts_with(particle)) end += particle.size();
  }
  const std::string_view why = line.substr(end);
  if (language::trim_spaces(why).empty() || why.find("吗") != std::string_view::npos ||
      why.find('?') != std::string_view::npos || why.find("怎么") != std::string_view::npos)
    return std::nullopt;
  // A new trouble or another ticket after it ("满意 对了楼下水管也漏了", "还可以就是不知道T2什么时候修")
  // is no why: asked, as before.
  static constexpr auto kOtherMatter = std::to_array<std::string_view>(
      {"对了", "另外", "还有", "也漏", "也坏", "又漏", "又坏", "T", "工单", "不知道"});
  if (language::holds_any_of(why, kOtherMatter) || language::describes_trouble(why)) return std::nullopt;
  return std::pair{*found, end};
}

}  // namespace

std::optional<std::vector<Reply>> rate_in_plain_words(Context& context, const Command& command) {
  // Said to the bot by name in the group of the report, the words that rate rate there too ("@吹哨
  // 满意满意谢谢" was told to say 满意: a review of stop 68); the questions stay private.
  const bool in_group = !context.message.is_private;
  if (command.text.empty() || (in_group && !spoken_to_the_bot(context.message, command))) return std::nullopt;
  // Read once: the complaint's check and the question both look at these.
  const std::vector<store::Ticket> waiting = awaiting_rating(context);
  if (waiting.empty()) return std::nullopt;
  const std::string_view line = language::without_words_at_end(
      command.text, {" ", ".", "!", "。", "！", "了", "吧", "啊", "呀", "哦", "的"});
  const auto rate_as = [&](int score, std::string_view words) {
    Command rating = command;
    rating.intent = Intent::rate;
    rating.score = score;
    rating.reason = words.empty() ? std::nullopt : std::optional<std::string>(words);
    return handle_rate(context, rating);
  };
  const std::size_t cut = line.find_last_of(", ");
  const std::string_view last = cut == std::string_view::npos ? line : line.substr(cut + 1);
  const std::string_view before = cut == std::string_view::npos ? std::string_view() : line.substr(0, cut);
  for (const language::ScoreWord& word : language::score_words()) {
    if (last == word.word) return rate_as(word.score, before);
  }
  // "太慢了不满意": voice input gives no comma before the word that ends the line. The longest word
  // first: 不满意 before 满意.
  // Not in a group, where "@吹哨 物业服务不满意" is about something else than the lamp (the final read of
  // stop 68): there only a line that begins with its score rates.
  if (const std::optional<language::ScoreWord> word = longest_score_word_ending(line);
      word && !in_group && !language::says_problem_remains(line))
    return rate_as(word->score, line.substr(0, line.size() - word->word.size()));
  // "满意满意谢谢", "嗯满意满意谢谢你们啊": the score said, then thanks (an exploratory run of how people
  // type, stop 68: asked again whether it was satisfying).
  const std::string_view before_thanks = language::without_words_at_end(
      line, {"谢谢你们", "谢谢你", "谢谢大家", "谢谢师傅", "谢谢", "感谢", "辛苦了", "辛苦", " ", ","});
  if (before_thanks.size() < line.size() && !language::says_problem_remains(line)) {
    std::optional<language::ScoreWord> word = longest_score_word_ending(before_thanks);
    for (const language::ScoreWord& alone : language::score_words()) {
      if (before_thanks == alone.word) word = alone;
    }
    if (word && word->score >= 4) return rate_as(word->score, {});
  }
  // "不太满意来了三次才修好", "嗯还可以吧就是来得有点晚": the score said first, the why run on after it.
  if (const std::optional<std::pair<language::ScoreWord, std::size_t>> first = score_word_leading(line))
    return rate_as(first->first.score, language::trim_spaces(line.substr(first->second)));
  // Answers to "请评价" that are words of the resident's own, alone.
  for (const auto& [answer, score] : kPlainAnswers) {
    if (line == answer) return rate_as(score, {});
  }
  // "还是看不清" may be about the ticket, or about anything else ("积分还没到账"): a rating cannot be
  // taken back, so the resident is asked, in their words, whether it is the ticket's.
  const bool problem_remains = language::says_problem_remains(line);
  // "修好了谢谢师傅", "灯亮了谢谢你们": thanks for the work. With a kind word in it, that word rates;
  // without one the resident is asked, as no thanks is a score (and the lamp is no new report).
  const bool thanks = language::holds_thanks(line);
  // "师傅态度不好": how it was done, asked about with their words as the reason to send.
  // Not a new trouble told angrily: "物业太不负责了 垃圾一个星期没人收" names what the waiting work does
  // not hold (a review, 2026-12-07); "态度不好 但是灯修好了" names the lamp it does.
  // Nor someone else's manners: "快递员态度不好" was asked about as the lamp's, and a 是 reopened it
  // (the final read, 2026-12-07).
  const bool complaint = !problem_remains && language::complains_of_work(line) &&
                         !complains_of_someone_else(line) && complaint_is_about(context, waiting, line);
  // Thanks, kind words or not, is asked about: "大米领到了 很好 谢谢" thanks for something else.
  if (in_group) return std::nullopt;
  if (problem_remains || thanks || complaint) {
    const store::Ticket asked = named_by_words(context, waiting, line).value_or(waiting.front());
    // With several waiting, the answer the question asks for names its ticket: "不满意 原因" was then
    // asked "which one?" (an exploratory run of residents' reports, 2026-12-06).
    keep_rating_question(context, asked.number,
                         problem_remains ? RatingAsked::unsolved
                         : complaint     ? RatingAsked::complaint
                                         : RatingAsked::thanks,
                         line);
    const std::string key = std::string(problem_remains ? "rate_ask_if_unsolved"
                                        : complaint     ? "rate_ask_if_complaint"
                                                        : "rate_ask_if_satisfied") +
                            (waiting.size() > 1 ? "_named" : "");
    return std::vector<Reply>{reply_to_sender(
        context, context.text(key, {{"mention", mention_of(context.people, context.message.sender)},
                                    {"ticket", std::to_string(asked.number)},
                                    {"text", asked.text},
                                    {"words", std::string(line)}}))};
  }
  return std::nullopt;
}

namespace {

// "点错了", "按错了", "评价错了", "手滑了": the resident says the last tap was not what they meant.
bool says_tapped_wrong(std::string_view line) {
  // Only a tap gone wrong: "弄错了吧" and "搞错了" as often complain about the work (a final read,
  // 2026-12-06), and a 回炉 taken back cannot be undone.
  for (const std::string_view mistake : {"点错", "按错", "评错", "选错", "评价错", "误点", "手滑"}) {
    if (line.find(mistake) != std::string_view::npos) return true;
  }
  return false;
}

// The satisfied score a correction names ("应该是满意", "我是满意的", "五星好评"), if any: the
// longest score word in the line, when it is 4 or 5.
std::optional<int> satisfied_score_in(std::string_view line) {
  // "我哪里满意了", "怎么满意": a satisfied word asked about is a complaint.
  for (const std::string_view asked :
       {"哪里满意", "哪满意", "怎么满意", "谁满意", "没满意", "不是满意", "满意吗", "满意?"}) {
    if (line.find(asked) != std::string_view::npos) return std::nullopt;
  }
  std::optional<language::ScoreWord> found;
  for (const language::ScoreWord& word : language::score_words()) {
    if (line.find(word.word) != std::string_view::npos && (!found || word.word.size() > found->word.size()))
      found = word;
  }
  if (found) return found->score >= 4 ? std::optional(found->score) : std::nullopt;
  for (const auto& [stars, score] : std::to_array<std::pair<std::string_view, int>>(
           {{"五星", 5}, {"5星", 5}, {"五颗星", 5}, {"5颗星", 5}, {"四星", 4}, {"4星", 4}})) {
    if (line.find(stars) != std::string_view::npos) return score;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::vector<Reply>> correct_rating_in_words(Context& context, const Command& command) {
  if (command.text.empty() || !says_tapped_wrong(command.text)) return std::nullopt;
  const std::optional<int> score = satisfied_score_in(command.text);
  // In a group "点错了" alone is anyone's; with a satisfied word, in the group the report was made
  // in, it is the reporter's correction.
  if (!context.message.is_private && !score) return std::nullopt;
  std::optional<store::Ticket> reopened = mistakenly_reopened(context);
  if (!reopened) return std::nullopt;
  if (!score) {
    return std::vector<Reply>{reply_to_sender(
        context, context.text("rate_correct_ask", {{"mention", sender_mention(context)},
                                                   {"ticket", std::to_string(reopened->number)},
                                                   {"text", reopened->text}}))};
  }
  Command rating = command;
  rating.intent = Intent::rate;
  rating.score = *score;
  rating.ticket = reopened->number;
  rating.reason.reset();
  return handle_rate(context, rating);
}

std::optional<std::vector<Reply>> nudge_to_rate(Context& context, const Command& command) {
  if (!context.message.is_private) return std::nullopt;
  // WeChat's [强] leaves no words after normalizing; it nods as 👍 does.
  const bool thumbs_up = command.text.empty() && language::is_only_thumbs_up_codes(context.message.text);
  if (command.text.empty() && !thumbs_up) return std::nullopt;
  if (!thumbs_up && !language::answers_yes(command.text) && !language::answers_no(command.text))
    return std::nullopt;
  const std::vector<store::Ticket> waiting = awaiting_rating(context);
  if (waiting.empty()) return std::nullopt;
  return std::vector<Reply>{reply_to_sender(
      context, context.text("rate_answer_unclear", {{"mention", sender_mention(context)},
                                                    {"ticket", std::to_string(waiting.front().number)}}))};
}

std::optional<std::int64_t> ticket_awaiting_rating(const Context& context) {
  const std::vector<store::Ticket> waiting = awaiting_rating(context);
  if (waiting.empty()) return std::nullopt;
  return waiting.front().number;
}

std::vector<Reply> run_ticket_rate_reminder(const Services& services, const store::Job& job,
                                            std::int64_t now) {
  const std::optional<TicketJobTarget> target = parse_ticket_job_payload(job.payload);
  if (!target) return {};
  const std::optional<store::Ticket> ticket = services.tickets.by_id(target->ticket_id);
  if (!ticket || ticket->state != store::TicketState::resolved || ticket->stage != target->number) return {};
  const std::int64_t closes_at =
      ticket->resolved_at.value_or(now) + services.config.rules.rate_days * language::kSecondsPerDay;
  return {to_reporter(
      *ticket, services.text("rate_reminder", {{"ticket", std::to_string(ticket->number)},
                                               {"text", ticket->text},
                                               {"until", local_time_text(services, closes_at, now)}}))};
}

std::vector<Reply> run_ticket_rate_deadline(const Services& services, const store::Job& job,
                                            std::int64_t now) {
  const std::optional<TicketJobTarget> target = parse_ticket_job_payload(job.payload);
  if (!target) return {};
  std::optional<store::Ticket> ticket = services.tickets.by_id(target->ticket_id);
  // Rated, reopened or closed since: the ticket moved on and this deadline is void.
  if (!ticket || ticket->state != store::TicketState::resolved || ticket->stage != target->number) return {};
  ticket->state = store::TicketState::closed;
  ticket->outcome = store::TicketOutcome::not_rated;
  ticket->closed_at = now;
  ++ticket->stage;
  services.tickets.save(*ticket);
  services.tickets.add_event(
      ticket->id,
      store::TicketEvent{"closed", std::nullopt,
                         std::string(store::ticket_outcome_name(store::TicketOutcome::not_rated)), now});
  // Resolved by its own reporter, who was told it would close so.
  if (ticket->resolved_by == ticket->reporter) return {};
  return {
      to_reporter(*ticket, services.text("rate_closed_not_rated",
                                         {{"ticket", std::to_string(ticket->number)},
                                          {"text", ticket->text},
                                          {"rate_days", std::to_string(services.config.rules.rate_days)}}))};
}

}  // namespace whistle::handlers
