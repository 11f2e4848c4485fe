#include "handlers/language/ticket_readers.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include "handlers/language/argument_words.hpp"
#include "handlers/language/chinese_numbers.hpp"
#include "handlers/language/danger_words.hpp"
#include "handlers/language/dispute_phrases.hpp"
#include "handlers/language/greeting_words.hpp"
#include "handlers/language/intent_table.hpp"
#include "handlers/language/own_report_phrases.hpp"
#include "handlers/language/places.hpp"
#include "handlers/language/references.hpp"
#include "handlers/language/resident_phrases.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/language/utf8.hpp"

namespace whistle::language {

namespace {

// The particles that close an answer ("还行吧", "满意的", "一般啦").
constexpr std::u32string_view kAnswerParticles = U"吧啦的哈呀啊哦了";

std::size_t skip_answer_particles(std::string_view text, std::size_t at) {
  while (at < text.size()) {
    const CodePoint cp = decode_utf8(text, at);
    if (kAnswerParticles.find(cp.value) == std::u32string_view::npos) break;
    at += cp.length;
  }
  return at;
}

// What may follow a score word said alone: decoration, or the particle of an answer ("还行吧",
// "满意的", "一般啦"); never a question ("满意吗？", "还行吧?" asks, it does not rate).
bool is_rating_tail(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    const CodePoint cp = decode_utf8(text, pos);
    if (cp.value == U'?' || cp.value == U'？') return false;
    if (!is_decoration(text.substr(pos, cp.length)) &&
        kAnswerParticles.find(cp.value) == std::u32string_view::npos)
      return false;
    pos += cp.length;
  }
  return true;
}

constexpr std::string_view kStar = "★";

// "报事 T1 进度", "投诉 T1 还没修好", "报修进度", "求助 进度查询": asking after what was already
// reported. Read as a new ticket it was counted in the figures and climbed the ladder.
bool asks_after_a_ticket(std::string_view words, Command& command) {
  const std::size_t at = skip_separators(words, 0);
  if (const auto reference = read_ticket_reference(words, at, false)) {
    command.ticket = reference->number;
    set_reason(command, words.substr(reference->end));
    return true;
  }
  // "报修 灯修好了吗": the verb before a question about what it reported. A trouble told with it is a
  // report ("报修 电梯又坏了，上次修好了没几天", "报修 楼道灯坏了好几天了，修好了吗").
  if (asks_whether_repair_done(words) && !describes_trouble(words) && !says_problem_remains(words))
    return true;
  for (const std::string_view progress : {std::string_view("进度"), std::string_view("进展")}) {
    if (!starts_with_at(words, at, progress)) continue;
    const std::string_view rest = skip_separators(words, at + progress.size()) < words.size()
                                      ? words.substr(skip_separators(words, at + progress.size()))
                                      : std::string_view();
    if (is_filler(rest)) return true;
    for (const std::string_view asking : {"查询", "怎么样", "咋样", "如何", "到哪", "呢"}) {
      if (rest.starts_with(asking)) return true;
    }
  }
  return false;
}

// "找谁", "物业的电话是多少", "问题找谁。", "找谁哦", "找谁管用": the first clause asks whom to turn
// to. A trouble told before it is a report ("楼下饭店油烟太大，找谁都不管", "电梯坏了 物业电话多少").
bool asks_whom_to_turn_to(std::string_view words) {
  std::string_view clause = trim_spaces(words.substr(skip_separators(words, 0)));
  clause = clause.substr(0, std::min(clause.find_first_of(" ,.!?;"), clause.find("。")));
  for (const std::string_view asked :
       {"找谁", "找哪个", "找哪里", "找哪儿", "电话是多少", "电话多少", "什么电话", "哪个电话", "哪个部门",
        "怎么投诉", "怎么反映", "怎么报"}) {
    if (clause.find(asked) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

// "报事 3号楼楼道灯坏了": the resident's words stay whole; the place is read but not cut.
bool read_ticket_text(const ArgumentInput& input, Command& command) {
  const std::string_view words = skip_softeners(input.rest);
  if (!contains_danger_word(input.rest) && asks_after_a_ticket(words, command)) {
    command.intent = Intent::progress;
    return true;
  }
  command.kind = input.rule.extra == "order"  ? TicketKind::order
                 : input.rule.extra == "wish" ? TicketKind::wish
                                              : TicketKind::report;
  if (contains_danger_word(input.rest)) command.kind = TicketKind::danger;
  command.asks_for_help = input.rule.keyword == "求助";
  // "报事!", "求助！": the verb and a call for attention; the bot asks what happened.
  if (is_decoration(words)) return true;
  // "投诉找谁", "投诉物业的电话是多少", "反映问题找谁": whom to turn to, asked; as a report each opened a
  // ticket titled 找谁 that paged a leader (a review, 2026-12-06).
  if (command.kind != TicketKind::danger && asks_whom_to_turn_to(words)) return false;
  // A quarrel's dare ("投诉就投诉，谁怕谁", "报事去啊"): each opened a ticket and answered the
  // fight in the group with "收到你的报事" (an exploratory run of neighbour disputes, 2026-12-07).
  // Those said to the other neighbour, only among neighbours: to the bot the words are its (a review
  // of stop 65).
  if (command.kind != TicketKind::danger && input.rule.extra != "order" && input.rule.extra != "wish" &&
      input.rule.keyword != "求助" && taunts_with_it(words, command.addressed))
    return false;
  if (input.rule.keyword == "举报" && command.kind != TicketKind::danger && names_the_reporting_itself(words))
    return false;
  // "心愿：新的一年身体健康": a New Year's wish, not a 微心愿 for a neighbour to take.
  if (input.rule.extra == "wish" && only_wishes_well(words)) return false;
  const bool asks_or_tells = input.rule.keyword == "求助" || input.rule.keyword == "反映";
  if (asks_or_tells && command.kind != TicketKind::danger && !command.addressed &&
      speaks_to_neighbours(trim_spaces(words.substr(skip_separators(words, 0)))))
    return false;
  // "报修 吧", "报事 吗": no words of a ticket; "报修要钱吗", "点单外卖吧" glued to the verb end as a
  // question or a suggestion to the others.
  if (!trim_spaces(words).empty() && (is_filler(words) || is_question_particle(trim_spaces(words))))
    return false;
  const bool glued =
      !input.rest.empty() && input.rest[0] != ' ' && input.rest[0] != ':' && input.rest[0] != ',';
  if (glued && ends_as_a_question_or_suggestion(words)) return false;
  if (const auto place = find_place(words, input.context.place_names)) command.place = place->name;
  // The resident's words stay as written, their punctuation too ("3号楼有煤气味!"); not a full stop
  // voice input puts after the verb ("报修。3号楼…"), nor the 儿 of "报事儿", which led the title in
  // every post.
  std::string_view said = words;
  constexpr std::string_view kEr = "儿";  // "报事儿 …", but "报事儿童乐园…" is 儿童
  if (said.starts_with(kEr) && skip_separators(said, kEr.size()) > kEr.size()) said.remove_prefix(kEr.size());
  // Nor the "！" of "求助！家里老人摔倒了", which led the title as "!家里…".
  for (bool cut = true; cut;) {
    cut = false;
    for (const std::string_view stop : {"。", ".", "!", "！"}) {
      if (said.starts_with(stop)) {
        said.remove_prefix(stop.size());
        cut = true;
      }
    }
  }
  const std::string_view title = trim_spaces(said.substr(skip_separators(said, 0)));
  if (!title.empty() && !is_decoration(title)) command.title = std::string(title);
  return true;
}

namespace {

// Reads a ticket reference after the keyword; returns where the rest starts.
std::size_t read_ticket_reference_into(std::string_view text, Command& command, bool& found) {
  std::size_t at = skip_separators(text, 0);
  const auto reference = read_ticket_reference(text, at, true);
  found = reference.has_value();
  if (!reference) return at;
  command.ticket = reference->number;
  return reference->end;
}

}  // namespace

// "接单 T5", "办结 T5 已更换灯泡", "上报 T5"
bool read_ticket(const ArgumentInput& input, Command& command) {
  if ((input.rule.extra == "after_ticket" || input.rule.extra == "question") && !input.anchored) return false;
  // "T3谁在处理": asked in passing, answered only where it fits (a ticket the asker may see).
  if (input.rule.extra == "question") command.implicit = true;
  bool found = false;
  const std::string_view rest = skip_softeners(input.rest);
  // "T1 退回来了": it came back to the speaker, no 退回 of theirs (an exploratory run of residents'
  // reports, 2026-12-06: read as one, and it counted in the send-back rate).
  if (command.intent == Intent::send_back && input.rule.keyword == "退回" && input.rest.starts_with("来"))
    return false;
  // "放弃 T1", "撤回 T1": a ticket written as one; "放弃 1" may be a task's number.
  if (input.rule.extra == "ticket_named" && !input.anchored &&
      !read_ticket_reference(rest, skip_separators(rest, 0), false))
    return false;
  const std::size_t at = read_ticket_reference_into(rest, command, found);
  std::string_view remark = rest.substr(at);
  // "撤销办结吧", "办结错了吧": the taking back asked for, as "撤销吧" would; 吧 there is no question.
  if (input.rule.extra == "undo" && remark.find('?') == std::string_view::npos) {
    const std::string_view said = without_end_punctuation(trim_spaces(remark));
    if (said.ends_with("吧"))
      remark = trim_spaces(said.substr(0, said.size() - std::string_view("吧").size()));
  }
  const bool anchored = found || input.anchored;
  if (!anchored && (input.rule.extra == "required" || (input.rule.extra != "remark" && !is_filler(remark))))
    return false;
  // A question about the ticket is progress: read as 办结 it closed a ticket a leader asked after.
  const bool acts = command.intent == Intent::resolve || command.intent == Intent::accept ||
                    command.intent == Intent::close;
  if (acts && asks_whether_done(remark)) {
    command.intent = Intent::progress;
    return true;
  }
  set_reason(command, remark);
  return true;
}

// "派单 T5 @王五", "派单 T5 物业", "派单 T5 给物业"
bool read_ticket_assignee(const ArgumentInput& input, Command& command) {
  std::string text(input.rest);
  add_mentions(command, text, input.context);
  bool found = false;
  std::size_t at = skip_separators(text, read_ticket_reference_into(text, command, found));
  // "派给", "交给" are ordinary words unless the ticket came first ("T5 派给@王五").
  if (input.rule.extra == "required" && !input.anchored && !found) return false;
  for (const std::string_view prefix : vocabulary().assignee_prefixes) {
    if (starts_with_at(text, at, prefix)) {
      at = skip_separators(text, at + prefix.size());
      break;
    }
  }
  std::string_view rest = std::string_view(text).substr(at);
  if (command.mentions.empty()) {
    // The responder is the first word; what follows it is a reason ("派单 T5 物业 尽快处理", "派单 T1 物业，
    // 读卡器可能进水了").
    const std::size_t space = rest.find_first_of(" ,");
    std::string_view name = rest.substr(0, space);
    // "交物业处理", "转物业处理一下": what the responder is to do is no part of its name.
    for (const std::string_view verb : {"处理", "办理", "解决", "跟进"}) {
      if (const std::size_t verb_at = name.find(verb); verb_at != std::string_view::npos && verb_at > 0)
        name = name.substr(0, verb_at);
    }
    if (auto responder = free_text(name)) command.responder = std::move(responder);
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
  }
  set_reason(command, rest);
  return true;
}

namespace {

// The score after a ticket reference: a word (满意), a number 1–5 (with 分 or 星), or ★★★.
std::size_t read_score(std::string_view text, std::size_t at, Command& command) {
  for (const ScoreWord& word : score_words()) {
    if (starts_with_at(text, at, word.word)) {
      command.score = word.score;
      return at + word.word.size();
    }
  }
  if (const auto number = read_number(text, at); number && starts_number(text, at)) {
    std::size_t end = at + number->length;
    // "4.5" is no score of 1–5: it stays in the reason, for the handler to ask again.
    if (starts_with_at(text, end, ".") && is_ascii_digit(decode_utf8(text, end + 1).value)) return at;
    if (starts_with_at(text, end, "分") || starts_with_at(text, end, "星") ||
        starts_with_at(text, end, "颗星"))
      end += starts_with_at(text, end, "颗星") ? 6 : 3;
    if (!is_word_boundary(decode_utf8(text, end).value)) return at;
    if (!number->overflow && number->value >= 1 && number->value <= 5)
      command.score = static_cast<int>(number->value);
    return end;
  }
  int stars = 0;
  std::size_t end = at;
  while (starts_with_at(text, end, kStar)) {
    ++stars;
    end += kStar.size();
  }
  if (stars >= 1 && stars <= 5) command.score = stars;
  return end;
}

// "评价1满意": digits typed straight against a score word are the ticket the word rates (but
// "评价十分满意" is "very satisfied", so only digits).
std::size_t read_glued_ticket(std::string_view text, std::size_t at, Command& command, bool& found) {
  const bool digits = at < text.size() && is_ascii_digit(static_cast<unsigned char>(text[at]));
  const auto number = digits ? read_number(text, at) : std::nullopt;
  if (!number || number->overflow || number->value < 1 || number->value > kMaxReference) return at;
  const std::size_t end = at + number->length;
  for (const ScoreWord& word : score_words()) {
    if (!starts_with_at(text, end, word.word)) continue;
    command.ticket = number->value;
    found = true;
    return end;
  }
  return at;
}

}  // namespace

// "评价 T5 满意", "评价 T5 2 还是不亮", "评价 T5 不满意，还是不亮"
bool read_rating(const ArgumentInput& input, Command& command) {
  bool found = false;
  std::size_t at = read_ticket_reference_into(input.rest, command, found);
  if (!found) at = read_glued_ticket(input.rest, at, command, found);
  const bool scored = input.rule.extra == "scored";
  bool worded = !input.rule.extra.empty() && !scored;
  if (input.rule.extra.empty() || scored) {
    at = skip_separators(input.rest, at);
    if (starts_with_at(input.rest, at, "打")) at += 3;
    worded = std::any_of(score_words().begin(), score_words().end(),
                         [&](const ScoreWord& word) { return starts_with_at(input.rest, at, word.word); });
    at = skip_answer_particles(input.rest, read_score(input.rest, at, command));
    // "打4星" is a rating; "打110", "打5分钟", "打扫" are not.
    if (scored && !command.score) return false;
    // "评价一下这次活动" names neither a ticket nor a score: talk about rating, not a rating.
    if (!found && !input.anchored && !command.score && !is_filler(skip_softeners(input.rest.substr(at))))
      return false;
  } else {
    // 满意 / 不满意 said alone: the keyword is the score. Without a ticket only filler may follow
    // ("满意度调查" is no rating).
    command.score = input.rule.extra[0] - '0';
    // "不满意,太慢了" and "还行吧，就是慢了点" give their reason after a comma.
    const std::string_view rest = input.rest;
    std::size_t after = skip_answer_particles(rest, at);
    // "满意。谢谢" ends a sentence where others put a comma; "挺好的谢谢" thanks at once.
    const auto comma_or_space_at = [rest](std::size_t pos) {
      if (pos >= rest.size()) return false;
      if (rest[pos] == ',' || rest[pos] == ' ' || rest[pos] == '.' || rest[pos] == '!') return true;
      for (const std::string_view word : {"。", "谢谢", "感谢", "辛苦", "非常感谢", "太感谢", "多谢"}) {
        if (starts_with_at(rest, pos, word)) return true;
      }
      return false;
    };
    // "满意满意": the word said twice.
    const bool repeated = rest.substr(at) == input.rule.keyword;
    // "不满意还是漏水": voice input puts no comma between the word and what is still wrong.
    const bool complains = *command.score <= 2 && says_problem_remains(rest.substr(at));
    const bool set_apart =
        repeated || complains || comma_or_space_at(0) || (after > at && comma_or_space_at(after));
    if (repeated) after = rest.size();
    if (!found && !input.anchored && !is_rating_tail(rest.substr(at)) && !set_apart) return false;
    at = after;
  }
  set_reason(command, input.rest.substr(at));
  // A mild word with the problem still there is not satisfied; a number typed is taken as given.
  if (worded && command.score && *command.score >= 3 && command.reason &&
      says_problem_remains(*command.reason))
    command.score = 2;
  return true;
}

bool acts_on_tickets_listed(Intent intent) {
  return intent == Intent::dispatch || intent == Intent::accept || intent == Intent::resolve ||
         intent == Intent::escalate || intent == Intent::send_back;
}

// Before, the line was silence or acted on its last ticket alone (stop 68).
std::size_t read_more_tickets(std::string_view line, std::size_t at, std::vector<std::int64_t>& more) {
  for (;;) {
    std::size_t next = at;
    for (const std::string_view joint : {"、", "和", "，", ","}) {
      if (starts_with_at(line, next, joint)) {
        next = skip_separators(line, next + joint.size());
        break;
      }
    }
    const auto ticket = read_ticket_reference(line, next, false);
    if (!ticket || !ticket->number) break;
    more.push_back(*ticket->number);
    at = skip_separators(line, ticket->end);
  }
  if (more.empty()) return at;
  for (const std::string_view together : {"一起", "一并", "统一", "全部", "都"}) {
    if (starts_with_at(line, at, together)) return skip_separators(line, at + together.size());
  }
  return at;
}

}  // namespace whistle::language
