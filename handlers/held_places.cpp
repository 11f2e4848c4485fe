#include "handlers/held_places.hpp"

#include "handlers/people_names.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"

namespace whistle::handlers {

Reply held_places_reply(Context& context, const std::vector<store::Signup>& held, std::string_view key) {
  std::string list;
  std::int64_t first = 0;
  for (const store::Signup& signup : held) {
    const std::optional<store::Task> task = context.tasks.by_id(signup.task_id);
    if (!task) continue;
    if (first == 0) first = task->number;
    if (!list.empty()) list += '\n';
    list += context.text("report_in_private_line", {{"task", std::to_string(task->number)},
                                                    {"title", task->title},
                                                    {"when", task_when_text(context, *task, context.now)},
                                                    {"full", ""}});
  }
  return reply_to_sender(context,
                         context.text(key, {{"mention", mention_of(context.people, context.message.sender)},
                                            {"list", list},
                                            {"task", std::to_string(first)}}));
}

}  // namespace whistle::handlers
