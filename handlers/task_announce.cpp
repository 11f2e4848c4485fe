#include "handlers/task_announce.hpp"

#include <string>

#include "handlers/people_names.hpp"
#include "handlers/task_lookup.hpp"

namespace whistle::handlers {

std::vector<Reply> announce_per_chat(Context& context, const store::Task& task,
                                     const std::vector<store::Signup>& signups, const PerChatTexts& texts,
                                     std::vector<std::pair<std::string_view, std::string>> values) {
  std::vector<std::string> chats{context.message.chat};
  for (const std::string& chat : task_chats(context, task)) {
    if (chat != context.message.chat) chats.push_back(chat);
  }
  const std::vector<std::string> posted = context.tasks.posted_chats(task.id);
  values.emplace_back("count", std::to_string(signups.size()));
  std::vector<Reply> replies;
  for (const std::string& chat : chats) {
    std::vector<std::string> here;
    for (const store::Signup& signup : signups) {
      if (chat_of_signup(context, signup.node,
                         posted.empty() ? std::vector<std::string>{task.chat} : posted) == chat)
        here.push_back(signup.person);
    }
    std::vector<std::pair<std::string_view, std::string>> theirs = values;
    theirs.emplace_back("mentions", mentions_of(context.people, here));
    const std::string_view key =
        !here.empty() ? texts.here : (signups.empty() ? texts.nobody : texts.elsewhere);
    replies.push_back(Reply{chat, context.text(key, theirs), here});
  }
  return replies;
}

}  // namespace whistle::handlers
