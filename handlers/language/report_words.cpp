#include "handlers/language/report_words.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "handlers/language/resident_phrases.hpp"
#include "handlers/language/text_util.hpp"

namespace whistle::language {

// "反映个情况", "求助一下": the verb and a word that only announces the problem. A ticket of
// "个情况" would send a leader to nothing; the resident is asked what happened instead.
bool says_nothing_yet(std::string_view title) {
  static const std::array<std::string_view, 14> kAnnouncements{
      "个情况", "一下",   "个问题", "一个问题", "情况",     "问题",   "一下情况",
      "个事",   "个事情", "一件事", "事情",     "一下问题", "个事儿", "下"};
  std::string words(title);
  // Trailing marks of a call for attention ("求助！", "反映个情况。。").
  for (std::string_view mark : {"！", "!", "。", ".", "？", "?", "~", "～", "：", ":"}) {
    while (words.size() >= mark.size() && words.compare(words.size() - mark.size(), mark.size(), mark) == 0)
      words.erase(words.size() - mark.size());
  }
  // One character ("儿" left of "个事儿") names no problem either.
  const bool one_character =
      words.size() == 1 || (words.size() == 3 && static_cast<unsigned char>(words[0]) >= 0xE0);
  // "投诉房东", "我要举报502", "投诉物业": whom, and nothing of what (an exploratory run of renters, stop 70:
  // a ticket of "房东" went to the secretary with deadlines).
  static constexpr auto kOnlyWhom = std::to_array<std::string_view>(
      {"房东", "租客", "我的租客", "我家租客", "物业", "邻居", "楼上", "楼下", "隔壁", "对门", "保安", "保洁",
       "中介", "社区", "网格员", "他", "她", "他们"});
  std::string_view whom = words;
  for (const std::string_view lead : {"一下", "下"}) {
    if (whom.starts_with(lead)) whom.remove_prefix(lead.size());
  }
  // A person or a place by title alone ("投诉刘师傅", "我要投诉王书记", "投诉3号楼": a review of stop 70).
  // A person: a surname or "我们" before the title ("刘师傅", "我们单元长"; not "漏水的师傅"). A place:
  // nothing but its numbers and words ("3号楼", "3号楼2单元"; not "没电了2单元": the final read of stop 70).
  static constexpr auto kPersonTitles =
      std::to_array<std::string_view>({"师傅", "书记", "主任", "单元长", "楼栋长", "网格长", "网格员"});
  constexpr std::size_t kLongestBeforeTitle = 2;
  const bool person = std::any_of(kPersonTitles.begin(), kPersonTitles.end(), [whom](std::string_view title) {
    return whom.ends_with(title) &&
           characters(whom.substr(0, whom.size() - title.size())) <= kLongestBeforeTitle;
  });
  std::string place(whom);
  for (const std::string_view part : {"号楼", "单元", "栋", "号", "楼"}) {
    for (std::size_t at = place.find(part); at != std::string::npos; at = place.find(part))
      place.erase(at, part.size());
  }
  const bool place_only = place.size() < whom.size() && !place.empty() &&
                          place.find_first_not_of("0123456789-") == std::string::npos;
  const bool titled = person || place_only;
  // A flat's number alone ("502", "502室", "3-2-502"): digits and marks, then 室 or 号 at most once, at its
  // end.
  std::string_view flat = whom;
  for (const std::string_view end : {"室", "号"}) {
    if (flat.ends_with(end)) flat.remove_suffix(end.size());
  }
  constexpr std::size_t kLongestFlat = 8;
  const bool flat_only = !flat.empty() && flat.size() <= kLongestFlat &&
                         flat.find_first_not_of("0123456789-#") == std::string_view::npos;
  const bool only_whom =
      std::find(kOnlyWhom.begin(), kOnlyWhom.end(), whom) != kOnlyWhom.end() || titled || flat_only;
  return words.empty() || one_character || only_whom ||
         std::find(kAnnouncements.begin(), kAnnouncements.end(), words) != kAnnouncements.end();
}

}  // namespace whistle::language
