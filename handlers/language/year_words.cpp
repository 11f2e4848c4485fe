#include "handlers/language/year_words.hpp"

#include <array>
#include <string>

#include "handlers/language/month_expressions.hpp"
#include "handlers/language/text_util.hpp"

namespace whistle::language {

std::optional<Command> read_year_points(std::string_view body, const Command& base, const TimeContext& time) {
  if (body.find("分") == std::string_view::npos) return std::nullopt;
  std::string words(body);
  const std::optional<int> year = take_year(words, time);
  if (!year) return std::nullopt;
  // What is left once the asker and the words of a sum are gone must ask for points alone.
  for (const std::string_view filler :
       {"我的", "我", "一共", "总共", "总计", "累计", "全部", "共", "的", "了", "啊", "呀", "呢", "?", " "}) {
    for (std::size_t at = words.find(filler); at != std::string::npos; at = words.find(filler))
      words.erase(at, filler.size());
  }
  constexpr auto kAsked =
      std::to_array<std::string_view>({"积分", "多少积分", "多少分", "积分多少", "积分有多少", "积分是多少",
                                       "有多少积分", "得多少分", "得多少积分", "攒多少积分", "攒多少分",
                                       "挣多少积分", "挣多少分", "拿多少积分", "获得多少积分", "获得多少分"});
  for (const std::string_view asked : kAsked) {
    if (words != asked) continue;
    Command command = base;
    command.intent = Intent::points;
    command.year = year;
    // "今年一共多少分" without 积分 may be an exam's or a game's: among neighbours, theirs.
    command.implicit = body.find("积分") == std::string_view::npos;
    return command;
  }
  return std::nullopt;
}

}  // namespace whistle::language
