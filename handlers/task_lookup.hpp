#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// How a handler wants the task of a command found.
struct TaskQuery {
  /// The command being answered; its word is used in examples ("报到 12").
  Intent intent = Intent::report_in;
  /// Template key of the answer when the chat has no candidate task.
  std::string_view nothing_key = "task_nothing_open";
  /// Stay silent instead when the chat has no candidate (an implicit "1" in a quiet group).
  bool silent_when_nothing = false;
  /// Which of the chat's open tasks count as candidates; all of them when empty.
  std::function<bool(const store::ListedTask&)> candidate;
  /// The day the words said ("周三晚上我来", "报到 周五"): only that day's candidates, and of several
  /// that day those in the part of the day said (`part_said`: 上午, 晚上). None that day is said so.
  std::optional<std::int64_t> day_said;
  bool part_said = false;
  /// The day said only chooses among the candidates: none that day leaves them all (a reason's day,
  /// "请假 明天回老家").
  bool day_is_a_hint = false;
  /// Template key of the answer when no candidate is on the day said.
  std::string_view day_none_key = "task_none_that_day";
};

/// The task a command refers to, or the replies that say why there is none (empty: stay silent).
struct TaskChoice {
  std::optional<store::Task> task;
  std::vector<Reply> replies;
};

/// Finds the task: by number anywhere in the message's community (any status: the caller decides
/// what a closed one means), else the chat's only open candidate; several → asks for the number.
TaskChoice choose_task(Context& context, const Command& command, const TaskQuery& query);

/// How long a task whistled with a start and no end lasts: it is over a day after its start.
inline constexpr std::int64_t kOpenEndedTaskSeconds = 24 * 3600;

/// Whether a task's time is over by the bot's clock: its end has passed or, with no end, a day has
/// passed since its start. Nobody reports in to it any more; it is no longer a bare 报到's candidate.
bool task_is_over(const store::Task& task, std::int64_t now);
bool task_is_over(const store::ListedTask& task, std::int64_t now);

/// The chats a task is still spoken to in: those it was posted in that are still bound to a place
/// (a group its leader unbound with 解绑 is left alone), the original first; with none of them
/// left, the node's own chats.
std::vector<std::string> task_chats(const Services& services, const store::Task& task);

/// The first of task_chats(): where the task's own group posts go (a thank-you, a reminder);
/// empty when no group of the task or its place is bound any more.
std::string task_home_chat(const Services& services, const store::Task& task);

/// The group where someone signed up for a task is spoken to: of the task's chats (`posted`, its
/// task_chats(), read once by callers that ask for many people), the one bound to the node where
/// they reported in (a 下发 task is posted in every unit's group), else the task's own; empty when
/// no group is left to speak in (the caller speaks in private then).
std::string chat_of_signup(const Services& services, const std::optional<std::string>& node,
                           const std::vector<std::string>& posted);

/// A reply to the message's chat mentioning the sender.
Reply reply_to_sender(const Context& context, std::string text);

/// How replies name the sender: "@<name>".
std::string sender_mention(const Context& context);

/// The word that invokes a command ("报到" for report_in), from the template `command_<intent>`.
std::string command_word(const Services& services, Intent intent);

}  // namespace whistle::handlers
