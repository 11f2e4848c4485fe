#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace whistle::language {

/// What kind of danger a line tells of: the answer a resident needs first differs (120 and "don't
/// move them" for a fall, no switch touched for gas, someone to talk to for a person in despair).
/// `unanswered`: someone living alone who does not answer the door or the phone, or has not been
/// seen for days (call, go, find the key; 110 opens the door). `left_on`: a fire, gas or a heater
/// left on by someone away from home (whoever has a key turns it off; 119 at smoke or a smell).
/// `fraud`: money being cheated away now or just lost (hang up, stop the transfer, 110 and 96110,
/// the bank to freeze it).
enum class DangerKind {
  fire,
  gas,
  poisoning,
  medical,
  self_harm,
  violence,
  missing,
  trapped,
  unanswered,
  left_on,
  fraud,
  other
};

/// "fire" for DangerKind::fire, and so on: the suffix of the danger answer's template.
std::string_view danger_kind_name(DangerKind kind);

/// A danger the text tells of: the word or pair that says it, and its kind.
struct DangerFound {
  std::string_view word;
  DangerKind kind = DangerKind::other;
};

/// The danger the text reports, negators looked at; empty when none.
std::optional<DangerFound> danger_in(std::string_view text);

/// Whether a fraud's line names the cheat (骗, 诈, 冒充, 安全账户, 刷单, 上当, 盗刷): told by its loss alone
/// ("卡里钱被转走了", "输了银行卡密码") it is read only when said to the bot, where "转给我妈了" is asked,
/// not paged to a leader.
bool names_the_cheat(std::string_view text);

/// Whether the text reports a danger: it holds a danger word and no word of a drill, the news, a
/// class, a joke or a scare over ("消防演习", "电视上说", "笑死我了 救命").
bool contains_danger_word(std::string_view text);

/// The danger word the text reports, as `contains_danger_word` finds it; empty when none.
std::optional<std::string_view> danger_word_in(std::string_view text);

/// Whether the text speaks of a drill, the news, a class or a joke ("消防演习", "电视上说", "笑死"): no
/// danger report then, whatever danger word it holds (a community's own `danger_words` included).
bool denies_danger(std::string_view text);

/// Whether `word` is only supposed in the text: said in a clause of 万一 ("万一着火了往哪跑"), with no
/// call for help now. A community's own danger word is read so too.
bool danger_supposed(std::string_view text, std::string_view word);

/// The line with each hazard feared blanked out ("怕着火", "容易起火", "火灾隐患"; not "怕着火了", which
/// tells of a fire), or empty when it holds none: a fear is no danger of its own, a danger said beside
/// it still is ("冒烟了 怕着火").
std::optional<std::string> without_fears(std::string_view text);

}  // namespace whistle::language
