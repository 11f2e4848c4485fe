#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// The texts a task's news is told with in each chat: with people who reported in there, with none
/// there but some elsewhere, and with nobody at all.
struct PerChatTexts {
  std::string_view here;
  std::string_view elsewhere;
  std::string_view nobody;
};

/// A task closed, called off or restored, told in each of its chats (the sender's first): the people
/// of `signups` who reported in there are @-mentioned there, each once (an exploratory run of the
/// leaders' side, 2026-12-07: a 下发 task's cancel @-mentioned everyone in seven groups, the
/// community's too; a snow day's 结束 did the same with its thanks). `values` gain {mentions} and
/// {count} (all of `signups`).
std::vector<Reply> announce_per_chat(Context& context, const store::Task& task,
                                     const std::vector<store::Signup>& signups, const PerChatTexts& texts,
                                     std::vector<std::pair<std::string_view, std::string>> values);

}  // namespace whistle::handlers
