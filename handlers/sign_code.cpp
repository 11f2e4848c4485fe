#include "handlers/sign_code.hpp"

#include <algorithm>
#include <cstdio>

#include "handlers/check_in.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/people_names.hpp"
#include "handlers/random_source.hpp"
#include "handlers/rights.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"

namespace whistle::handlers {

std::string new_sign_code() {
  // From the handlers' random source (the system's CSPRNG on the server): a code guessed from home
  // is a one-in-ten-thousand chance, which is what an on-site code has to resist.
  char code[8];
  std::snprintf(code, sizeof code, "%04u", static_cast<unsigned>(random_below(10000)));
  return code;
}

namespace {

constexpr std::size_t kCodeLength = 4;

// The first run of digits in the line as typed, leading zeros kept ("签到码 0483" → "0483").
std::string first_digits(std::string_view text) {
  const auto is_digit = [](char c) { return language::is_ascii_digit(static_cast<unsigned char>(c)); };
  const auto start = std::find_if(text.begin(), text.end(), is_digit);
  return std::string(start, std::find_if_not(start, text.end(), is_digit));
}

}  // namespace

std::optional<std::vector<Reply>> check_in_by_typed_code(Context& context, std::string_view text) {
  if (context.message.is_private) return std::nullopt;
  const std::string code = first_digits(text);
  if (code.size() != kCodeLength) return std::nullopt;
  for (const store::ListedTask* listed : context.tasks.open_in_chat_view(context.message.chat)) {
    if (context.tasks.sign_code(listed->id) != code) continue;
    const std::optional<store::Task> task = context.tasks.by_id(listed->id);
    if (!task) return std::nullopt;
    // Its leader reading the code out to the group: nothing to answer.
    if (may_close_task(context, context.message.sender, *task)) return std::vector<Reply>{};
    Command check_in;
    check_in.intent = Intent::check_in;
    check_in.task = task->number;
    check_in.code = code;
    check_in.text = std::string(text);
    return handle_check_in(context, check_in);
  }
  return std::nullopt;
}

std::vector<Reply> handle_sign_code(Context& context, const Command& command) {
  if (auto checked_in = check_in_by_typed_code(context, command.text)) return std::move(*checked_in);
  // "签到码 1234" where no task is numbered so: a code mistyped or out of date, said by someone on
  // site; the check-in's answer (and its count of wrong codes) fits it better than "no task #1234".
  const std::string digits = first_digits(command.text);
  const bool leads_here =
      context.node && leads_node_or_above(context, context.message.sender, context.node->id);
  if (!leads_here && command.task && digits.size() == kCodeLength && context.community &&
      !context.message.is_private && !context.tasks.by_number(*context.community, *command.task)) {
    Command check_in = command;
    check_in.intent = Intent::check_in;
    check_in.task.reset();
    check_in.code = digits;
    return handle_check_in(context, check_in);
  }
  TaskQuery query;
  query.intent = Intent::sign_code;
  TaskChoice choice = choose_task(context, command, query);
  if (!choice.task) return std::move(choice.replies);
  const store::Task& task = *choice.task;
  const std::string& person = context.message.sender;
  const std::string number = std::to_string(task.number);
  const std::string mention = mention_of(context.people, person);

  if (!may_close_task(context, person, task) && !runs_task_below(context, person, task)) {
    std::vector<std::string> people{task.creator};
    for (std::string& leader : leaders_up_from(context, task.node)) {
      if (std::find(people.begin(), people.end(), leader) == people.end())
        people.push_back(std::move(leader));
    }
    const std::optional<store::OrgNode> node = context.org.node(task.node);
    return {reply_to_sender(context,
                            context.text("sign_code_no_right", {{"task", number},
                                                                {"mention", mention},
                                                                {"node", node ? node->name : task.node},
                                                                {"people", names_of(context, people)}}))};
  }
  if (task.status != store::TaskStatus::open) {
    return {reply_to_sender(
        context, context.text("task_already_closed", {{"task", number},
                                                      {"mention", mention},
                                                      {"status", status_text(context, task.status)}}))};
  }

  // The same code every time it is asked for: one already told on site stays valid.
  std::optional<std::string> code = context.tasks.sign_code(task.id);
  if (!code) {
    code = new_sign_code();
    context.tasks.set_sign_code(task.id, *code);
  }
  const Reply in_private{
      private_chat_of(person),
      context.text("sign_code_private", {{"task", number}, {"title", task.title}, {"code", *code}}),
      {person}};
  // Never shown in the group: that is where people who stayed home would read it.
  if (context.message.is_private) return {in_private};
  return {reply_to_sender(context, context.text("sign_code_sent", {{"task", number}, {"mention", mention}})),
          in_private};
}

}  // namespace whistle::handlers
