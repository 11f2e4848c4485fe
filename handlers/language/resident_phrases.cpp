#include "handlers/language/resident_phrases.hpp"

#include <algorithm>
#include <array>
#include <span>

namespace whistle::language {

namespace {

// A remark after a rating word that says the problem is still there (an exploratory run,
// 2026-12-05: "还行，但是灯还是不亮" closed the ticket as solved).
constexpr auto kProblemRemains = std::to_array<std::string_view>({
    "还是不", "还是没", "还是看不",   "还是听不",   "还没",     "仍然",   "依然",     "照样",
    "又坏",   "又漏",   "又不",       "没修好",     "没有修好", "没解决", "没有解决", "没弄好",
    "没处理", "根本没", "一点没变",   "老样子",     "还是漏",   "还是坏", "还是堵",   "还是臭",
    "还是响", "还是吵", "跟没修一样", "和没修一样", "等于没修",
});

// How a resident asks after their own report without naming it: "上次那个水管的事怎么样了",
// "我昨天报的那个怎么没人管啊", "师傅什么时候来啊" (an exploratory run, 2026-12-05).
constexpr auto kAsksAfterOwnReport = std::to_array<std::string_view>({
    "怎么样了", "怎么样啊",   "咋样了",     "如何了", "没人管",     "没人来",   "没人理",
    "没人修",   "什么时候来", "啥时候来",   "几点来", "什么时候修", "啥时候修", "什么时候能修",
    "有消息",   "有进展",     "有结果",     "还没来", "怎么还没",   "咋还没",   "催办",
    "催一下",   "催催",       "到底修不修", "管不管",
});

// Words that point back to something said before: "上次那个水管的事", "我昨天报的".
constexpr auto kRefersBack = std::to_array<std::string_view>({
    "上次",
    "那个",
    "报的",
    "反映的",
    "说的",
    "师傅",
    "你们",
    "工单",
});

// How a resident takes back their own report without its number: "不用来了 我儿子已经修好了",
// "我要撤回刚才那个报修" (an exploratory run, 2026-12-05).
constexpr auto kWithdrawsOwnReport = std::to_array<std::string_view>({
    "撤回",
    "撤销报修",
    "撤销报事",
    "取消报修",
    "取消报事",
    "取消投诉",
    "不用来了",
    "不用修了",
    "不用来修",
    "不需要了",
    "不用麻烦了",
    "不用管了",
});

// A 求助 or 反映 put to the neighbours, not to the bot: "求助大家 谁家有梯子", "反映一下 明天停水 大家
// 提前存点水" (an exploratory run, 2026-12-05: each became a ticket that climbed all night).
// A request to the others ("谁家有梯子借我", "谁知道哪里能修鞋"), after a greeting to them; a complaint
// about a neighbour ("谁家的狗天天叫", "有谁家车堵了消防通道") is a report.
constexpr auto kToNeighboursGreeting = std::to_array<std::string_view>({
    "一下大家",
    "下大家",
    "大家",
    "各位邻居",
    "各位",
    "邻居们",
});
constexpr auto kToNeighboursAtStart = std::to_array<std::string_view>({
    "谁家有",
    "谁有",
    "谁知道",
    "有没有人知道",
    "有谁知道",
    "哪位知道",
    "谁能借",
    "有没有人有",
});
constexpr auto kToNeighboursAnywhere = std::to_array<std::string_view>({
    "提醒大家",
    "通知大家",
    "告诉大家",
    "大家提前",
    "大家存",
});

// Thanks, said alone to the bot or after a job done ("修好了谢谢师傅").
constexpr auto kThanks = std::to_array<std::string_view>({
    "谢谢",
    "谢谢你",
    "谢谢你们",
    "感谢",
    "多谢",
    "辛苦了",
    "辛苦你们",
    "谢了",
    "麻烦你了",
});

// The answers to "要反映这个问题吗？" by voice and by hand (an exploratory run, 2026-12-05: "是的"
// met a menu of commands). A line is an answer when it is made of these words alone, with the
// marks, spaces and particles of speech around them.
constexpr auto kYes = std::to_array<std::string_view>({
    "是的", "是", "对的", "对",   "嗯",   "恩",   "好的", "好滴", "好嘞",   "好",     "行",     "可以",
    "要的", "要", "需要", "ok",   "OK",   "Ok",   "麻烦", "拜托", "帮我报", "报一下", "帮忙报", "帮我反映",
    "反映", "报", "帮我", "一下", "上去", "处理", "尽快", "快点", "你们",   "你",     "了",     "请",
});
constexpr auto kNo = std::to_array<std::string_view>({
    "不用", "不要", "不需要", "算了", "不报", "不反映", "没事", "先不用", "暂时不用", "先不", "不是",
    "说错", "发错", "错了",   "不了", "报",   "反映",   "了",   "麻烦",   "你们",     "你",   "啦",
});
// Words that may stand beside the answer without changing it.
constexpr auto kAnswerFiller = std::to_array<std::string_view>({
    "谢谢你们", "谢谢你", "谢谢", "多谢", "辛苦了", "辛苦", " ",  ",",  "，", "。", ".",  "!",  "！", "~",
    "～",       "、",     "的",   "啊",   "呀",     "吧",   "哈", "哦", "噢", "呢", "嘛", "啦", "哇", "喔",
});
// What must be said for a line to be that answer at all (the other words only go with them).
constexpr auto kYesCore = std::to_array<std::string_view>({
    "是",
    "对",
    "嗯",
    "恩",
    "好",
    "行",
    "可以",
    "要",
    "需要",
    "ok",
    "OK",
    "Ok",
    "麻烦",
    "拜托",
    "帮我报",
    "报一下",
    "帮忙报",
    "帮我反映",
});
constexpr auto kNoCore = std::to_array<std::string_view>({
    "不用",
    "不要",
    "不需要",
    "算了",
    "不报",
    "不反映",
    "没事",
    "先不",
    "暂时不",
    "不是",
    "说错",
    "发错",
    "错了",
});

// Whether `text` is made of `words` and fillers alone, and holds one of `core`.
bool made_of(std::string_view text, std::span<const std::string_view> words,
             std::span<const std::string_view> core) {
  bool has_core = false;
  while (!text.empty()) {
    std::size_t longest = 0;
    bool is_core = false;
    for (std::span<const std::string_view> list : {words, std::span<const std::string_view>(kAnswerFiller)}) {
      for (std::string_view word : list) {
        if (word.size() > longest && text.starts_with(word)) longest = word.size();
      }
    }
    if (longest == 0) return false;
    for (std::string_view word : core) {
      if (text.substr(0, longest).starts_with(word)) is_core = true;
    }
    has_core = has_core || is_core;
    text.remove_prefix(longest);
  }
  return has_core;
}

// A trouble told without a category's keyword: something broken, blocked, leaking, dirty, loud or
// in the way (an exploratory run, 2026-12-05: "卫生间马桶堵了" met a menu of check-ins).
constexpr auto kTrouble = std::to_array<std::string_view>({
    "坏了",   "坏掉",     "损坏",   "堵了", "堵住",   "堵塞", "不通",     "漏",     "渗水",
    "滴水",   "返水",     "冒水",   "积水", "不亮",   "没水", "没电",     "断电",   "断水",
    "没热水", "没有热水", "没气",   "不热", "掉下来", "脱落", "裂了",     "裂缝",   "开裂",
    "松动",   "发臭",     "臭味",   "很臭", "好臭",   "太臭", "吵",       "扰民",   "乱停",
    "乱扔",   "乱堆",     "乱放",   "占道", "挡路",   "失灵", "不好使",   "不能用", "用不了",
    "打不开", "关不上",   "锁不上", "老鼠", "蟑螂",   "飞线", "高空抛物",
});

// A hand asked for, the way elderly residents ask (an exploratory run, 2026-12-05: "帮我买药" and
// "想请人帮忙买点菜" met hints of 报到 and 取消兑换).
// A chore ("买药", "拿快递") is a need when someone is asked to do it ("帮", "请人", "谁能"); "今天买菜的
//人好多" is talk. Some words ask by themselves ("代买", "陪诊", "接送").
constexpr auto kChores = std::to_array<std::string_view>({
    "买",
    "快递",
    "送饭",
    "做饭",
    "打扫",
    "理发",
    "剪头发",
    "搬",
    "去医院",
    "看病",
    "取药",
    "配药",
});
constexpr auto kAskingSomeone = std::to_array<std::string_view>({
    "帮",
    "请人",
    "找人",
    "有人",
    "谁能",
    "谁可以",
    "能不能",
    "可不可以",
    "需要人",
    "麻烦",
    "陪",
});
constexpr auto kServiceAsked =
    std::to_array<std::string_view>({"代买", "陪诊", "陪同", "接送", "送我去", "陪我"});
// A thing wished for: "想要一副老花镜", "希望有一台收音机".
constexpr auto kThingWished = std::to_array<std::string_view>({
    "想要一",
    "想要个",
    "想要副",
    "想要台",
    "希望有一",
    "希望能有",
    "想有一",
    "缺一个",
    "缺一台",
    "缺一副",
});

bool contains_any(std::string_view text, std::span<const std::string_view> words) {
  return std::any_of(words.begin(), words.end(),
                     [text](std::string_view word) { return text.find(word) != std::string_view::npos; });
}

}  // namespace

bool says_problem_remains(std::string_view remark) {
  return contains_any(remark, kProblemRemains);
}

bool asks_after_own_report(std::string_view text) {
  return contains_any(text, kAsksAfterOwnReport);
}

bool refers_back(std::string_view text) {
  return contains_any(text, kRefersBack);
}

bool withdraws_own_report(std::string_view text) {
  return contains_any(text, kWithdrawsOwnReport);
}

bool speaks_to_neighbours(std::string_view words) {
  for (std::string_view greeting : kToNeighboursGreeting) {
    if (words.starts_with(greeting)) {
      words.remove_prefix(greeting.size());
      while (words.starts_with(" "))
        words.remove_prefix(1);
      break;
    }
  }
  const auto at_start = [words](std::string_view word) { return words.starts_with(word); };
  return std::any_of(kToNeighboursAtStart.begin(), kToNeighboursAtStart.end(), at_start) ||
         contains_any(words, kToNeighboursAnywhere);
}

bool holds_thanks(std::string_view text) {
  return contains_any(text, kThanks);
}

bool is_only_thanks(std::string_view text) {
  return std::find(kThanks.begin(), kThanks.end(), text) != kThanks.end();
}

bool answers_yes(std::string_view text) {
  return made_of(text, kYes, kYesCore);
}

bool answers_no(std::string_view text) {
  return made_of(text, kNo, kNoCore);
}

bool describes_trouble(std::string_view text) {
  return contains_any(text, kTrouble);
}

bool asks_for_service(std::string_view text) {
  // "怎么买药" asks how; it is answered with how, not offered as a 点单.
  const bool asks_how = text.starts_with("怎么") || text.starts_with("如何") || text.starts_with("哪里");
  return !asks_how && (contains_any(text, kServiceAsked) ||
                       (contains_any(text, kChores) && contains_any(text, kAskingSomeone)));
}

bool wishes_for_thing(std::string_view text) {
  return contains_any(text, kThingWished);
}

}  // namespace whistle::language
