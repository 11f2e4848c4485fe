#include "handlers/help.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "handlers/addressing.hpp"
#include "handlers/people_names.hpp"
#include "handlers/rights.hpp"
#include "handlers/task_lookup.hpp"

namespace whistle::handlers {

namespace {

// The commands open in this version, in the order help lists them. Each has templates
// `command_<intent>` (its word), `help_<intent>` (a usage line, `help_<intent>_private` for a
// private chat where it differs) and `keywords_<intent>` (words a confused user might type).
struct MenuEntry {
  Intent intent;
  bool leaders_only;
};

constexpr std::array kMenu{MenuEntry{Intent::whistle, true},   MenuEntry{Intent::report_in, false},
                           MenuEntry{Intent::withdraw, false}, MenuEntry{Intent::finish, true},
                           MenuEntry{Intent::cancel, true},    MenuEntry{Intent::help, false}};

// A leader here is one of the chat's node or above; in private, one of any node.
bool is_leader_here(const Context& context) {
  if (context.node) return leads_node_or_above(context, context.message.sender, context.node->id);
  return !nodes_led_by(context, context.message.sender).empty();
}

std::vector<Intent> menu_for(const Context& context) {
  const bool leader = is_leader_here(context);
  std::vector<Intent> intents;
  for (const MenuEntry& entry : kMenu) {
    if (leader || !entry.leaders_only) intents.push_back(entry.intent);
  }
  return intents;
}

std::string quoted_words(const Services& services, const std::vector<Intent>& intents) {
  std::string words;
  for (Intent intent : intents) {
    words += services.text("command_quote", {{"command", command_word(services, intent)}});
  }
  return words;
}

// The code points of a UTF-8 text, so Chinese characters compare one by one.
std::vector<std::string> code_points(const std::string& text) {
  std::vector<std::string> points;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (lead != ' ') points.push_back(text.substr(i, length));
    i += length;
  }
  return points;
}

// How close a line is to a command: the distinct characters it shares with the command's keywords.
int closeness(const std::vector<std::string>& line, const std::string& keywords) {
  std::vector<std::string> shared;
  for (const std::string& point : code_points(keywords)) {
    if (std::find(line.begin(), line.end(), point) == line.end()) continue;
    if (std::find(shared.begin(), shared.end(), point) == shared.end()) shared.push_back(point);
  }
  return static_cast<int>(shared.size());
}

// Up to three of the person's commands nearest the line (a command sharing under half as much as
// the best one is noise, like the 报 of 取消报到 in 我想报名); all of them when none is near.
std::vector<Intent> nearest_commands(const Context& context, const std::string& line) {
  const std::vector<Intent> available = menu_for(context);
  const std::vector<std::string> points = code_points(line);
  std::vector<std::pair<int, Intent>> scored;
  for (Intent intent : available) {
    const int score = closeness(points, context.text("keywords_" + std::string(intent_name(intent))));
    if (score > 0) scored.emplace_back(score, intent);
  }
  if (scored.empty()) return available;
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<Intent> nearest;
  for (std::size_t i = 0; i < scored.size() && i < 3 && scored[i].first * 2 >= scored[0].first; ++i) {
    nearest.push_back(scored[i].second);
  }
  return nearest;
}

std::string help_line(const Context& context, Intent intent) {
  const std::string key = "help_" + std::string(intent_name(intent));
  if (context.message.is_private && context.templates.has(key + "_private")) {
    return context.text(key + "_private");
  }
  return context.text(key);
}

}  // namespace

std::vector<Reply> handle_help(Context& context, const Command& /*command*/) {
  std::string text =
      context.text("help_header", {{"mention", mention_of(context.people, context.message.sender)}});
  for (Intent intent : menu_for(context)) {
    text += "\n" + help_line(context, intent);
  }
  return {reply_to_sender(context, std::move(text))};
}

std::vector<Reply> handle_unknown(Context& context, const Command& command) {
  if (!is_addressed(context.message, command)) return {};
  const std::string& line = command.text.empty() ? context.message.text : command.text;
  return {reply_to_sender(
      context,
      context.text("unknown_hint", {{"mention", mention_of(context.people, context.message.sender)},
                                    {"commands", quoted_words(context, nearest_commands(context, line))}}))};
}

std::vector<Reply> handle_not_yet(Context& context, const Command& command) {
  return {reply_to_sender(
      context, context.text("not_yet",
                            {{"mention", mention_of(context.people, context.message.sender)},
                             {"feature", context.text("feature_" + std::string(intent_name(command.intent)))},
                             {"commands", quoted_words(context, menu_for(context))}}))};
}

std::vector<Reply> answer_unbound_chat(Context& context) {
  // Binding is for a community's own leaders (社区书记/主任): they know which group is which.
  std::vector<std::string> admins;
  for (const store::OrgNode& node : context.org.all_nodes()) {
    if (node.level != 0) continue;
    for (const store::Person& person : context.people.holders(node.id, store::Role::leader)) {
      admins.push_back(person.id);
    }
  }
  const std::string_view key = admins.empty() ? "chat_unbound_nobody" : "chat_unbound";
  return {reply_to_sender(context,
                          context.text(key, {{"mention", mention_of(context.people, context.message.sender)},
                                             {"admins", names_of(context, admins)}}))};
}

}  // namespace whistle::handlers
