#include "handlers/shift_swap.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "handlers/addressing.hpp"
#include "handlers/held_places.hpp"
#include "handlers/language/shift_words.hpp"
#include "handlers/people_names.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"

namespace whistle::handlers {

namespace {

// The shift the words name ("我周二的班", "明天早班", "替我一下周三的班"), as a command's start; none when
// they name no day.
Command shift_said(Context& context, const Command& command) {
  Command said;
  // "替我一下周三的班" holds no 下周三.
  std::string words = command.text;
  for (std::size_t at = words.find("一下"); at != std::string::npos; at = words.find("一下"))
    words.replace(at, std::string_view("一下").size(), " ");
  const std::string_view text = words;
  for (std::size_t at = 0; at < text.size() && !said.start; ++at) {
    if ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) continue;  // inside a character
    if (const std::size_t shift = language::leading_shift(text.substr(at)); shift > 0)
      language::take_shift_day(said, text.substr(at, shift),
                               language::TimeContext{context.now, context.config.locale.utc_offset_seconds});
  }
  return said;
}

}  // namespace

std::optional<Reply> answer_shift_swap(Context& context, const Command& command) {
  // Among neighbours a swap is theirs to arrange: the design's group hears the bot when addressed (a
  // final read of stop 66; a job's or a child's 换班 had been answered too).
  if (!context.community || !language::asks_for_shift_swap(command.text) ||
      !(context.message.is_private || is_addressed(context.message, command)))
    return std::nullopt;
  std::vector<store::Signup> held;
  std::vector<store::Task> tasks;
  for (const store::Signup& signup :
       context.signups.open_of_person(*context.community, context.message.sender)) {
    std::optional<store::Task> task = context.tasks.by_id(signup.task_id);
    if (!task || task_is_over(*task, context.now)) continue;
    held.push_back(signup);
    tasks.push_back(std::move(*task));
  }
  // "我周二的班…", "明天早班谁替我一下": that day's place (and part of the day's, when said).
  if (const Command said = shift_said(context, command); said.start && said.time_names_day) {
    std::vector<store::Signup> that_day;
    std::vector<store::Task> their_tasks;
    for (std::size_t i = 0; i < held.size(); ++i) {
      if (!on_day_said(context, tasks[i].start, *said.start, said.time_names_clock)) continue;
      that_day.push_back(held[i]);
      their_tasks.push_back(tasks[i]);
    }
    if (!that_day.empty()) {
      held = std::move(that_day);
      tasks = std::move(their_tasks);
    }
  }
  const std::string mention = mention_of(context.people, context.message.sender);
  if (held.empty())
    return reply_to_sender(context, context.text("shift_swap_nothing_held", {{"mention", mention}}));
  if (held.size() > 1) return held_places_reply(context, held, "shift_swap_which");
  return reply_to_sender(context,
                         context.text("shift_swap_how", {{"mention", mention},
                                                         {"task", std::to_string(tasks.front().number)},
                                                         {"title", tasks.front().title}}));
}

}  // namespace whistle::handlers
