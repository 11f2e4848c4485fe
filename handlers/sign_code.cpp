#include "handlers/sign_code.hpp"

#include <algorithm>
#include <cstdio>

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

std::vector<Reply> handle_sign_code(Context& context, const Command& command) {
  TaskQuery query;
  query.intent = Intent::sign_code;
  TaskChoice choice = choose_task(context, command, query);
  if (!choice.task) return std::move(choice.replies);
  const store::Task& task = *choice.task;
  const std::string& person = context.message.sender;
  const std::string number = std::to_string(task.number);
  const std::string mention = mention_of(context.people, person);

  if (!may_close_task(context, person, task)) {
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
