#include "handlers/confirm.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <string>

#include "handlers/attendance_jobs.hpp"
#include "handlers/attendance_pay.hpp"
#include "handlers/language/intent_table.hpp"
#include "handlers/language/references.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/language/utf8.hpp"
#include "handlers/named_people.hpp"
#include "handlers/numbers_listed.hpp"
#include "handlers/people_names.hpp"
#include "handlers/points.hpp"
#include "handlers/rights.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"

namespace whistle::handlers {

namespace {

using Values = std::vector<std::pair<std::string_view, std::string>>;

// What one confirmation found, person by person, for the replies.
struct Outcome {
  std::vector<std::string> paid;
  std::map<std::string, std::int64_t> paid_points;  // what each was paid: less after a taking back
  std::vector<std::string> already;
  std::vector<std::string> flagged;  // "张三（签到时长不足）"
  std::vector<std::string> no_check_in;
  std::vector<std::string> on_site;        // checked in, not out, while the task still runs
  std::vector<std::string> not_signed_up;  // display names
  std::vector<std::string> unknown;        // names as typed
  std::vector<std::string> namesakes;      // names as typed that several people answer to
  std::vector<std::string> own_word;       // the sender, named without a check-in of their own
  std::vector<std::string> refused;
  // 不予确认 of someone who never checked in: a no-show (失约), as the task's end would record.
  std::vector<std::string> missed;
  std::vector<std::string> missed_already;  // recorded before, by the task's end or a leader
  // 不予确认 of someone already paid: the pay taken back, person by person ("张三（扣回5分、2小时）").
  std::vector<std::string> taken_back;
  std::vector<std::string> not_confirmed;  // named by 撤销确认 without a pay to take back
  bool balance_short = false;  // some could not be taken back whole: a balance is no group's business
  // Paid after their month's 公示: counted in this month instead (the month shown stays as shown).
  std::vector<std::string> after_publication;
  std::string_view already_key = "confirm_note_already";
};

std::string task_ref(const store::Task& task) {
  return std::to_string(task.number);
}

Reply no_right(Context& context, const store::Task& task, Intent intent) {
  std::vector<std::string> people{task.creator};
  for (std::string& leader : leaders_up_from(context, task.node)) {
    if (std::find(people.begin(), people.end(), leader) == people.end()) people.push_back(std::move(leader));
  }
  const std::optional<store::OrgNode> node = context.org.node(task.node);
  return reply_to_sender(
      context,
      context.text("confirm_no_right", {{"task", task_ref(task)},
                                        {"mention", mention_of(context.people, context.message.sender)},
                                        {"node", node ? node->name : task.node},
                                        {"action", command_word(context, intent)},
                                        {"people", names_of(context, people)}}));
}

// The task a confirmation or refusal is about, once the sender may act on it and it can be
// settled; otherwise the replies that say why not.
std::optional<store::Task> settleable_task(Context& context, const Command& command, Intent intent,
                                           std::vector<Reply>& replies) {
  TaskQuery query;
  query.intent = intent;
  query.nothing_key = "confirm_nothing_open";
  TaskChoice choice = choose_task(context, command, query);
  if (!choice.task) {
    replies = std::move(choice.replies);
    return std::nullopt;
  }
  const store::Task& task = *choice.task;
  const std::string mention = mention_of(context.people, context.message.sender);
  if (!may_close_task(context, context.message.sender, task)) {
    replies.push_back(no_right(context, task, intent));
    return std::nullopt;
  }
  if (task.status == store::TaskStatus::cancelled) {
    replies.push_back(reply_to_sender(
        context, context.text("confirm_cancelled", {{"task", task_ref(task)}, {"mention", mention}})));
    return std::nullopt;
  }
  // Nobody can have worked on a task that has not begun; the server's clock decides.
  if (task.start && context.now < *task.start) {
    replies.push_back(reply_to_sender(
        context,
        context.text("confirm_not_started", {{"task", task_ref(task)},
                                             {"mention", mention},
                                             {"when", task_when_text(context, task, context.now)}})));
    return std::nullopt;
  }
  return choice.task;
}

// Signed-up people, and anyone else who checked in and is still in line (someone a smaller head
// count moved to the waitlist after they came). A withdrawn signup is nobody's to pay.
std::vector<std::string> participants(Context& context, const store::Task& task) {
  std::vector<std::string> people;
  for (const store::Signup& signup : context.signups.active(task.id)) {
    if (signup.state == store::SignupState::signed_up) people.push_back(signup.person);
  }
  for (const store::Attendance& row : context.attendance.of_task(task.id)) {
    const std::optional<store::Signup> signup = context.signups.find(task.id, row.person);
    const bool withdrawn = signup && signup->state == store::SignupState::withdrawn;
    if (row.checked_in_at && !withdrawn &&
        std::find(people.begin(), people.end(), row.person) == people.end())
      people.push_back(row.person);
  }
  return people;
}

// "确认 1 刘阿姨 何大爷": the task's people named without "@", each a word of its own. Read as named
// only when every word is the name of one of them: "确认 1 辛苦大家了" is a reason. The names were
// dropped and everyone confirmed, 何大爷's vouch lost (an exploratory run of newcomers, 2026-12-06).
std::optional<std::vector<std::string>> names_without_at(Context& context, const Command& command,
                                                         const std::vector<std::string>& people) {
  if (!command.mentions.empty() || !command.reason) return std::nullopt;
  std::vector<std::string> words;
  const std::string_view reason = *command.reason;
  for (std::size_t at = language::skip_separators(reason, 0); at < reason.size();) {
    std::size_t end = at;
    while (end < reason.size() && language::skip_separators(reason, end) == end)
      end += std::max<std::size_t>(language::decode_utf8(reason, end).length, 1);
    words.emplace_back(reason.substr(at, end - at));
    at = language::skip_separators(reason, end);
  }
  if (words.empty()) return std::nullopt;
  // A name of the community's who is not on the task ("确认 1 何大爷 王书记") is still a name: the
  // confirmation refuses them by name, rather than read every name as a reason (a second review).
  bool one_on_the_task = false;
  for (const std::string& name : words) {
    const bool on_task = std::any_of(people.begin(), people.end(), [&](const std::string& person) {
      return name_as_given(context.people, person) == name;
    });
    one_on_the_task = one_on_the_task || on_task;
    if (!on_task && (!context.community || context.people.find_by_name(*context.community, name).empty()))
      return std::nullopt;
  }
  if (!one_on_the_task) return std::nullopt;
  return words;
}

// "确认1和2 张三": numbers and names in one line. Which task the names are of is unclear, so it is
// asked to be said apart; read as 验收 1 it paid someone not named (a second review, 2026-12-06).
bool numbers_and_names(const Command& command) {
  if (!command.task || !command.reason || !further_task_numbers(command).empty()) return false;
  const std::string_view words = *command.reason;
  std::size_t at = language::skip_separators(words, 0);
  if (language::starts_with_at(words, at, "和"))
    at = language::skip_separators(words, at + std::string_view("和").size());
  const auto reference = language::read_task_reference(words, at);
  return reference && reference->number;
}

bool is_participant(const std::vector<std::string>& people, const std::string& person) {
  return std::find(people.begin(), people.end(), person) != people.end();
}

std::string flagged_item(Context& context, const std::string& person, const std::string& why) {
  return context.text("confirm_flagged_item", {{"name", display_name(context.people, person)}, {"why", why}});
}

std::string short_stay_without_check_out(Context& context, const store::Task& task, std::int64_t in) {
  const Stay stay = stay_of(task, in, *task.end);
  return context.text("short_stay_no_check_out_flag",
                      {{"clock", local_clock_text(context, in)},
                       {"minutes", std::to_string(stay.seconds / 60)},
                       {"ratio", std::to_string(std::lround(context.config.rules.min_stay_ratio * 100))}});
}

void record_pay(Outcome& outcome, const std::string& person, const Paid& paid) {
  outcome.paid.push_back(person);
  outcome.paid_points[person] = paid.points;
  if (paid.after_publication) outcome.after_publication.push_back(person);
}

// 验收: everyone checked in whose stay nobody flagged; the rest is listed for the leader.
void confirm_everyone(Context& context, const store::Task& task, Outcome& outcome) {
  for (const std::string& person : participants(context, task)) {
    const std::optional<store::Attendance> attendance = context.attendance.find(task.id, person);
    if (already_paid(context, task, person, attendance)) {
      outcome.already.push_back(person);
    } else if (attendance && attendance->outcome == store::AttendanceOutcome::refused) {
      continue;  // a leader already said no; only a named 确认 overturns it
    } else if (attendance && attendance->flagged) {  // a short stay, or out without in
      outcome.flagged.push_back(flagged_item(context, person, *attendance->flagged));
    } else if (attendance && attendance->checked_in_at && !attendance->checked_out_at && task.end &&
               context.now < *task.end) {
      // Still on site: paying the scheduled length now would pay for time not yet served.
      outcome.on_site.push_back(person);
    } else if (attendance && attendance->checked_in_at && !attendance->checked_out_at && task.end &&
               is_short_stay(context, stay_of(task, *attendance->checked_in_at, *task.end))) {
      // In just before the end and never out: as short a stay as a check-out would have flagged.
      const std::string why = short_stay_without_check_out(context, task, *attendance->checked_in_at);
      context.attendance.flag(task.id, person, why);
      outcome.flagged.push_back(flagged_item(context, person, why));
    } else if (attendance && attendance->checked_in_at) {
      record_pay(outcome, person,
                 pay_attendance(context, task, person, context.message.sender, false, context.now));
    } else {
      outcome.no_check_in.push_back(person);
    }
  }
}

// 确认 @X: the leader's word pays a flagged stay or a missing check-in too (vouched).
void confirm_named(Context& context, const store::Task& task, const std::vector<NamedPerson>& named,
                   Outcome& outcome) {
  const std::vector<std::string> people = participants(context, task);
  for (const NamedPerson& one : named) {
    if (!one.id) {
      (one.namesakes > 1 ? outcome.namesakes : outcome.unknown).push_back(one.typed);
      continue;
    }
    const std::string& person = *one.id;
    if (!is_participant(people, person)) {
      outcome.not_signed_up.push_back(display_name(context.people, person));
      continue;
    }
    const std::optional<store::Attendance> attendance = context.attendance.find(task.id, person);
    if (already_paid(context, task, person, attendance)) {
      outcome.already.push_back(person);
      continue;
    }
    const bool vouched = !attendance || !attendance->checked_in_at || attendance->flagged.has_value();
    // A leader's word pays someone else: for their own no-show or short stay it would be 加分 to
    // themselves, which adjust refuses too. Another leader above them may vouch.
    if (vouched && person == context.message.sender) {
      outcome.own_word.push_back(person);
      continue;
    }
    record_pay(outcome, person,
               pay_attendance(context, task, person, context.message.sender, vouched, context.now));
  }
}

void add_line(Context& context, std::string& note, std::string_view key, const std::string& items) {
  note += '\n';
  note += context.text(key, {{"names", items}});
}

void append_replies(std::vector<Reply>& to, std::vector<Reply> more) {
  to.insert(to.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
}

// What the leader is told: who was settled where they cannot see it, and what is left to decide.
std::vector<Reply> leader_note(Context& context, const store::Task& task, const Outcome& outcome,
                               bool thanks_here) {
  std::string lines;
  if (!outcome.paid.empty() && !thanks_here)
    add_line(context, lines, "confirm_note_paid", names_of(context, outcome.paid));
  if (!outcome.already.empty())
    add_line(context, lines, outcome.already_key, names_of(context, outcome.already));
  if (!outcome.after_publication.empty())
    add_line(context, lines, "confirm_note_after_publication", names_of(context, outcome.after_publication));
  if (!outcome.refused.empty())
    add_line(context, lines, "refuse_note_done", names_of(context, outcome.refused));
  if (!outcome.missed.empty())
    add_line(context, lines, "refuse_note_no_show", names_of(context, outcome.missed));
  if (!outcome.missed_already.empty())
    add_line(context, lines, "refuse_note_no_show_already", names_of(context, outcome.missed_already));
  if (!outcome.taken_back.empty())
    add_line(context, lines, "refuse_note_taken_back", join_list(context, outcome.taken_back));
  if (!outcome.not_confirmed.empty())
    add_line(context, lines, "refuse_note_not_confirmed", names_of(context, outcome.not_confirmed));
  if (!outcome.flagged.empty())
    add_line(context, lines, "confirm_note_flagged", join_list(context, outcome.flagged));
  if (!outcome.no_check_in.empty())
    add_line(context, lines, "confirm_note_no_check_in", names_of(context, outcome.no_check_in));
  if (!outcome.on_site.empty())
    add_line(context, lines, "confirm_note_on_site", names_of(context, outcome.on_site));
  if (!outcome.not_signed_up.empty())
    add_line(context, lines, "confirm_note_not_signed_up", join_list(context, outcome.not_signed_up));
  if (!outcome.unknown.empty())
    add_line(context, lines, "confirm_note_unknown", join_list(context, outcome.unknown));
  if (!outcome.namesakes.empty())
    add_line(context, lines, "confirm_note_namesakes", join_list(context, outcome.namesakes));
  if (!outcome.own_word.empty())
    add_line(context, lines, "confirm_note_own_word", names_of(context, outcome.own_word));
  const bool nothing_done =
      outcome.paid.empty() && outcome.refused.empty() && outcome.missed.empty() && outcome.taken_back.empty();
  if (lines.empty() && !nothing_done) return {};
  if (lines.empty()) lines = "\n" + context.text("confirm_note_nobody");
  if (!outcome.flagged.empty() || !outcome.no_check_in.empty()) {
    lines += '\n';
    lines += context.text("confirm_note_how", {{"task", task_ref(task)}});
  }
  const std::string header =
      context.text("confirm_note_header", {{"task", task_ref(task)},
                                           {"title", task.title},
                                           {"mention", mention_of(context.people, context.message.sender)}});
  // Who did not check in and who left early, found by the bot rather than typed by the leader:
  // said to the leader, not to the group, which had read their names beside 没有签到. (What the
  // leader typed himself, 不予确认 @张三 签到后就走了, the group has read already.) So is a pay that
  // could not be taken back whole: it tells of the person's balance.
  const bool names_shortfalls =
      !outcome.flagged.empty() || !outcome.no_check_in.empty() || outcome.balance_short;
  if (names_shortfalls && !context.message.is_private) {
    const std::string& leader = context.message.sender;
    std::vector<Reply> replies;
    // Without a thank-you here the group answer says where the leader's answer went.
    if (!thanks_here) {
      replies.push_back(reply_to_sender(
          context,
          context.text("confirm_note_in_private",
                       {{"task", task_ref(task)}, {"mention", mention_of(context.people, leader)}})));
    }
    replies.push_back(Reply{private_chat_of(leader), header + lines, {leader}});
    return replies;
  }
  return {reply_to_sender(context, header + lines)};
}

std::string taken_back_item(Context& context, const store::Task& task, const std::string& person,
                            const TakenBack& back) {
  Values values{{"name", display_name(context.people, person)},
                {"points", std::to_string(back.points)},
                {"hours", hours_text(back.minutes)},
                {"short", std::to_string(back.short_by)}};
  if (back.short_by <= 0) return context.text("refuse_taken_back_item", values);
  // Points held by a redemption not yet collected come back if it is cancelled: the leader is told,
  // or a 取消兑换 would leave the person the points taken back short (a review, 2026-12-06).
  std::int64_t held = 0;
  for (const store::Redemption& redemption : context.redemptions.pending_of(task.community, person))
    held += redemption.points;
  if (held <= 0) return context.text("refuse_taken_back_item_short", values);
  values.emplace_back("held", std::to_string(held));
  return context.text("refuse_taken_back_item_held", values);
}

Reply thanks(Context& context, const store::Task& task, const Outcome& outcome) {
  const std::vector<std::string>& paid = outcome.paid;
  std::vector<std::string> items;
  for (const std::string& person : paid) {
    // The points written, which a pay taken back before may have made fewer than the task's.
    const auto written = outcome.paid_points.find(person);
    const std::int64_t points = written == outcome.paid_points.end() ? task.points : written->second;
    items.push_back(context.text("confirm_thanks_item", {{"mention", mention_of(context.people, person)},
                                                         {"points", std::to_string(points)}}));
  }
  // With no group of the task left bound, the thank-you is said where the leader confirmed.
  const std::string home = task_home_chat(context, task);
  return Reply{home.empty() ? context.message.chat : home,
               context.text("confirm_thanks", {{"task", task_ref(task)},
                                               {"title", task.title},
                                               {"people", join_list(context, items)},
                                               {"count", std::to_string(paid.size())}}),
               paid};
}

}  // namespace

// Words with which a 验收 line says someone did not come: "1号验收 @张三 没来", "除了@何大爷 其他都到了",
// "确认 1 @刘阿姨 不予确认 @何大爷". Paid as vouched they did the opposite of what was meant, and an
// append-only ledger does not take it back.
std::optional<std::string_view> says_someone_absent(const Command& command) {
  static constexpr std::array<std::string_view, 12> kAbsent{"没来",   "没到",   "未到",     "缺席",
                                                            "请假",   "除了",   "不予确认", "不确认",
                                                            "没有来", "没参加", "未参加",   "失约"};
  if (!command.reason) return std::nullopt;
  // "他没来得及签到" says why the leader vouches, not that he was absent.
  std::string reason = *command.reason;
  for (std::size_t at = reason.find("没来得及"); at != std::string::npos; at = reason.find("没来得及"))
    reason.erase(at, std::string_view("没来得及").size());
  for (const std::string_view word : kAbsent) {
    if (reason.find(word) != std::string::npos) return word;
  }
  return std::nullopt;
}

std::vector<Reply> handle_confirm(Context& context, const Command& command) {
  // "验收 1 2", "确认 1、2号": each task in turn (the newcomers' run: #2 was taken for a reason), before
  // any of them is looked at, so that one refused (not the sender's to settle) leaves the others
  // settled (the final read, 2026-12-06).
  if (auto each = for_each_task_listed(context, command, handle_confirm)) return std::move(*each);
  std::vector<Reply> replies;
  const std::optional<store::Task> task = settleable_task(context, command, Intent::confirm, replies);
  if (!task) return replies;
  if (const std::optional<std::string_view> absent = says_someone_absent(command)) {
    return {reply_to_sender(context, context.text("confirm_mixed", {{"task", task_ref(*task)},
                                                                    {"mention", sender_mention(context)},
                                                                    {"words", std::string(*absent)}}))};
  }

  if (numbers_and_names(command)) {
    return {reply_to_sender(context,
                            context.text("confirm_one_task_with_names",
                                         {{"mention", sender_mention(context)}, {"task", task_ref(*task)}}))};
  }
  Outcome outcome;
  const std::vector<std::string> people = participants(context, *task);
  Command named_command = command;
  if (std::optional<std::vector<std::string>> names = names_without_at(context, command, people)) {
    named_command.mentions = std::move(*names);
    named_command.reason.reset();
  }
  const std::vector<NamedPerson> named = named_people(context, named_command, people);
  if (named.empty()) {
    confirm_everyone(context, *task, outcome);
  } else {
    confirm_named(context, *task, named, outcome);
  }
  finish_when_settled(context, *task, context.now);

  // The sender's chat first: when it is the task's group the thank-you is the answer there.
  const std::string home = task_home_chat(context, *task);
  const bool thanks_here = !outcome.paid.empty() && (home.empty() || home == context.message.chat);
  if (thanks_here) replies.push_back(thanks(context, *task, outcome));
  append_replies(replies, leader_note(context, *task, outcome, thanks_here));
  if (!outcome.paid.empty() && !thanks_here) replies.push_back(thanks(context, *task, outcome));
  return replies;
}

namespace {

// "撤销确认 1 @张三", "确认错了 @张三": a confirmation taken back, said in the words that say why.
bool says_confirmed_by_mistake(const Command& command) {
  const std::string_view said = language::without_wrappers(command.text);
  for (const std::string_view words : {"取消确认", "撤销确认", "撤回确认", "确认错了", "验收错了"}) {
    if (said.starts_with(words)) return true;
  }
  return false;
}

// "取消确认 1 家里有事" from a volunteer: their own place, not a leader's pay taken back (a review,
// 2026-12-06: they were told only leaders may refuse, and stayed signed up).
bool volunteer_takes_back_own_place(Context& context, const Command& command) {
  return says_confirmed_by_mistake(command) && nodes_led_by(context, context.message.sender).empty();
}

}  // namespace

std::vector<Reply> handle_refuse(Context& context, const Command& command) {
  if (volunteer_takes_back_own_place(context, command)) {
    const std::string task =
        command.task ? std::to_string(*command.task) : context.text("refuse_own_place_number");
    return {reply_to_sender(
        context, context.text("refuse_own_place", {{"mention", sender_mention(context)}, {"task", task}}))};
  }
  std::vector<Reply> replies;
  const std::optional<store::Task> task = settleable_task(context, command, Intent::refuse, replies);
  if (!task) return replies;

  const std::vector<std::string> people = participants(context, *task);
  const std::vector<NamedPerson> named = named_people(context, command, people);
  const std::string mention = mention_of(context.people, context.message.sender);
  // The person is told why in private, so the why is required, as for 扣分 — except that 确认错了 and
  // 撤销确认 say it themselves (a review, 2026-12-06: they were asked for a reason).
  std::string reason = command.reason ? *command.reason : std::string();
  // The words' own reason fits only a pay taken back: someone never confirmed is not refused, nor
  // recorded 失约, on it (a final read, 2026-12-06).
  const bool only_pays = reason.empty() && says_confirmed_by_mistake(command);
  if (only_pays) reason = context.text("taken_back_default_why");
  if (named.empty() || reason.empty()) {
    return {reply_to_sender(context,
                            context.text("refuse_who", {{"task", task_ref(*task)}, {"mention", mention}}))};
  }

  Outcome outcome;
  outcome.already_key = "refuse_note_published";
  std::vector<std::pair<std::string, std::string>> penalties;  // the missed, with their penalty's words
  std::vector<std::pair<std::string, TakenBack>> paid_back;    // whose pay was taken back, and how much
  for (const NamedPerson& one : named) {
    if (!one.id) {
      (one.namesakes > 1 ? outcome.namesakes : outcome.unknown).push_back(one.typed);
      continue;
    }
    if (!is_participant(people, *one.id)) {
      outcome.not_signed_up.push_back(display_name(context.people, *one.id));
      continue;
    }
    const std::optional<store::Attendance> attendance = context.attendance.find(task->id, *one.id);
    if (already_paid(context, *task, *one.id, attendance)) {
      // Confirmed by mistake (验收 paid someone who was not there): the pay is taken back, unless
      // its month was published.
      const std::optional<TakenBack> back =
          take_back_pay(context, *task, *one.id, context.message.sender, reason, context.now);
      if (!back) {
        outcome.already.push_back(*one.id);
        continue;
      }
      outcome.taken_back.push_back(taken_back_item(context, *task, *one.id, *back));
      outcome.balance_short = outcome.balance_short || back->short_by > 0;
      paid_back.emplace_back(*one.id, *back);
    } else if (only_pays) {
      outcome.not_confirmed.push_back(*one.id);
    } else if (attendance && attendance->outcome == store::AttendanceOutcome::no_show) {
      outcome.missed_already.push_back(*one.id);
    } else if (!attendance || !attendance->checked_in_at) {
      // Refused as a stay, the no-show would leave the 失约 rate and be thanked by 结束.
      const std::string node = counting_node(context, *task, *one.id, attendance);
      penalties.emplace_back(
          *one.id, settle_no_show(context, *task, *one.id, node, context.message.sender, context.now));
      outcome.missed.push_back(*one.id);
    } else {
      refuse_attendance(context, *task, *one.id, context.message.sender, context.now);
      outcome.refused.push_back(*one.id);
    }
  }

  finish_when_settled(context, *task, context.now);
  append_replies(replies, leader_note(context, *task, outcome, false));
  // A refusal is told to the person alone: it is between them and the leader.
  const Values values{{"task", task_ref(*task)},
                      {"title", task->title},
                      {"reason", reason},
                      {"leader", display_name(context.people, context.message.sender)}};
  for (const std::string& person : outcome.refused) {
    replies.push_back(Reply{private_chat_of(person), context.text("refuse_private", values), {person}});
  }
  for (const auto& [person, back] : paid_back) {
    Values taken = values;
    taken.emplace_back("points", std::to_string(back.points));
    taken.emplace_back("hours", hours_text(back.minutes));
    replies.push_back(
        Reply{private_chat_of(person), context.text("refuse_private_taken_back", taken), {person}});
  }
  for (const auto& [person, penalty] : penalties) {
    Values missed = values;
    missed.emplace_back("penalty", penalty);
    replies.push_back(
        Reply{private_chat_of(person), context.text("refuse_private_no_show", missed), {person}});
  }
  return replies;
}

}  // namespace whistle::handlers
