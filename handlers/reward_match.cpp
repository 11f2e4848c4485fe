#include "handlers/reward_match.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <string>

#include "handlers/language/quantities.hpp"
#include "handlers/language/text_util.hpp"

namespace whistle::handlers {

namespace {

std::string comparable(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// The UTF-8 characters of a text, each once: "大米5斤" → {大, 米, 5, 斤}.
std::set<std::string> characters(const std::string& text) {
  std::set<std::string> out;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    out.insert(text.substr(i, length));
    i += length;
  }
  return out;
}

std::size_t shared_characters(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::size_t count = 0;
  for (const std::string& c : a)
    count += b.count(c);
  return count;
}

// What people add when they point at an item or ask politely: "那个", "兑换个洗衣液", "谢谢".
constexpr std::string_view kPointingWords[] = {"那个", "这个", "那种", "这种", "谢谢", "谢了", "麻烦",
                                               "一下", "请",   "帮我", "给我", "我要", "要",   "个"};

}  // namespace

bool asks_for_only(std::string_view typed, std::string_view item_name) {
  std::string text(typed);
  language::take_quantity(text);  // "洗衣液一瓶", "洗衣液 2"
  std::string wanted = comparable(text);
  const std::string name = comparable(item_name);
  if (name.empty()) return true;
  const auto without_pointing_words = [](std::string words) {
    for (const std::string_view word : kPointingWords) {
      for (std::size_t found = words.find(word); found != std::string::npos; found = words.find(word))
        words.erase(found, word.size());
    }
    return words;
  };
  const std::size_t at = wanted.find(name);
  if (at == std::string::npos) {
    // A part of the name with filler ("大米" or "大米吧，谢谢" for 大米5斤) asks for it; a name only
    // sharing characters ("洗衣粉" for 洗衣液) is a guess.
    const std::string part = std::string(language::without_words_at_end(
        without_pointing_words(wanted),
        {"吧", "啊", "呀", "哦", "呢", "了", "!", ".", ",", "！", "。", "，", "~"}));
    return !part.empty() && name.find(part) != std::string::npos;
  }
  wanted.erase(at, name.size());
  return language::is_filler(without_pointing_words(wanted));
}

std::vector<store::RewardRow> several_rewards(const std::vector<store::RewardRow>& items,
                                              std::string_view typed) {
  // A catalog name that holds a joint ("毛巾和牙刷套装") is one item, typed whole or in part.
  const std::string whole = comparable(typed);
  for (const store::RewardRow& item : items) {
    if (comparable(item.name).find(whole) != std::string::npos) return {};
  }
  std::string text(typed);
  for (const std::string_view joint : {"和", "跟", "与", "及", "还有", "、", ",", "，", "+"}) {
    for (std::size_t at = text.find(joint); at != std::string::npos; at = text.find(joint, at + 1))
      text.replace(at, joint.size(), "|");
  }
  std::vector<store::RewardRow> named;
  for (std::size_t from = 0; from <= text.size();) {
    const std::size_t bar = std::min(text.find('|', from), text.size());
    const std::string part = text.substr(from, bar - from);
    const std::vector<store::RewardRow> found = match_reward(items, part, MatchReach::close);
    if (found.size() == 1 && std::none_of(named.begin(), named.end(), [&](const store::RewardRow& item) {
          return item.id == found.front().id;
        }))
      named.push_back(found.front());
    from = bar + 1;
  }
  if (named.size() < 2) return {};
  return named;
}

std::vector<store::RewardRow> match_reward(const std::vector<store::RewardRow>& items, std::string_view typed,
                                           MatchReach reach) {
  const std::string wanted = comparable(typed);
  if (wanted.empty()) return {};

  std::vector<store::RewardRow> exact, contained;
  for (const store::RewardRow& item : items) {
    const std::string name = comparable(item.name);
    if (name == wanted) exact.push_back(item);
    // "大米" means "大米5斤"; "我要大米5斤那个" means it too.
    else if (name.find(wanted) != std::string::npos || wanted.find(name) != std::string::npos)
      contained.push_back(item);
  }
  if (!exact.empty()) return exact;
  if (!contained.empty() || reach == MatchReach::close) return contained;

  // Last, the items sharing the most characters ("洗衣粉" → "洗衣液"), but only when at least two
  // and at least half of what was typed are shared: one common character ("米") is no evidence.
  const std::set<std::string> wanted_characters = characters(wanted);
  std::size_t best = 0;
  std::vector<store::RewardRow> nearest;
  for (const store::RewardRow& item : items) {
    const std::size_t shared = shared_characters(wanted_characters, characters(comparable(item.name)));
    if (shared < 2 || shared * 2 < wanted_characters.size()) continue;
    if (shared > best) {
      best = shared;
      nearest.clear();
    }
    if (shared == best) nearest.push_back(item);
  }
  return nearest;
}

}  // namespace whistle::handlers
