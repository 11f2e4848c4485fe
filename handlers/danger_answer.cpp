#include "handlers/danger_answer.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include "handlers/addressing.hpp"
#include "handlers/language/danger_words.hpp"
#include "handlers/language/intent_table.hpp"
#include "handlers/language/volunteer_replies.hpp"
#include "handlers/people_names.hpp"
#include "handlers/report_in.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/ticket_flow.hpp"

namespace whistle::handlers {

namespace {

// One alert per chat and danger in this window: the leader needs to know once, not at every message
// about the same smoke, but a fire reported after a lift scare is news.
constexpr std::int64_t kDangerAlertWindow = 10 * 60;

std::string danger_alert_key(const Services& services, const Message& message) {
  std::string_view word = language::danger_word_in(message.text).value_or(std::string_view());
  if (word.empty()) {
    for (const std::string& own : services.config.rules.danger_words) {
      if (!own.empty() && message.text.find(own) != std::string::npos) {
        word = own;
        break;
      }
    }
  }
  return message.chat + '\x1f' + std::string(word);
}

}  // namespace

bool is_danger_line(const Services& services, const Command& command) {
  if (command.kind == language::TicketKind::danger) return true;
  // The parser knows its own list; a community may name more (`danger_words`). Most lines hold none
  // of them: the negators are read only for one that does (every line the parser leaves comes here).
  const auto holds_own_word = [&](std::string_view text) {
    return std::any_of(
        services.config.rules.danger_words.begin(), services.config.rules.danger_words.end(),
        [text](const std::string& word) { return !word.empty() && text.find(word) != std::string::npos; });
  };
  if (!holds_own_word(command.text) || language::denies_danger(command.text)) return false;
  // "报事 楼道堆了纸箱 怕着火": the community's 着火 beside a fear is no fire (a final read, 2026-12-07:
  // the parser's reading was undone here, and the 119 text went out).
  const std::optional<std::string> without = language::without_fears(command.text);
  const std::string& text = without ? *without : command.text;
  for (const std::string& word : services.config.rules.danger_words) {
    // "万一着火了往哪跑": supposed, as the parser's own words are read.
    if (!word.empty() && text.find(word) != std::string::npos && !language::danger_supposed(text, word))
      return true;
  }
  return false;
}

Reply danger_now(const Context& context, std::string_view text) {
  // What to do first, for the kind of danger the words tell of; a community's own word is of no
  // kind the parser knows.
  const std::optional<language::DangerFound> found = language::danger_in(text);
  const std::string key = found && found->kind != language::DangerKind::other
                              ? "danger_now_" + std::string(language::danger_kind_name(found->kind))
                              : std::string("danger_now");
  return reply_to_sender(
      context, context.text(key, {{"mention", mention_of(context.people, context.message.sender)}}));
}

std::vector<Reply> alert_leader_quietly(Context& context, const store::OrgNode& place) {
  // Money gone, told among neighbours without a cheat named ("钱被转走了 转给房东交房租了"), is their talk:
  // a second review of stop 70 found such lines paging a leader "请马上电话核实".
  if (const std::optional<language::DangerFound> found = language::danger_in(context.message.text);
      found && found->kind == language::DangerKind::fraud && !language::names_the_cheat(context.message.text))
    return {};
  // A leader saying it among neighbours alerts the level above them, not themselves.
  const std::optional<store::OrgNode> led =
      nearest_node_led_by_another(context, place.id, context.message.sender);
  if (!led) return {};
  if (!context.tickets.take_danger_alert(danger_alert_key(context, context.message), context.now,
                                         kDangerAlertWindow))
    return {};
  const std::string leader = *first_leader(context, led->id);
  const std::string chat_name = context.node ? context.node->name : place.name;
  return {Reply{
      private_chat_of(leader),
      context.text("danger_alert_leader", {{"mention", mention_of(context.people, leader)},
                                           {"chat_name", chat_name},
                                           {"place", place.name},
                                           {"name", display_name(context.people, context.message.sender)},
                                           {"text", context.message.text}}),
      {leader}}};
}

// "去不了了 家里老人摔倒了": the danger is the leader's news, and the place the volunteer cannot keep
// is answered as the withdrawal alone would be: asked about when said among neighbours, freed when
// said to the bot (a regression hunt of the volunteer loop, 2026-12-07: the place was kept and its
// holder later made 失约).
std::vector<Reply> withdrawal_beside_danger(Context& context, const Command& command) {
  if (!language::says_cannot_come(command.text) || !context.community) return {};
  // Said to the bot by someone holding no place, it is the danger alone.
  if (!said_in_passing(context.message, command) &&
      context.signups.open_of_person(*context.community, context.message.sender).empty())
    return {};
  Command withdrawal;
  withdrawal.intent = Intent::withdraw;
  withdrawal.implicit = true;
  withdrawal.addressed = command.addressed;
  withdrawal.text = command.text;
  return handle_withdraw(context, withdrawal);
}

}  // namespace whistle::handlers
