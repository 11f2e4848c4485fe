#pragma once

#include "config/templates.hpp"
#include "handlers/message.hpp"
#include "store/people.hpp"

namespace whistle::handlers {

/// The answer to a message the bot failed on (a bug or a broken invariant, logged and undone by the
/// caller): a short apology from the template `event_failed`, to the sender in the chat they wrote
/// from, naming them as the message does (else as the store knows them). Throws only on storage
/// failures and std::bad_alloc.
Reply failure_answer(store::PeopleRepository& people, const config::Templates& templates,
                     const Message& message);

}  // namespace whistle::handlers
