#include "handlers/language/parser.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <string>

#include "handlers/language/argument_readers.hpp"
#include "handlers/language/argument_words.hpp"
#include "handlers/language/calendar.hpp"
#include "handlers/language/chinese_numbers.hpp"
#include "handlers/language/clause_commands.hpp"
#include "handlers/language/danger_words.hpp"
#include "handlers/language/day_first.hpp"
#include "handlers/language/intent_table.hpp"
#include "handlers/language/jielong.hpp"
#include "handlers/language/jielong_sign_up.hpp"
#include "handlers/language/labelled_form.hpp"
#include "handlers/language/mentions.hpp"
#include "handlers/language/month_expressions.hpp"
#include "handlers/language/normalize.hpp"
#include "handlers/language/places.hpp"
#include "handlers/language/quoted_reply.hpp"
#include "handlers/language/references.hpp"
#include "handlers/language/shift_words.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/language/ticket_readers.hpp"
#include "handlers/language/time_expressions.hpp"
#include "handlers/language/typed_names.hpp"
#include "handlers/language/utf8.hpp"
#include "handlers/language/volunteer_replies.hpp"
#include "handlers/language/year_words.hpp"

namespace whistle::language {

namespace {

bool takes_task(Arguments arguments) {
  return arguments == Arguments::task || arguments == Arguments::task_code ||
         arguments == Arguments::task_people || arguments == Arguments::edit ||
         arguments == Arguments::task_question;
}

bool takes_ticket(Arguments arguments) {
  return arguments == Arguments::ticket || arguments == Arguments::ticket_assignee ||
         arguments == Arguments::rating;
}

// "帮@王阿姨 报到 12" signs someone else up; "给@老赵 加3分" pays them.
bool takes_people(Arguments arguments) {
  return arguments == Arguments::adjustment || arguments == Arguments::people ||
         arguments == Arguments::task || arguments == Arguments::task_code ||
         arguments == Arguments::task_people || arguments == Arguments::ticket_assignee;
}

// What may stand before the command word: the reference it acts on ("#12 签到", "12号任务结束",
// "T5 已处理") or the person ("给@老赵 加3分").
struct Lead {
  std::optional<std::int64_t> number;  ///< the number written; which kind depends on the rule
  bool is_ticket = false;              ///< written as a ticket ("T5", "工单5")
  bool has_reference = false;          ///< a reference was written (its number may be invalid)
  std::vector<std::string> people;
  std::optional<YearMonth> month;  ///< "上月排行", "10月统计"
  std::size_t noun_start = 0;      ///< where 任务/活动 closing the reference starts ("12号任务"), or 0
  bool marked = false;             ///< written as a task's ("1号", "#1", "1号活动"), not a bare number
  bool own_group = false;          ///< "我们单元", "咱们楼": only a ranking may follow
  bool typed_person = false;  ///< `people` typed without an '@' before a sign-up ("帮何大爷报个名")
  std::vector<std::int64_t> more_tickets;  ///< "T1 T2 T3 一起派给物业": the tickets after the first
  std::size_t end = 0;
};

// A month that starts the line ("上月排行", "10月统计"), and where it ends.
std::optional<std::pair<YearMonth, std::size_t>> read_leading_month(std::string_view line,
                                                                    const ParseContext& context) {
  // Every line comes here: only one that starts like a month (10月, 十月, 上月, 本月, 去年…) is
  // searched for one.
  constexpr std::u32string_view kMonthStarts = U"上本这当去今前";
  const char32_t lead_character = decode_utf8(line, 0).value;
  if (!is_ascii_digit(lead_character) && !is_chinese_numeral(lead_character) &&
      kMonthStarts.find(lead_character) == std::u32string_view::npos)
    return std::nullopt;
  std::string rest(line);
  const auto month = take_month(rest, TimeContext{context.now, context.utc_offset_seconds});
  // The month was at the start when what is left is the line's own tail.
  if (!month || rest.size() >= line.size() || line.substr(line.size() - rest.size()) != rest)
    return std::nullopt;
  return std::pair{YearMonth{month->year, month->month}, line.size() - rest.size()};
}

Lead read_lead(std::string_view line, const ParseContext& context) {
  Lead lead;
  // "我们单元排第几", "咱们楼排名": the asker's own group compared with its neighbours (an exploratory
  // run of a month's points, 2026-12-07: silence).
  if (const std::optional<OwnGroup> group = own_group_named(line)) {
    const std::size_t end = skip_separators(line, group->end);
    lead.own_group = true;
    lead.end = end;
    // "我们单元上个月排第几"
    if (auto month = read_leading_month(line.substr(end), context)) {
      lead.month = month->first;
      lead.end = skip_separators(line, end + month->second);
    }
    return lead;
  }
  // "我老伴也报个名": a sign-up asked for a family member, whose place is their own.
  if (const auto family = family_before_sign_up(line, 0)) {
    lead.people = {family->name};
    lead.end = family->end;
    lead.typed_person = true;
    return lead;
  }
  // "我上个月排第几名": the speaker before the month, of a ranking only.
  if (line.starts_with("我")) {
    const std::string_view after = line.substr(std::string_view("我").size());
    if (auto month = read_leading_month(after, context)) {
      const std::size_t end = skip_separators(after, month->second);
      if (starts_with_at(after, end, "排") || starts_with_at(after, end, "第")) {
        lead.month = month->first;
        lead.end = std::string_view("我").size() + end;
        return lead;
      }
    }
  }
  if (auto month = read_leading_month(line, context)) {
    lead.month = month->first;
    lead.end = skip_separators(line, month->second);
    if (starts_with_at(line, lead.end, "的")) lead.end += 3;  // "上个月的排行"
    return lead;
  }
  if (const auto ticket = read_ticket_reference(line, 0, false)) {
    lead.number = ticket->number;
    lead.is_ticket = true;
    lead.has_reference = true;
    lead.end = read_more_tickets(line, skip_separators(line, ticket->end), lead.more_tickets);
    return lead;
  }
  if (const auto task = read_task_reference(line, 0)) {
    lead.number = task->number;
    lead.has_reference = true;
    for (const std::string_view noun : vocabulary().reference_nouns) {
      if (line.substr(0, task->end).ends_with(noun)) lead.noun_start = task->end - noun.size();
    }
    const std::string_view written = line.substr(0, task->end);
    lead.marked = written.starts_with("#") || written.starts_with("任务") ||
                  written.find("号") != std::string_view::npos || lead.noun_start > 0;
    lead.end = skip_separators(line, task->end);
    return lead;
  }
  // "12签到": digits glued to what follows are a reference only if a command word follows, which
  // the caller checks.
  if (const auto number = read_number(line, 0);
      number && !number->chinese && is_cjk(decode_utf8(line, number->length).value)) {
    const bool valid = !number->overflow && number->value >= 1 && number->value <= kMaxReference;
    lead.number = valid ? std::optional<std::int64_t>(number->value) : std::nullopt;
    lead.has_reference = true;
    lead.end = number->length;
    return lead;
  }
  // "张三加5分 帮忙搬东西": a leader types the name as often as they @ it.
  if (const auto typed = name_before_points(line, 0)) {
    lead.people = {typed->name};
    lead.end = typed->end;
    return lead;
  }
  for (const std::string_view marker : vocabulary().person_markers) {
    if (!starts_with_at(line, 0, marker)) continue;
    std::size_t at = skip_spaces(line, marker.size());
    // "给张三加5分" ("为什么扣3分" is a question, and 为/帮 take a name only with its '@').
    if (const auto typed = marker == "给" ? name_before_points(line, at) : std::nullopt) {
      lead.people = {typed->name};
      lead.end = typed->end;
      break;
    }
    // "帮何大爷报个名", "替刘阿姨报到 1": a sign-up asked for someone named without an '@'.
    if (const auto typed = name_before_sign_up(line, at)) {
      lead.people = {typed->name};
      lead.end = typed->end;
      lead.typed_person = true;
      break;
    }
    // "帮我儿子报个名", "替我妈报到 1": a family member's sign-up asked for them.
    if (const auto family = marker == "给" || marker == "帮" || marker == "替"
                                ? family_before_sign_up(line, at)
                                : std::nullopt) {
      lead.people = {family->name};
      lead.end = family->end;
      lead.typed_person = true;
      break;
    }
    if (at >= line.size() || line[at] != '@') break;
    std::size_t end = at;
    while (end < line.size() && line[end] == '@') {
      const std::size_t after = leading_mention_end(line, end);
      if (after == end) break;  // an '@' with no name after it ("给@" then a NUL)
      end = skip_spaces(line, after);
    }
    std::string people(line.substr(at, end - at));
    lead.people = take_mentions(people, context.bot_names);
    // "给@张三 @李四 各加5分"
    for (const std::string_view each : vocabulary().each_words) {
      if (starts_with_at(line, end, each)) end = skip_spaces(line, end + each.size());
    }
    if (!lead.people.empty()) lead.end = end;
    break;
  }
  return lead;
}

// Whether the words right after a command word make the line talk about the command rather than
// ask for it: "结束了", "我投诉过好几次", "吹哨吧" tell of something done or suggested (except the
// commands people say that way about themselves, "报到了", "签到了", and where a reference makes
// it a command, "T5 接单了"); "报修的师傅来了", "派单太慢了", "办结率多少" are sentences about it.
// Someone mentioned, or a name read that asks nothing ("谁", "哪个", "物业吗" ask).
bool names_an_assignee(const Command& command) {
  if (!command.mentions.empty()) return true;
  if (!command.responder) return false;
  const std::string_view name = without_end_punctuation(*command.responder);
  for (const std::string_view asking : {"谁", "哪", "什么", "啥", "吗", "呢", "?"}) {
    if (command.responder->find(asking) != std::string::npos) return false;
  }
  return !name.empty();
}

bool talks_about_it(std::string_view rest, const Command& command) {
  // "报事进度怎么样了" is how one asks for progress: the question is the command.
  if (command.intent == Intent::progress) return false;
  // "1号报名情况怎么样": of a task named, the same (a review, 2026-12-06: 报名 signed the asker up).
  if (command.intent == Intent::tasks && command.task) return false;
  // "还行吧", "满意的，就是慢了点" answer the bot's question about a ticket: the reader of ratings
  // has already told a score from talk about one ("满意吗", "满意度调查").
  if (command.intent == Intent::rate && command.score) return false;
  const auto& words = vocabulary();
  // "T1 改派给何大爷", "T1 重新派单给@刘师傅": after a dispatch word, 给 names who takes it (an
  // exploratory run of the leaders' side, 2026-12-07: silence). "派单给谁" still asks.
  if (command.intent == Intent::dispatch && rest.starts_with("给") && names_an_assignee(command))
    return false;
  if (starts_with_any(IndexedWords::about_markers, rest)) return true;
  // "结束了", and "结束 了" with nothing more said.
  const std::string_view told = is_filler(rest) ? trim_spaces(rest) : rest;
  bool done = false;
  for (const std::string_view marker : words.done_markers)
    done = done || starts_with_at(told, 0, marker);
  if (!done || command.task || command.ticket) return false;
  return std::find(words.said_when_done.begin(), words.said_when_done.end(), command.intent) ==
         words.said_when_done.end();
}

// "撤销办结吧", "撤销核销吧": a taking back asked for; the 吧 that makes "结束吧" a suggestion to the
// others asks for it here, said to the bot.
bool asks_for_the_taking_back(std::string_view rest, const IntentRule& rule) {
  return rule.extra == "undo" && rest.find('?') == std::string_view::npos &&
         without_end_punctuation(trim_spaces(rest)) == "吧";
}

// What a question may ask for: a list, a state, a figure, the menu — never an act.
bool is_a_question(Intent intent) {
  return intent == Intent::tasks || intent == Intent::catalog || intent == Intent::points ||
         intent == Intent::ranking || intent == Intent::tickets || intent == Intent::progress ||
         intent == Intent::stats || intent == Intent::help;
}

bool starts_an_ordinary_word(std::string_view body) {
  return starts_with_any(IndexedWords::not_commands, body);
}

std::optional<Command> read_command(std::string_view line, const Command& base, const ParseContext& context,
                                    int wrappers_left = 3);

// Tries the rules at the start of `body`, longest keyword first; the first whose words fit wins.
// Failing that, the same past the words people wrap a command in ("我要报名", "麻烦签到一下",
// "12号我去不了了"): at most three of them, so a sentence is not read as a command by peeling it.
std::optional<Command> try_rules(std::string_view body, const Lead& lead, const Command& base,
                                 const ParseContext& context, int wrappers_left = 3) {
  if (starts_an_ordinary_word(body)) return std::nullopt;
  for (const IntentRule* rule : rules_by_first_character(body)) {
    if (!starts_with_at(body, 0, rule->keyword)) continue;
    // A ticket is written as one before its command ("T5 已处理", "5号工单 接单"); a bare number
    // there is a task ("#12 满意" is no rating).
    // "1号我来", "1号算我一个", "1号不能去了": a volunteer's own words after the task's number.
    const bool own_words_after_number =
        lead.marked && rule->arguments == Arguments::whole_line &&
        (rule->intent == Intent::report_in || rule->intent == Intent::withdraw);
    if (lead.has_reference && (lead.is_ticket ? !takes_ticket(rule->arguments)
                                              : !(takes_task(rule->arguments) || own_words_after_number)))
      continue;
    if (!lead.people.empty() && !takes_people(rule->arguments)) continue;
    if (lead.month && rule->arguments != Arguments::month) continue;
    if (lead.own_group && rule->intent != Intent::ranking) continue;
    if (!lead.more_tickets.empty() && !acts_on_tickets_listed(rule->intent)) continue;
    Command command = base;
    command.intent = rule->intent;
    command.mentions = lead.people;
    // "帮@王阿姨 报到 12", "替@张三 请假 1": asked for the people before it.
    command.on_behalf =
        command.on_behalf || ((rule->intent == Intent::report_in || rule->intent == Intent::withdraw ||
                               rule->intent == Intent::check_in || rule->intent == Intent::check_out) &&
                              !lead.people.empty());
    command.month = lead.month;
    if (lead.has_reference) (takes_ticket(rule->arguments) ? command.ticket : command.task) = lead.number;
    if (!lead.more_tickets.empty()) command.more_tickets = lead.more_tickets;
    const std::string_view rest = body.substr(rule->keyword.size());
    const ArgumentInput input{*rule, rest, context, lead.has_reference};
    // A question how points work, or how to volunteer, is about them by its nature ("积分怎么算的",
    // "我能当志愿者吗").
    if (read_arguments(input, command) &&
        (rule->extra == "points_rules" || rule->extra == "volunteering" ||
         asks_for_the_taking_back(rest, *rule) || !talks_about_it(rest, command))) {
      // "我妈也要报名", "帮王阿姨报个名" with no number: said among neighbours of any sign-up (a class, a
      // trip); answered only where a task is open (a review of stop 65).
      if (lead.typed_person && !command.task) command.implicit = true;
      return command;
    }
  }
  if (wrappers_left == 0) return std::nullopt;
  for (const std::string_view wrapper : words_starting(IndexedWords::wrappers, body)) {
    std::size_t next = skip_separators(body, wrapper.size());
    // "收到！我来", "收到。我来": a sentence ends after an acknowledgement.
    while (next < body.size() && (body[next] == '!' || body[next] == '.' || starts_with_at(body, next, "。")))
      next = skip_separators(body, next + (body[next] == '!' || body[next] == '.' ? 1 : 3));
    if (next >= body.size()) continue;
    // Past a wrapper the reference or person may still come first ("嗯十七号签到码", "帮我给@张三
    // 加5分"); after a reference, the wrapper stands between it and the command ("12号我去不了了").
    auto command = lead.end > 0 ? try_rules(body.substr(next), lead, base, context, wrappers_left - 1)
                                : read_command(body.substr(next), base, context, wrappers_left - 1);
    // "先走了 签退 1", "来晚了 签到": what happened, then a command word. A reply that counts only
    // where it fits ("我先走了 1", "先走了 打卡", "抱歉 退出") is talk after these (a review, 2026-12-06).
    if (command && command->implicit && tells_what_happened(wrapper) &&
        !(command->intent == Intent::withdraw && says_cannot_come(body.substr(next))))
      continue;
    // After them only a sign-up that says so counts: "可以报名了", "可以签到了", "没问题 签到" announce, and
    // had signed up or checked in the leader who said them (the final read, 2026-12-07).
    if (command && answers_a_question(wrapper) &&
        !(command->intent == Intent::report_in && says_sign_up(body.substr(next)) &&
          !without_end_punctuation(body.substr(next)).ends_with("了")))
      continue;
    // "阿姨好我想报名", not "阿姨 1" nor "阿姨 排行" (said to a neighbour).
    if (command && addresses_a_person(wrapper) && !speaks_of_own_place(command->intent, body.substr(next)))
      continue;
    // "到了 报到" on site: 报到 said for 签到 by someone who has come (stop 61's regression hunt: "你已
    // 报到", and no check-in). The handler makes it the check-in of someone already in on the day; from
    // anyone else it stays a report-in (a review, 2026-12-07: a newcomer was told "请先报到").
    if (command && says_arrived(wrapper) && command->intent == Intent::report_in && !command->implicit &&
        says_report_in_word(body.substr(next)))
      command->arrived = true;
    if (command) return command;
  }
  // "周六来不了了", "周三晚上我来", "明天几点集合": a day said first (day_first.cpp). Not past a task's
  // number or a date read as one ("28号晚上我来" is the 28th's evening, not tonight's; a review of stop 66).
  if (lead.end == 0 && begins_with_a_day(body)) {
    const ClauseReader read_plain = [&base, &context](std::string_view rest) {
      return read_command(rest, base, context, 0);
    };
    const ClauseReader read_withdrawal = [&base, &context, wrappers_left](std::string_view rest) {
      return read_command(rest, base, context, wrappers_left - 1);
    };
    if (auto command = command_after_a_day(body, base, TimeContext{context.now, context.utc_offset_seconds},
                                           read_plain, read_withdrawal))
      return command;
  }
  // "请问还有名额吗", "请问我有多少积分": a polite question. Past 请问 only a question is read:
  // "请问投诉找谁" asks whom to complain to, and as a 投诉 it opened a ticket titled 找谁.
  if (starts_with_at(body, 0, "请问")) {
    const std::size_t next = skip_separators(body, std::string_view("请问").size());
    if (next < body.size()) {
      auto command = read_command(body.substr(next), base, context, wrappers_left - 1);
      if (command && is_a_question(command->intent)) return command;
    }
  }
  return std::nullopt;
}

// The rules after what may lead them ("12号任务结束", "给@老赵 加3分", "上月排行"), then at the
// very start.
std::optional<Command> read_command(std::string_view line, const Command& base, const ParseContext& context,
                                    int wrappers_left) {
  const Lead lead = read_lead(line, context);
  // "我们单元第几名": 第几 alone is a race's or an exam's, of a group named the ranking's.
  if (lead.own_group && starts_with_at(line, lead.end, "第几")) {
    Command command = base;
    command.intent = Intent::ranking;
    command.month = lead.month;
    return command;
  }
  if (lead.end > 0) {
    // "12号任务取消" calls the task off (where "12号 取消" frees a place): a noun the reference
    // ends with may begin the command word, so that reading comes first.
    if (lead.noun_start > 0) {
      if (auto command = try_rules(line.substr(lead.noun_start), lead, base, context, wrappers_left))
        return command;
    }
    if (auto command = try_rules(line.substr(lead.end), lead, base, context, wrappers_left)) return command;
  }
  return try_rules(line, Lead{}, base, context, wrappers_left);
}

constexpr std::size_t kMaxBracketedBytes = 24;

// The line from where its command may start: past the people it is addressed to (the bot under
// any name, @所有人, anyone mentioned before the command) and the decoration of a command word
// ("#报到", "【吹哨】"). "#12" stays: it is a reference.
std::string command_body(std::string_view text) {
  std::size_t at = 0;
  for (bool moved = true; moved;) {
    moved = false;
    const std::size_t next = skip_separators(text, at);
    if (next < text.size() && text[next] == '@') {
      const std::size_t end = leading_mention_end(text, next);
      if (end > next) {
        at = end;
        moved = true;
        continue;
      }
    }
    // "🙋 报名", "😀😀 报到": emoji before the command word are decoration.
    if (next < text.size() && is_emoji(decode_utf8(text, next).value)) {
      at = next + decode_utf8(text, next).length;
      moved = true;
      continue;
    }
    if (next < text.size() && text[next] == '#' && !read_task_reference(text, next) &&
        !read_ticket_reference(text, next, false)) {
      at = next + 1;
      moved = true;
      continue;
    }
    at = next;
  }
  std::string body(text.substr(at));
  for (const auto& [open, close] : vocabulary().brackets) {
    if (!starts_with_at(body, 0, open)) continue;
    const std::size_t closing = body.find(close);
    // A bracket that closes within a few words holds a command word ("【吹哨】"); a longer one is
    // a heading, read as it is.
    if (closing == std::string::npos || closing > kMaxBracketedBytes) break;
    body.replace(closing, close.size(), " ");
    body.erase(0, open.size());
    break;
  }
  return std::string(trim_spaces(body));
}

// A whistle pasted as a labelled form with no command word: it must name what is to be done and
// how many are wanted. A notice has the same labels (内容：义诊 时间：周六 地点：广场) but asks
// nobody to come, and is no task.
std::optional<Command> read_pasted_whistle(std::string_view body, const Command& base,
                                           const ParseContext& context) {
  if (body.find(':') == std::string_view::npos) return std::nullopt;  // every label has its colon
  Command command = base;
  const LabelledForm form = read_labelled_form(body, LabelSeparator::colon, context, command);
  if (!form.has_title || !form.has_count) return std::nullopt;
  // The whistle rule reads it as if 吹哨 stood before it.
  for (const IntentRule& rule : intent_rules()) {
    if (rule.arguments != Arguments::whistle) continue;
    command = base;
    command.intent = rule.intent;
    if (read_arguments(ArgumentInput{rule, body, context, false}, command)) return command;
    break;
  }
  return std::nullopt;
}

// A line with a danger word and no command: a danger report, whoever says it and however.
Command danger_report(std::string_view body, const Command& base, const ParseContext& context) {
  Command command = base;
  command.intent = Intent::ticket;
  command.kind = TicketKind::danger;
  // Said in a group to the others, not to the bot: the handler answers it only when addressed or
  // in private (the design's danger rule).
  command.implicit = true;
  if (const auto place = find_place(body, context.place_names)) command.place = place->name;
  // The words stay as written, punctuation too: "3号楼有煤气味!".
  command.title = std::string(trim_spaces(body));
  return command;
}

// "不行了，电梯里有人被困了", "换煤气罐的时候闻到煤气味": a line read as a rating, a redemption, a
// check-in or a bare reply that reports a danger is the danger report: the leader must hear of it.
Command danger_first(Command command, std::string_view body, const Command& base,
                     const ParseContext& context) {
  const bool loose = command.implicit || command.intent == Intent::rate || command.intent == Intent::redeem ||
                     command.intent == Intent::check_in;
  if (loose && contains_danger_word(body)) return danger_report(body, base, context);
  return command;
}

// "@张三 加2分 垃圾分类督导": people mentioned before 加分/扣分, with none after it, are the ones it
// pays; "@刘阿姨 2号不用来了": the ones sent home. Elsewhere a mention before the command only
// addresses someone ("@张三 报到了吗").
Command with_leading_people(Command command, std::string_view text, std::string_view body,
                            const ParseContext& context) {
  const bool sends_home = command.intent == Intent::cancel && body.find("不用来") != std::string_view::npos;
  if ((command.intent != Intent::adjust && !sends_home) || !command.mentions.empty()) return command;
  // "@李网格长 加5分给昨天帮忙的志愿者，你统计一下": the points are for others, the mention addresses.
  if (command.reason) {
    const std::string_view reason = *command.reason;
    for (const std::string_view other : {"给", "为", "你", "大家", "志愿者", "他们"}) {
      if (reason.find(other) != std::string_view::npos) return command;
    }
  }
  const std::size_t body_at = body.empty() ? std::string_view::npos : text.find(body);
  if (body_at == std::string_view::npos || body_at == 0) return command;
  std::string lead(text.substr(0, body_at));
  add_mentions(command, lead, context);
  return command;
}

// "请各网格长转发到各楼栋群：\n吹哨 …": a line or two of preface above a whistle that leads its own
// line. Only a whistle is looked for there: other commands lower down are quoted, not given.
std::optional<Command> whistle_below_a_preface(const std::string& body, const Command& base,
                                               const ParseContext& context) {
  for (std::size_t at = body.find('\n'); at != std::string::npos; at = body.find('\n', at + 1)) {
    std::string rest = body.substr(at + 1);
    const std::string first = command_body(std::string_view(rest).substr(0, rest.find('\n')));
    const std::vector<const IntentRule*> rules = rules_starting(first);
    if (std::none_of(rules.begin(), rules.end(),
                     [](const IntentRule* rule) { return rule->intent == Intent::whistle; }))
      continue;
    std::replace(rest.begin(), rest.end(), '\n', ' ');
    std::optional<Command> command = read_command(command_body(rest), base, context);
    if (command && command->intent == Intent::whistle) return command;
  }
  return std::nullopt;
}

// "还没人报名吗？我报一个", "还有名额吗？我报名": a question about this group's tasks, then the asker's
// own sign-up (stop 61's review: shown the list, not signed up).
std::optional<Command> sign_up_after_question(std::string_view body, const std::optional<Command>& question,
                                              const Command& base, const ParseContext& context) {
  const std::size_t mark = body.rfind('?');
  if (mark == std::string_view::npos) return std::nullopt;
  // Only a question about this group's tasks ("还有名额吗", "还没人报名吗"): after "孩子夏令营报名了吗？"
  // or "广场舞比赛谁参加？" a 我报名 is about those (a review, 2026-12-07: they filled the task).
  if (!question || question->intent != Intent::tasks) return std::nullopt;
  const std::string_view after = trim_spaces(body.substr(mark + 1));
  if (after.empty()) return std::nullopt;
  std::optional<Command> sign_up = read_command(after, base, context);
  if (!sign_up || sign_up->intent != Intent::report_in) return std::nullopt;
  // Said in the talk as the question was: nothing open, no answer (a review, 2026-12-07).
  sign_up->implicit = true;
  return sign_up;
}

Command read_normalized(NormalizedText normalized, const ParseContext& context) {
  Command base;
  base.addressed = normalized.addressed;
  base.text = std::move(normalized.text);
  const std::string body = command_body(base.text);

  // The bot's own post quoted or copied ("【吹哨#1】清理楼道…\n1. 张三"): a 接龙 on task 1 when a
  // name was added, else talk about it ("【吹哨#1】收到请大家积极报名") — never a new whistle.
  if (const std::optional<std::int64_t> quoted = quoted_task_post(base.text)) {
    std::optional<JielongList> list = read_jielong_list(body, true);
    // Under the bot's own post, it is that task's list whatever an entry brings.
    if (list) list->counts_goods = false;
    if (list && is_a_sign_up_list(body, *list)) return jielong_sign_up(base, std::move(list->name), quoted);
    return base;
  }

  // A first line that is a command by itself outranks a 接龙 reading (a whistle may well list its
  // steps "1. … 2. …"); a 接龙 header such as "报名接龙" is no command and does not.
  const std::size_t line_break = body.find('\n');
  if (line_break == std::string::npos) {
    std::optional<Command> command = read_command(body, base, context);
    // "张三+1": only when nothing else reads it, and never a danger ("救命+1", "电梯困人+1") nor a command
    // ("签到+1": the final read of stop 68).
    if (!command && !contains_danger_word(body)) {
      if (std::optional<std::string> name = name_with_plus_one(body)) {
        Command sign_up = jielong_sign_up(base, std::move(*name), std::nullopt);
        sign_up.name_plus_one = true;
        return sign_up;
      }
    }
    if (auto sign_up = sign_up_after_question(body, command, base, context)) command = std::move(sign_up);
    // "我和孩子一起去", "我和我弟都报名": the speaker's sign-up; the handler asks the other to report in.
    if (!command && goes_with_family(body, base.addressed)) {
      command = base;
      command->intent = Intent::report_in;
      command->implicit = true;
    }
    if (!command) {
      const ClauseReader read = [&base, &context](std::string_view clause) {
        return read_command(clause, base, context, 0);
      };
      command = own_command_after_a_clause(body, read, TimeContext{context.now, context.utc_offset_seconds});
      if (!command) command = leader_step_after_a_clause(body, read);
      const TimeContext time{context.now, context.utc_offset_seconds};
      if (!command) command = read_rota_line(body, base, time);
      if (!command) command = read_year_points(body, base, time);
    }
    if (command) take_day_from_reason(*command, TimeContext{context.now, context.utc_offset_seconds});
    if (command && command->intent == Intent::report_in && command->reason &&
        names_an_honour(*command->reason))
      return base;
    if (command)
      return danger_first(with_leading_people(std::move(*command), base.text, body, context), body, base,
                          context);
  } else if (const auto first = read_command(std::string_view(body).substr(0, line_break), base, context);
             !first || is_sign_up_header(*first)) {
    std::optional<JielongList> list = read_jielong_list(body);
    // "报名\n1. 张三 车厘子2箱": a group buy under a bare 报名 is no sign-up, nor a 报到 over two lines.
    if (list && first && !is_a_sign_up_list(body, *list)) return base;
    if (list && is_a_sign_up_list(body, *list)) {
      // A pasted notice that opens its own 接龙 ("事项：… 人数：4人\n接龙：\n1. 冯单元长") is the whistle;
      // the handler makes it the sign-up of a first volunteer who may not whistle.
      if (list->entries == 1 && list->headed && (list->names || list->says_jielong)) {
        if (auto pasted =
                read_pasted_whistle(std::string_view(body).substr(0, list->starts_at), base, context)) {
          pasted->jielong_name = std::move(list->name);
          return std::move(*pasted);
        }
      }
      return jielong_sign_up(base, std::move(list->name), jielong_task(body));
    }
  } else if (first->intent == Intent::whistle) {
    // A whistle that opens a 接龙 ("…5人 10分\n接龙报名：\n1. 陈单元长"): its list is no part of the
    // task's title. Copied and extended by a volunteer (two names or more), it is their sign-up;
    // its one name, from someone who may not whistle, is the first volunteer's (the handler's
    // call). Steps under "报名须知：" or no header ("1. 带扫帚 2. 带手套") are the task's own.
    if (std::optional<JielongList> list = read_jielong_list(body);
        list && list->headed && (list->names || list->says_jielong) && is_a_sign_up_list(body, *list)) {
      if (list->entries >= 2) return jielong_sign_up(base, std::move(list->name), jielong_task(body));
      std::string whistle = body.substr(0, list->starts_at);
      std::replace(whistle.begin(), whistle.end(), '\n', ' ');
      if (auto command = read_command(whistle, base, context)) {
        command->jielong_name = std::move(list->name);
        return std::move(*command);
      }
    } else if (const std::optional<std::size_t> header = empty_jielong_header(body)) {
      // "…10分\n接龙报名：" with no name yet: the header is no part of the title either.
      std::string whistle = body.substr(0, *header);
      std::replace(whistle.begin(), whistle.end(), '\n', ' ');
      if (auto command = read_command(whistle, base, context)) return std::move(*command);
    }
  }

  // A command may run over several lines ("吹哨 清理楼道\n5人 周六上午9点"): read them as one.
  if (line_break != std::string::npos) {
    std::string line = body;
    std::replace(line.begin(), line.end(), '\n', ' ');
    if (auto command = read_command(line, base, context))
      return danger_first(std::move(*command), line, base, context);
  }
  if (line_break != std::string::npos) {
    if (auto command = whistle_below_a_preface(body, base, context)) return std::move(*command);
  }
  if (auto command = read_pasted_whistle(body, base, context)) return std::move(*command);
  if (contains_danger_word(body)) return danger_report(body, base, context);
  return base;
}

Command parse(std::string_view text, const ParseContext& context) {
  NormalizedText normalized = normalize(text, context.bot_names);
  const std::string quoted = std::move(normalized.quoted);
  const bool quotes_bot = normalized.quotes_bot;
  if (quotes_bot && !normalized.addressed) {
    // Under the bot's own post the words are read as said to it ("明天有事 去不了了" withdraws, as with
    // @吹哨: the final read of stop 68); what that reading cannot place is the neighbours' talk.
    NormalizedText to_the_bot = normalized;
    to_the_bot.addressed = true;
    Command command = read_normalized(std::move(to_the_bot), context);
    if (command.intent == Intent::unknown) command = read_normalized(std::move(normalized), context);
    read_as_answer_to_post(command, quoted);
    return command;
  }
  Command command = read_normalized(std::move(normalized), context);
  if (quoted.empty()) return command;
  if (quotes_bot) {
    read_as_answer_to_post(command, quoted);
    return command;
  }
  // "「刘阿姨：楼道里有股煤气味」 我也闻到了": a neighbour's danger borne out is the danger told again; a
  // quoted danger answered otherwise ("没有 是烧烤") is not.
  if (command.intent == Intent::unknown && bears_out(command.text) && contains_danger_word(quoted))
    return danger_report(quoted + " " + command.text, command, context);
  return command;
}

}  // namespace

std::vector<std::string> normalized_bot_names(const std::vector<std::string>& names) {
  std::vector<std::string> normalized;
  for (const std::string& name : names) {
    std::string folded = normalize_characters(name);
    if (!folded.empty()) normalized.push_back(std::move(folded));
  }
  return normalized;
}

namespace {

// "你好吹哨 …", "您好吹哨 …": the greeting glued to the short name, set apart from what follows.
bool greeted_by_name(std::string_view text) {
  for (const std::string_view greeting : {"你好吹哨", "您好吹哨"}) {
    if (text.starts_with(greeting) && text.size() > greeting.size() &&
        (text[greeting.size()] == ' ' || text[greeting.size()] == ','))
      return true;
  }
  return false;
}

// "吹哨，在吗", "吹哨 我有多少积分", "吹哨啥时候开始": the bot's name typed without "@" before a
// question, not a whistle. Read as one, each posted a task with no time and no count that residents'
// "1" then signed up to (an exploratory run, 2026-12-06). A whistle names what is to be done; one
// that names no time, count, points or place and whose words ask something is the bot being asked.
bool asks_the_bot_by_name(const Command& command) {
  if (command.intent != Intent::whistle || command.start || command.end || command.count || command.points ||
      command.place || command.jielong_name || !command.title)
    return false;
  // "你好吹哨 我想报名": the short name run on from a greeting calls the bot (an exploratory run of the
  // winter holiday, stop 69: a pupil was told only leaders may whistle). Its slots make it a whistle
  // still ("你好吹哨 明天上午扫雪 5人": the review after).
  if (greeted_by_name(command.text)) return true;
  if (!command.text.starts_with("吹哨")) return false;
  // Not 谁 nor 吧: "吹哨 谁来帮忙搬桌子", "吹哨 大家来搬桌子吧" call for volunteers. A particle only at
  // the end: "吹哨 这么多落叶 大家一起来扫扫" holds a 么 and asks nothing. And a leader's call put as a
  // question ("扫雪 多少人都行", "楼道堆物清理 有空的来吗", "给老人送饭 有谁愿意吗") is still a whistle.
  constexpr std::string_view kAskingWords[] = {"?", "多少", "什么", "怎么", "啥", "几点", "你好", "您好"};
  constexpr std::string_view kAskingEnds[] = {"吗", "么", "嘛", "呢"};
  constexpr std::string_view kCallWords[] = {"来", "帮",   "扫",   "清",   "搬",   "送",   "铲",
                                             "巡", "报名", "愿意", "行动", "参加", "志愿", "人都行"};
  const std::string_view title = *command.title;
  const std::string_view said = without_end_punctuation(title);
  const auto holds = [title](std::string_view word) { return title.find(word) != std::string_view::npos; };
  if (std::any_of(std::begin(kCallWords), std::end(kCallWords), holds)) return false;
  return std::any_of(std::begin(kAskingWords), std::end(kAskingWords), holds) ||
         std::any_of(std::begin(kAskingEnds), std::end(kAskingEnds),
                     [said](std::string_view end) { return said.ends_with(end); });
}

}  // namespace

Command parse_command(std::string_view text, const ParseContext& context) {
  Command command = parse(text, context);
  // "吹哨 救命 老伴摔倒了": the bot called by its command word in distress (an exploratory run of
  // emergencies, 2026-12-07: refused as a whistle from someone who may not whistle). A whistle names
  // a count, a time or points; one that names none and tells of a danger is the danger.
  // A call for volunteers stays one ("吹哨 快来人 帮忙扫雪", "吹哨 5号楼王大爷走丢了 有空的邻居帮忙找一下":
  // a review of 2026-12-07 found both opened as dangers).
  static constexpr std::string_view kCallsForVolunteers[] = {
      "帮忙", "有空", "邻居", "大家", "志愿", "报名", "一起", "扫", "找一下", "帮着找", "搬", "清理"};
  const auto calls_volunteers = [](std::string_view title) {
    return std::any_of(std::begin(kCallsForVolunteers), std::end(kCallsForVolunteers),
                       [title](std::string_view word) { return title.find(word) != std::string_view::npos; });
  };
  // A fire, a fall or gas is the danger all the same ("吹哨 救命 我家着火了 大家快来帮忙": the review
  // after found it refused as a whistle again).
  const std::optional<DangerFound> found =
      command.intent == Intent::whistle && command.title ? danger_in(*command.title) : std::nullopt;
  const bool a_call_only = found && (found->kind == DangerKind::other || found->kind == DangerKind::missing ||
                                     found->kind == DangerKind::unanswered);
  if (found && !command.count && !command.start && !command.end && !command.points &&
      !(a_call_only && calls_volunteers(*command.title))) {
    Command danger = danger_report(*command.title, command, context);
    danger.addressed = true;
    return danger;
  }
  if (!asks_the_bot_by_name(command)) return command;
  // What follows the name, said to the bot.
  const std::size_t name = command.text.find("吹哨");
  const std::string_view rest = std::string_view(command.text).substr(name + std::string_view("吹哨").size());
  Command asked = parse(rest.substr(skip_separators(rest, 0)), context);
  asked.addressed = true;
  return asked;
}

}  // namespace whistle::language
