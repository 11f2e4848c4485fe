#include "handlers/task_restore.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "handlers/attendance_jobs.hpp"
#include "handlers/language/references.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/message.hpp"
#include "handlers/people_names.hpp"
#include "handlers/rights.hpp"
#include "handlers/task_announce.hpp"
#include "handlers/task_jobs.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"

namespace whistle::handlers {

namespace {

// How long after its cancel a task may be restored: a mistake is noticed the same day, and a task
// called off weeks ago is no 撤销错了 (a final read, 2026-12-07: one with no time set, cancelled
// months before, was reopened by a bare 撤销错了).
constexpr std::int64_t kRestoreWindow = 24 * 60 * 60;
// The tasks a 撤销错了 without a number looks among: those to start from a year back on (a task with
// no time by when it was whistled), cancelled within the window.
constexpr std::int64_t kYear = 366 * 24 * 60 * 60;

bool cancelled_lately(Context& context, const store::Task& task) {
  const std::optional<std::int64_t> at = context.tasks.closed_at(task.id);
  return at && context.now - *at <= kRestoreWindow;
}

bool still_to_end(const store::Task& task, std::int64_t now) {
  if (task.end) return *task.end > now;
  if (task.start) return *task.start > now;
  return true;
}

bool shown_in(Context& context, const store::Task& task, const std::string& chat) {
  const std::vector<std::string> chats = task_chats(context, task);
  return task.chat == chat || std::find(chats.begin(), chats.end(), chat) != chats.end();
}

// The tasks of this chat called off that were still to come.
std::vector<store::Task> restorable_in_chat(Context& context) {
  std::vector<store::Task> found;
  if (!context.community) return found;
  for (store::Task& task :
       context.tasks.cancelled_between(*context.community, context.now - kYear, context.now + kYear)) {
    if (still_to_end(task, context.now) && shown_in(context, task, context.message.chat) &&
        cancelled_lately(context, task))
      found.push_back(std::move(task));
  }
  return found;
}

}  // namespace

bool takes_back_a_cancel(std::string_view text) {
  text = language::trim_spaces(text);
  for (const std::string_view lead : {"刚才", "刚刚", "不好意思", "抱歉"}) {
    if (text.starts_with(lead)) text = language::trim_spaces(text.substr(lead.size()));
  }
  if (const auto reference = language::read_task_reference(text, 0))
    text = language::trim_spaces(text.substr(reference->end));
  constexpr std::array<std::string_view, 7> kWords = {"撤销错了", "撤错了",   "取消错了", "取消撤销",
                                                      "撤销撤销", "撤回撤销", "不撤销了"};
  if (std::any_of(kWords.begin(), kWords.end(),
                  [text](std::string_view word) { return text.starts_with(word); }))
    return true;
  // "恢复", "恢复任务 1" with nothing after but the number or 吧 ("1号恢复供水了" is news).
  for (const std::string_view word : {"恢复任务", "恢复活动", "恢复"}) {
    if (!text.starts_with(word)) continue;
    std::string_view rest = language::trim_spaces(text.substr(word.size()));
    if (const auto reference = language::read_task_reference(rest, 0))
      rest = language::trim_spaces(rest.substr(reference->end));
    return language::is_filler(language::without_words_at_end(rest, {"吧"}));
  }
  return false;
}

std::vector<Reply> restore_cancelled_task(Context& context, const Command& command) {
  const std::string mention = mention_of(context.people, context.message.sender);
  std::optional<store::Task> task;
  if (command.task && context.community) {
    task = context.tasks.by_number(*context.community, *command.task);
  } else {
    const std::vector<store::Task> found = restorable_in_chat(context);
    if (found.size() > 1) {
      std::vector<std::string> numbers;
      for (const store::Task& each : found)
        numbers.push_back("#" + std::to_string(each.number) + " " + each.title);
      return {reply_to_sender(
          context, context.text("restore_which", {{"mention", mention},
                                                  {"tasks", join_list(context, numbers)},
                                                  {"task", std::to_string(found.front().number)}}))};
    }
    if (!found.empty()) task = found.front();
  }
  if (task && task->status == store::TaskStatus::open) {
    return {reply_to_sender(context,
                            context.text("restore_not_cancelled",
                                         {{"mention", mention}, {"task", std::to_string(task->number)}}))};
  }
  if (!task || task->status != store::TaskStatus::cancelled) {
    // "取消错了" from a volunteer who left a task: their place, which a 报到 takes again.
    // A leader is answered: they may well have meant a task (a cancel too old to take back).
    if (!command.addressed && !context.message.is_private && !command.task &&
        nodes_led_by(context, context.message.sender).empty())
      return {};
    return {reply_to_sender(context, context.text("restore_nothing", {{"mention", mention}}))};
  }
  const std::string number = std::to_string(task->number);
  if (!may_close_task(context, context.message.sender, *task)) {
    return {reply_to_sender(context,
                            context.text("restore_not_yours", {{"mention", mention}, {"task", number}}))};
  }
  // Named by its number, a task still to come is restored whenever it was cancelled; the window
  // bounds only a bare 撤销错了, which must mean the cancel just made.
  if (!still_to_end(*task, context.now)) {
    return {
        reply_to_sender(context, context.text("restore_too_late", {{"mention", mention}, {"task", number}}))};
  }

  context.tasks.set_status(task->id, store::TaskStatus::open, context.now);
  task->status = store::TaskStatus::open;
  schedule_task_reminder(context, *task, context.now);
  schedule_attendance_jobs(context, *task, context.now);

  // A task whistled without a time reads 时间待定, not an empty field.
  const std::string when = task_when_text(context, *task, context.now);
  // Each group names those who reported in there, as the cancel did.
  const std::vector<store::Signup> signups = context.signups.active(task->id);
  const std::vector<std::pair<std::string_view, std::string>> values{
      {"task", number},
      {"title", task->title},
      {"when", when.empty() ? context.text("tasks_when_unset") : when}};
  std::vector<Reply> replies = announce_per_chat(
      context, *task, signups, {"restore_done", "restore_done_nobody", "restore_done_nobody"}, values);
  for (const store::Signup& signup : signups) {
    replies.push_back(
        Reply{private_chat_of(signup.person),
              context.text(signup.state == store::SignupState::waitlisted ? "restore_private_waiting"
                                                                          : "restore_private",
                           values),
              {signup.person}});
  }
  return replies;
}

}  // namespace whistle::handlers
