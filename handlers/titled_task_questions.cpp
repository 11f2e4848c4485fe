#include "handlers/titled_task_questions.hpp"

#include <array>
#include <string>
#include <string_view>

#include "handlers/addressing.hpp"
#include "handlers/language/argument_words.hpp"
#include "handlers/language/shift_words.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/task_lists.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"

namespace whistle::handlers {

namespace {

// What is asked of the task, the whole of what is left once its title and day are taken out.
constexpr auto kQuestions = std::to_array<std::string_view>(
    {"几点开始", "几点集合", "几点到", "几点", "什么时候开始", "啥时候开始", "什么时候", "啥时候", "在哪集合",
     "在哪里集合", "在哪", "在哪里", "去哪", "还有名额吗", "还缺人吗", "满了吗", "还要人吗"});

// The question left once `title_word` (empty: none) and a leading day are taken out, or empty.
bool only_asks(std::string_view text, std::string_view title_word) {
  std::string rest(language::without_end_punctuation(language::trim_spaces(text)));
  if (!title_word.empty()) {
    const std::size_t at = rest.find(title_word);
    if (at == std::string::npos) return false;
    rest.erase(at, title_word.size());
  }
  std::string_view left = language::trim_spaces(rest);
  left.remove_prefix(language::leading_day(left));
  left = language::trim_spaces(left);
  for (const std::string_view ending : {"啊", "呀", "呢", "的"}) {
    if (left.ends_with(ending)) left.remove_suffix(ending.size());
  }
  for (const std::string_view question : kQuestions) {
    if (left == question) return true;
  }
  return false;
}

}  // namespace

std::optional<std::vector<Reply>> answer_titled_task_question(Context& context, const Command& command) {
  if (context.message.is_private || !context.community || command.text.empty()) return std::nullopt;
  // A look at the words first: most lines ask nothing of the kind, and only those read the tasks.
  if (!language::holds_any_of(command.text, kQuestions)) return std::nullopt;
  const std::vector<const store::ListedTask*> open = context.tasks.open_in_chat_view(context.message.chat);
  std::optional<std::int64_t> asked;
  for (const store::ListedTask* task : open) {
    if (task_is_over(*task, context.now)) continue;
    for (const std::string_view word : title_words(task->title)) {
      if (!only_asks(command.text, word)) continue;
      if (asked && *asked != task->number) return std::nullopt;  // two tasks of that word: the number says
      asked = task->number;
    }
  }
  // "@吹哨 几点": said to the bot, the chat's one open task.
  if (!asked && spoken_to_the_bot(context.message, command) && open.size() == 1 &&
      !task_is_over(*open.front(), context.now) && only_asks(command.text, {}))
    asked = open.front()->number;
  if (!asked) return std::nullopt;
  Command question = command;
  question.intent = Intent::tasks;
  question.task = asked;
  question.addressed = true;
  return handle_tasks(context, question);
}

}  // namespace whistle::handlers
