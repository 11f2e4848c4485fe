#include "handlers/late_notice.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "handlers/addressing.hpp"
#include "handlers/language/references.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/message.hpp"
#include "handlers/people_names.hpp"
#include "handlers/task_lookup.hpp"

namespace whistle::handlers {

namespace {

// Not 会晚 (会晚上下雪) nor 迟到了 (a child late for school): the review after, 2026-12-07.
constexpr auto kComingLate = std::to_array<std::string_view>(
    {"来晚了", "晚点到", "晚到", "晚一点到", "晚一会儿到", "晚些到", "晚点过去", "晚点来", "会迟到", "要迟到",
     "可能迟到", "得迟到", "晚半小时", "晚半个小时"});
// Promised not to, or asked ("我不会迟到的", "迟到了会扣分吗").
constexpr auto kNotALateNotice = std::to_array<std::string_view>({"不会", "不要", "别", "吗", "?", "扣分"});

// A task "about now": started up to two hours ago, or starting within a day ("我明天会晚点到").
constexpr std::int64_t kSinceStart = 2 * 60 * 60;
constexpr std::int64_t kBeforeStart = 24 * 60 * 60;

}  // namespace

std::optional<std::vector<Reply>> pass_on_late_arrival(Context& context, const Command& command) {
  if (!context.community || command.text.empty()) return std::nullopt;
  if (!context.message.is_private && !is_addressed(context.message, command)) return std::nullopt;
  if (!language::holds_any_of(command.text, kComingLate) ||
      language::holds_any_of(command.text, kNotALateNotice))
    return std::nullopt;
  // "2号活动我会晚点到": the task named, when the line names one.
  const std::optional<language::ReferenceMatch> named = language::read_task_reference(command.text, 0);
  for (const store::Signup& signup :
       context.signups.open_of_person(*context.community, context.message.sender)) {
    if (signup.state != store::SignupState::signed_up) continue;
    const std::optional<store::Task> task = context.tasks.by_id(signup.task_id);
    if (!task || !task->start) continue;
    if (named && named->number && task->number != *named->number) continue;
    // Late to one's own task: nobody to tell, and the volunteers are the organiser's to tell.
    if (task->creator == context.message.sender) {
      return std::vector<Reply>{reply_to_sender(
          context, context.text("late_notice_own",
                                {{"task", std::to_string(task->number)},
                                 {"mention", mention_of(context.people, context.message.sender)}}))};
    }
    if (*task->start < context.now - kSinceStart || *task->start > context.now + kBeforeStart) continue;
    const std::string number = std::to_string(task->number);
    std::vector<Reply> replies;
    replies.push_back(Reply{
        private_chat_of(task->creator),
        context.text("late_notice_organiser", {{"task", number},
                                               {"title", task->title},
                                               {"mention", mention_of(context.people, task->creator)},
                                               {"name", display_name(context.people, context.message.sender)},
                                               {"words", language::shortened(command.text, 100)}}),
        {task->creator}});
    replies.insert(replies.begin(),
                   reply_to_sender(
                       context, context.text("late_notice_told",
                                             {{"task", number},
                                              {"mention", mention_of(context.people, context.message.sender)},
                                              {"organiser", display_name(context.people, task->creator)}})));
    return replies;
  }
  return std::nullopt;
}

}  // namespace whistle::handlers
