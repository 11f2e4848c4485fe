#include "handlers/task_state.hpp"

#include <string_view>

#include "handlers/language/intent_table.hpp"
#include "handlers/language/references.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/people_names.hpp"
#include "handlers/rights.hpp"
#include "handlers/task_list_lines.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"

namespace whistle::handlers {

namespace {

// "请假 1？", "撤销 2？": the act the question is about, as typed, when it is one the asker may do on
// this open task; empty otherwise. Asked, it is not done (an exploratory run, 2026-12-06: 取消 1？
// withdrew the asker), so the answer says how (the next one: no hint how to act).
std::string act_asked_about(Context& context, const Command& command, const store::Task& task) {
  if (task.status != store::TaskStatus::open || task_is_over(task, context.now)) return {};
  // "1号要撤销吗": the act after the number and a 要.
  std::string_view words = command.text;
  if (const auto reference = language::read_task_reference(words, 0)) words = words.substr(reference->end);
  words = language::trim_spaces(words);
  if (words.starts_with("要")) words.remove_prefix(std::string_view("要").size());
  for (const language::IntentRule* rule : language::rules_starting(words)) {
    const bool withdraws = rule->intent == Intent::withdraw;
    const bool closes = rule->intent == Intent::cancel || rule->intent == Intent::finish;
    // "取消 1" calls a task off only when named as one ("取消1号任务"): for 取消 the withdrawal is meant.
    if ((!withdraws && !closes) || rule->extra == "named") continue;
    const std::string& person = context.message.sender;
    if (withdraws) {
      const std::optional<store::Signup> signup = context.signups.find(task.id, person);
      if (!signup || signup->state == store::SignupState::withdrawn) return {};
    } else if (!may_close_task(context, person, task)) {
      return {};
    } else if (rule->intent == Intent::finish && task.start && context.now < *task.start) {
      return {};  // ended before it began, everyone signed up would be a no-show: not suggested
    }
    return std::string(rule->keyword);
  }
  return {};
}

// "签到情况", "谁还没签到", "都到了吗": asked who came, not who signed up.
bool asks_who_came(std::string_view text) {
  return text.find("签到") != std::string_view::npos || text.find("都到了") != std::string_view::npos ||
         text.find("到了几个") != std::string_view::npos || text.find("到了多少") != std::string_view::npos ||
         text.find("没到") != std::string_view::npos;
}

// "1号谁报名了", "1号都有谁" from a leader of the task: who holds a place, and who waits. Others get
// the count only: a private signup is no one else's business.
std::string names_asked_for(Context& context, const Command& command, const store::Task& task) {
  const bool asks_who =
      asks_who_came(command.text) || command.text.find("谁") != std::string::npos ||
      command.text.find("哪些人") != std::string::npos || command.text.find("名单") != std::string::npos ||
      command.text.find("报名情况") != std::string::npos || command.text.find("报名表") != std::string::npos;
  // Of a task called off, nobody is coming: no names (the second review, 2026-12-06).
  if (!asks_who || task.status != store::TaskStatus::open) return {};
  // The leader of a level it was sent down to reads their own people's (an exploratory run of a snow
  // day, 2026-12-07: the building's leader saw the whole count and no name).
  const std::string& asker = context.message.sender;
  const bool whole = may_close_task(context, asker, task);
  if (!whole && !runs_task_below(context, asker, task)) return {};
  std::vector<std::string> signed_up;
  std::vector<std::string> waiting;
  for (const store::Signup& signup : context.signups.active(task.id)) {
    if (!whole && !signup_in_area_of(context, asker, task, signup.node)) continue;
    (signup.state == store::SignupState::signed_up ? signed_up : waiting).push_back(signup.person);
  }
  // "1号签到情况", "谁还没签到": who of those signed up checked in (a regression hunt of the volunteer
  // loop, 2026-12-07: the leader was shown the sign-ups only, or checked in himself).
  if (asks_who_came(command.text)) {
    std::vector<std::string> came;
    std::vector<std::string> not_yet;
    for (const std::string& person : signed_up) {
      const std::optional<store::Attendance> attendance = context.attendance.find(task.id, person);
      (attendance && attendance->checked_in_at ? came : not_yet).push_back(person);
    }
    const std::string nobody = context.text("task_state_nobody");
    return context.text("task_state_checked_in",
                        {{"came", came.empty() ? nobody : names_of(context, came)},
                         {"not_yet", not_yet.empty() ? nobody : names_of(context, not_yet)}});
  }
  std::string text = context.text(
      "task_state_names",
      {{"names", signed_up.empty() ? context.text("task_state_nobody") : names_of(context, signed_up)}});
  if (!waiting.empty())
    text += context.text("task_state_waiting_names", {{"names", names_of(context, waiting)}});
  return text;
}

}  // namespace

std::string task_state_text(Context& context, const store::Task& task, const Command* command,
                            const std::string& mention) {
  const bool open = task.status == store::TaskStatus::open;
  const bool over = open && task_is_over(task, context.now);
  const bool begun = task.start && context.now >= *task.start;
  const std::string status = over             ? context.text("status_awaiting_confirm")
                             : open && !begun ? context.text("status_signing_up")
                                              : status_text(context, task.status);
  // "1号报到了吗" asks, often, whether the asker is in: their own place, when they have one. Of a
  // cancelled task "你：已报到" read as if it still stood.
  const std::optional<store::Signup> signup = context.signups.find(task.id, context.message.sender);
  const bool holds_one =
      signup && signup->state != store::SignupState::withdrawn && task.status != store::TaskStatus::cancelled;
  std::string more;
  if (command) {
    more = names_asked_for(context, *command, task);
    if (const std::string act = act_asked_about(context, *command, task); !act.empty())
      more += context.text("task_state_act_hint", {{"act", act}, {"task", std::to_string(task.number)}});
  }
  return context.text(
             mention.empty() ? "task_state_line" : "task_state",
             {{"mention", mention},
              {"task", std::to_string(task.number)},
              {"title", task.title},
              {"when", when_or_unset(context, task)},
              {"where", where_text(context, task)},
              {"status", status},
              {"left", open && !over ? "｜" + places_left_text(context, task) : ""},
              {"mine", holds_one ? context.text("task_state_mine", {{"state", state_text(context, *signup)}})
                                 : ""}}) +
         more;
}

std::vector<Reply> task_state(Context& context, const store::Task& task, const Command* command) {
  return {reply_to_sender(
      context, task_state_text(context, task, command, mention_of(context.people, context.message.sender)))};
}

}  // namespace whistle::handlers
