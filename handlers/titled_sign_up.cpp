#include "handlers/titled_sign_up.hpp"

#include <string>

#include "handlers/language/time_expressions.hpp"
#include "handlers/language/volunteer_replies.hpp"
#include "handlers/report_in.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"

namespace whistle::handlers {

std::optional<std::vector<Reply>> sign_up_by_title(Context& context, const Command& command) {
  if (context.message.is_private || !context.community) return std::nullopt;
  const std::optional<std::string_view> words = language::task_words_of_sign_up(command.text);
  if (!words) return std::nullopt;
  const store::ListedTask* named = nullptr;
  // No title words ("钱楼栋长 我报名", "明天的活动我参加"): the chat's one open task.
  for (const store::ListedTask* task : context.tasks.open_in_chat_view(context.message.chat)) {
    if (task_is_over(*task, context.now) || task->title.find(*words) == std::string::npos) continue;
    // Two tasks of that title (a rota's shifts): the number says which, as for a bare 报到.
    if (named) return std::nullopt;
    named = task;
  }
  if (!named) return std::nullopt;
  // "明早扫雪我去" of today's 扫雪 is no sign-up for it (the final read of stop 67).
  std::string words_left = command.text;
  const language::TimeContext time{context.now, context.config.locale.utc_offset_seconds};
  if (const std::optional<language::TimeSpan> said = language::take_time(words_left, time);
      said && said->names_day && said->start &&
      (!named->start || !on_day_said(context, named->start, *said->start, false)))
    return std::nullopt;
  Command report_in = command;
  report_in.intent = Intent::report_in;
  report_in.task = named->number;
  report_in.implicit = true;
  return handle_report_in(context, report_in);
}

}  // namespace whistle::handlers
