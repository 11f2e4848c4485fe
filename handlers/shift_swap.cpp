#include "handlers/shift_swap.hpp"

#include <algorithm>
#include <string>

#include "handlers/addressing.hpp"
#include "handlers/held_places.hpp"
#include "handlers/language/shift_words.hpp"
#include "handlers/language/time_expressions.hpp"
#include "handlers/people_names.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"

namespace whistle::handlers {

std::optional<Reply> answer_shift_swap(Context& context, const Command& command) {
  if (!context.community || !language::asks_for_shift_swap(command.text)) return std::nullopt;
  const bool to_the_bot = context.message.is_private || is_addressed(context.message, command);
  std::vector<store::Signup> held =
      context.signups.open_of_person(*context.community, context.message.sender);
  std::erase_if(held, [&](const store::Signup& signup) {
    const std::optional<store::Task> task = context.tasks.by_id(signup.task_id);
    return !task || task_is_over(*task, context.now) || (!to_the_bot && task->chat != context.message.chat);
  });
  // "我周二的班…": that day's place, when the day is said and one is held on it.
  std::string words = command.text;
  if (const auto said = language::take_time(
          words, language::TimeContext{context.now, context.config.locale.utc_offset_seconds});
      said && said->start && said->names_day) {
    std::vector<store::Signup> that_day = held;
    std::erase_if(that_day, [&](const store::Signup& signup) {
      const std::optional<store::Task> task = context.tasks.by_id(signup.task_id);
      return !task->start || local_day(context, *task->start) != local_day(context, *said->start);
    });
    if (!that_day.empty()) held = std::move(that_day);
  }
  const std::string mention = mention_of(context.people, context.message.sender);
  if (held.empty()) {
    if (!to_the_bot) return std::nullopt;
    return reply_to_sender(context, context.text("shift_swap_nothing_held", {{"mention", mention}}));
  }
  if (held.size() > 1) return held_places_reply(context, held, "shift_swap_which");
  const std::optional<store::Task> task = context.tasks.by_id(held.front().task_id);
  return reply_to_sender(context, context.text("shift_swap_how", {{"mention", mention},
                                                                  {"task", std::to_string(task->number)},
                                                                  {"title", task->title}}));
}

}  // namespace whistle::handlers
