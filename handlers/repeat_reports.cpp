#include "handlers/repeat_reports.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include "handlers/language/text_util.hpp"
#include "handlers/language/utf8.hpp"
#include "handlers/own_report_lines.hpp"
#include "handlers/people_names.hpp"
#include "handlers/report_offer.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/ticket_category.hpp"
#include "handlers/ticket_flow.hpp"
#include "handlers/ticket_intake.hpp"

namespace whistle::handlers {

namespace {

using Values = std::vector<std::pair<std::string_view, std::string>>;

// How long after a report the same trouble in other words is asked about: an elderly resident
// reports in the group, then again in private the next day when nobody seemed to come.
constexpr std::int64_t kRepeatAskedSeconds = 7 * 24 * 60 * 60;

// "repeat:5": whether these words are T5's trouble again.
constexpr std::string_view kRepeatPrefix = "repeat:";

// Anywhere in the answer, another trouble: "是的 在5楼 是另一个灯", "不是同一件事", "两回事".
constexpr auto kAnotherTrouble = std::to_array<std::string_view>(
    {"另报", "另一", "另外一", "不是同一", "不是一回事", "不是一个事", "两回事", "不一样"});
// At the answer's start and ending its word, another: "不是", "不是的". Not "是不是…", a question.
constexpr auto kNotTheSame = std::to_array<std::string_view>({"不是", "不对"});
// At the answer's start and ending its word, the same: "是的", "对 就是那个", "好的 不用再报了" (the
// question's own "不用再报" echoed), "一样的". Not "对面楼的电梯" or "好几个按钮" (a final read,
// 2026-12-07).
constexpr auto kSameTrouble = std::to_array<std::string_view>(
    {"是的",     "是啊",     "是",     "对的",   "对啊",     "对对对", "对",     "嗯嗯",
     "嗯",       "好的",     "好",     "行",     "一样的",   "一样",   "同一件", "同一个",
     "就是那个", "就是这个", "一回事", "不用了", "不用再报", "不用",   "知道了", "谢谢"});

std::string joined_words(const std::string& before, std::string_view more) {
  return before.empty() ? std::string(more) : before + " " + std::string(more);
}

// Anywhere in the answer, the same (once another trouble is ruled out): "是同一件事", "一样的".
constexpr auto kSameAnywhere = std::to_array<std::string_view>(
    {"同一件", "同一个", "一回事", "一件事", "一样", "就是那个", "就是这个", "不用再报"});

// Whether `text` starts with one of `words` standing alone: the line ends there, or a space,
// punctuation or a particle follows.
template <std::size_t N>
bool starts_with_word(std::string_view text, const std::array<std::string_view, N>& words) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view word) {
    if (!text.starts_with(word)) return false;
    const std::string_view rest = text.substr(word.size());
    return rest.empty() || rest.starts_with(" ") || rest.starts_with(",") || rest.starts_with("，") ||
           rest.starts_with("。") || rest.starts_with("!") || rest.starts_with("的") ||
           rest.starts_with("啊") || rest.starts_with("了") || rest.starts_with("呀");
  });
}

// A report's words as compared for a repeat: without spaces and punctuation ("下水道堵了！" is
// "下水道堵了").
std::string words_compared(std::string_view text) {
  std::string words(text);
  for (const std::string_view mark : {" ", ",", ".", "!", "?", "，", "。", "！", "？", "、", "~"}) {
    for (std::size_t at = words.find(mark); at != std::string::npos; at = words.find(mark, at))
      words.erase(at, mark.size());
  }
  return words;
}

// The same characters in another order: "2楼楼道灯坏了" sent again as "楼道灯坏了 2楼" made a second
// ticket (an exploratory run of corrections, 2026-12-06).
bool same_characters(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  const auto code_points = [](std::string_view text) {
    std::vector<char32_t> points;
    for (std::size_t at = 0; at < text.size();) {
      const language::CodePoint cp = language::decode_utf8(text, at);
      points.push_back(cp.value);
      at += cp.length;
    }
    std::sort(points.begin(), points.end());
    return points;
  };
  return code_points(a) == code_points(b);
}

}  // namespace

OpenReportsAt open_reports_at(Context& context, const Command& command, const std::string& community) {
  OpenReportsAt reports{receiving_node(context, command, community).id, {}};
  reports.open = context.tickets.of_reporter(context.message.sender, kOwnReportsLooked);
  std::erase_if(reports.open, [&](const store::Ticket& ticket) {
    return ticket.is_closed() || ticket.state == store::TicketState::resolved ||
           ticket.first_node != reports.node;
  });
  return reports;
}

// The same place and the same words, the place typed or not: a grid leader's 楼道灯不亮 in a second
// building is another lamp. One resolved and waiting for its rating is not "still open": the lamp
// that failed again is a new report (or a 不满意).
std::optional<store::Ticket> same_report_open(Context& context, const Command& command,
                                              const OpenReportsAt& reports) {
  const std::string title = command.title.value_or(command.text);
  std::string_view said = title;
  if (command.place && said.starts_with(*command.place)) said.remove_prefix(command.place->size());
  const std::string words = words_compared(said);
  if (words.empty()) return std::nullopt;
  for (const store::Ticket& ticket : reports.open) {
    const std::string theirs = words_compared(ticket_words(context, ticket));
    if (theirs == words || same_characters(theirs, words)) return ticket;
  }
  return std::nullopt;
}

std::optional<Reply> ask_if_same_as_open_report(Context& context, const Command& command,
                                                const OpenReportsAt& reports) {
  if (command.kind && *command.kind != language::TicketKind::report) return std::nullopt;
  const std::string title = command.title.value_or(command.text);
  const config::Category* category = category_of(context.config, title);
  if (!category) return std::nullopt;
  const std::optional<store::ReportOffer> kept =
      context.tickets.offer_to(context.message.chat, context.message.sender);
  // A yes to the repeat question itself opens its words (with what the answer added).
  if (kept && is_repeat_question(*kept) && command.text.starts_with(kept->words)) return std::nullopt;
  // The trouble's own keywords, the place aside: "3号楼2单元水管漏水" after "3号楼2单元楼道灯坏了" is
  // another trouble (a review, 2026-12-07: the typed place matched).
  std::vector<std::string> keywords;
  for (const std::string& keyword : category->keywords) {
    if (title.find(keyword) != std::string::npos) keywords.push_back(keyword);
  }
  std::vector<store::Ticket> open = reports.open;
  std::erase_if(open, [&](const store::Ticket& ticket) {
    return ticket.kind != "report" || ticket.chat == context.message.chat ||
           context.now - ticket.created_at > kRepeatAskedSeconds ||
           !holds_any_keyword(ticket_words(context, ticket), keywords);
  });
  if (open.size() != 1) return std::nullopt;
  const store::Ticket& same = open.front();
  // Asked in a group about a report made in private, the question would tell the neighbours who made
  // it (a review, 2026-12-07): the new words open as before.
  if (!context.message.is_private && same.reported_in_private) return std::nullopt;
  const Values values{{"mention", mention_of(context.people, context.message.sender)},
                      {"ticket", std::to_string(same.number)},
                      {"text", ticket_words(context, same)}};
  keep_question(context, std::string(kRepeatPrefix) + std::to_string(same.number), title);
  return reply_to_sender(
      context,
      context.text(context.message.is_private ? "ticket_maybe_same" : "ticket_maybe_same_group", values));
}

bool is_repeat_question(const store::ReportOffer& kept) {
  return kept.kind.starts_with(kRepeatPrefix);
}

std::optional<std::vector<Reply>> answer_repeat_question(Context& context, const Command& command,
                                                         const store::ReportOffer& kept, bool addressed) {
  if (!addressed) return std::nullopt;
  const std::string_view text = command.text;
  const std::string number = kept.kind.substr(kRepeatPrefix.size());
  // "是不是同一个啊": asked back, not answered (its 不是 is no "not the same").
  const bool asks_back = text.find("是不是") != std::string_view::npos;
  if (!asks_back && (language::holds_any_of(text, kAnotherTrouble) || starts_with_word(text, kNotTheSame))) {
    // "不是 是另一个灯 在5楼": what the answer adds goes with the words, the answer itself aside.
    const std::string_view more = language::without_words_at_start(
        text, {"不是同一件事", "不是同一件", "不是一回事", "是另一件事", "另一件事", "另一件", "另报", "不是",
               "是的", "是", "对", "嗯", ",", " ", "，", "。"});
    const bool adds = !more.empty() && !language::is_filler(more);
    return open_kept_report(context, adds ? joined_words(kept.words, more) : kept.words, kept);
  }
  context.tickets.drop_offer(context.message.chat, context.message.sender);
  if (!asks_back && (starts_with_word(text, kSameTrouble) || language::holds_any_of(text, kSameAnywhere)))
    return std::vector<Reply>{reply_to_sender(
        context,
        context.text("ticket_repeat_same",
                     {{"ticket", number}, {"mention", mention_of(context.people, context.message.sender)}}))};
  // Anything else is read on its own, the question let go: a 好的 an hour later answers nothing.
  return std::nullopt;
}

}  // namespace whistle::handlers
