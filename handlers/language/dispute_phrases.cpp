#include "handlers/language/dispute_phrases.hpp"

#include <algorithm>
#include <array>

#include "handlers/language/text_util.hpp"

namespace whistle::language {

namespace {

// "别说是我说的": the reporter's name kept from whoever is sent to do the work.
constexpr auto kNotToBeNamed = std::to_array<std::string_view>(
    {"匿名", "别说是我", "不要说是我", "别告诉他是我", "别告诉他们是我", "别让他知道是我", "不要让他知道是我",
     "保密", "别透露我", "不要透露我", "别暴露我"});

}  // namespace

bool asks_not_to_be_named(std::string_view text) {
  return holds_any_of(text, kNotToBeNamed);
}

bool taunts_with_it(std::string_view words, bool said_to_the_bot) {
  words = words.substr(std::min(skip_separators(words, 0), words.size()));
  // A dare in so many words, whoever it is said to ("@吹哨 举报就举报，谁怕谁" opened a ticket titled
  // 就举报: a review of stop 65).
  for (const std::string_view start :
       {"就投诉", "就举报", "就报", "就反映", "去啊", "去吧", "去呀", "去呗", "也没用"}) {
    if (words.starts_with(start)) return true;
  }
  for (const std::string_view dare : {"谁怕谁", "一个试试", "你试试", "怕你", "随你便"}) {
    if (words.find(dare) != std::string_view::npos) return true;
  }
  if (said_to_the_bot) return false;
  // Said to the other neighbour ("投诉你又怎样", "反映一下你家狗天天叫"), among neighbours only; not a
  // greeting or a filler ("报修 你好，…", "报事 你看楼道灯又坏了").
  for (const std::string_view to_them :
       {"你又", "你也", "你去", "你怎样", "你有本事", "你家", "你个", "?你"}) {
    if (words.starts_with(to_them)) return true;
  }
  return words.find("看社区管不管你") != std::string_view::npos;
}

// What 举报 names that is no report: its box, its letter, its line ("举报箱在哪", "举报信写好了").
bool names_the_reporting_itself(std::string_view words) {
  // Not "举报电话诈骗…" (the final read of stop 65: a real report met the menu).
  for (const std::string_view thing : {"箱", "信写", "信怎么", "信寄", "电话多少", "电话是多少", "电话号码",
                                       "热线", "了吗", "过了", "了也没用"}) {
    if (words.starts_with(thing)) return true;
  }
  return false;
}

}  // namespace whistle::language
