#include "handlers/failure_answer.hpp"

#include "handlers/people_names.hpp"

namespace whistle::handlers {

Reply failure_answer(store::PeopleRepository& people, const config::Templates& templates,
                     const Message& message) {
  // The failed handling's writes are undone, the sender's name among them, so the name the message
  // carries is used first.
  const std::string name =
      message.sender_name.empty() ? display_name(people, message.sender) : message.sender_name;
  return Reply{message.chat, templates.render("event_failed", {{"mention", "@" + name}}), {message.sender}};
}

}  // namespace whistle::handlers
