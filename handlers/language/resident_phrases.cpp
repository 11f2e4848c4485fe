#include "handlers/language/resident_phrases.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <string>

#include "handlers/language/own_report_phrases.hpp"
#include "handlers/language/text_util.hpp"

namespace whistle::language {

namespace {

// A remark after a rating word that says the problem is still there (an exploratory run,
// 2026-12-05: "还行，但是灯还是不亮" closed the ticket as solved).
constexpr auto kProblemRemains = std::to_array<std::string_view>({
    "还是不",
    "还是没",
    "还是看不",
    "还是听不",
    "还没",
    "仍然",
    "依然",
    "照样",
    "又坏",
    "又漏",
    "又不",
    "没修好",
    "没有修好",
    "没解决",
    "没有解决",
    "没弄好",
    "没处理",
    "根本没",
    "一点没变",
    "老样子",
    "还是漏",
    "还是坏",
    "还是堵",
    "还是臭",
    "还是响",
    "还是吵",
    "还是打不",
    "还是关不",
    "还是刷不",
    "还是开不",
    // "沟通有什么用，他家还那样" (an exploratory run of neighbour disputes, 2026-12-07: the menu).
    "还那样",
    "还是那样",
    "还在吵",
    "又吵",
    "跟没修一样",
    "和没修一样",
    "等于没修",
    // "还是有点漏", "还在滴" (an exploratory run of people changing, 2026-12-07: 没看懂). Never a bare
    // 还是有点: "满意，还是有点慢", "还是有点不好意思麻烦大家" rated 2 and sent the work back (a review).
    "还是有点漏",
    "还是有点渗",
    "还是有点滴",
    "还是有点堵",
    "还是有点臭",
    "还在漏",
    "还在滴",
    "还在渗",
});

// What 还没 begins that is no trouble left: "满意，还没来得及说谢谢" (a review, 2026-12-07: rated 2).
constexpr auto kNotAProblem = std::to_array<std::string_view>({"还没来得及", "还没说", "还没谢"});

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
    // Borrowing from the neighbours, however asked ("求助大家，哪位能借我个充电器").
    "哪位能借",
    "哪位有",
    "有谁能借",
    "有谁有",
    "有没有人能借",
    "谁家能借",
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

// The answers to "要反映这个问题吗？" by voice and by hand (exploratory runs, 2026-12-05 and -06:
// "是的" met a menu of commands; "你好", "对了" and "行了行了" were then taken for a yes). A yes is
// made of these words, with the marks and particles of speech around them; "了" after a yes word
// ("好了", "对了", "行了") closes a talk rather than agrees, so it is no yes word.
constexpr auto kYes = std::to_array<std::string_view>({
    "是的",       "是滴",   "是",   "对的",       "对头",       "对",     "没错",     "嗯呐",     "嗯哪",
    "嗯",         "恩",     "好的", "好滴",       "好嘞",       "得嘞",   "好",       "行",       "可以",
    "阔以",       "要的",   "要得", "要",         "需要",       "中",     "ok",       "OK",       "Ok",
    "确定",       "确认",   "同意", "麻烦你们了", "麻烦你了",   "麻烦了", "麻烦你们", "麻烦你",   "麻烦",
    "拜托你们了", "拜托了", "拜托", "你帮我报",   "你们帮我报", "帮我报", "帮忙报",   "帮我反映", "帮我登记",
    "报一下",     "我要报", "报",   "反映",       "那就",       "那",     "就是这个", "这个",     "一下",
    "上去",       "处理",   "尽快", "快点",       "赶紧",       "请",     "派人来",   "来修",     "来看看",
    "[强]",       "[OK]",   "[ok]", "👌",          "👍",
});
constexpr auto kYesCore = std::to_array<std::string_view>({
    "是",   "对",     "没错",     "嗯",       "恩",         "好",     "得嘞",   "行",       "可以",
    "阔以", "要",     "需要",     "中",       "ok",         "OK",     "Ok",     "确定",     "确认",
    "同意", "麻烦",   "拜托",     "你帮我报", "你们帮我报", "帮我报", "帮忙报", "帮我反映", "帮我登记",
    "报",   "我要报", "就是这个", "[强]",     "[OK]",       "[ok]",   "👌",      "👍",
});
constexpr auto kNo = std::to_array<std::string_view>({
    "不对",     "不用", "不要",   "不需要", "不必",   "算了", "不报", "不反映", "没事", "先不用",
    "暂时不用", "先不", "暂时不", "不了",   "没关系", "不是", "说错", "发错",   "错了", "再看看",
    "再说",     "等等", "报",     "反映",   "了",     "麻烦", "你们", "你",     "啦",   "那",
});
constexpr auto kNoCore = std::to_array<std::string_view>({
    "没关系",
    "不用",
    "不要",
    "不需要",
    "不必",
    "算了",
    "不报",
    "不反映",
    "没事",
    "先不",
    "暂时不",
    "不了",
    "不是",
    "说错",
    "发错",
    "错了",
    "再看看",
    "再说",
});
// Words that may stand beside the answer without changing it.
constexpr auto kAnswerFiller = std::to_array<std::string_view>({
    "谢谢你们", "谢谢你", "谢谢", "多谢", "辛苦了", "辛苦", " ",  ",",  "，", "。", ".",  "!",  "！", "~",
    "～",       "、",     "的",   "啊",   "呀",     "吧",   "哈", "哦", "噢", "呢", "嘛", "啦", "哇", "喔",
});
// What separates the clauses of a line said by voice.
constexpr auto kClauseMarks = std::to_array<std::string_view>({" ", ",", "，", "。", "!", "！", "~", "～"});
// After a yes, words that put it off or take it back: "好的 明天再说" is no yes to report now.
constexpr auto kPutOff = std::to_array<std::string_view>({
    "再说",
    "以后再",
    "等会再",
    "等一会",
    "晚点再",
    "明天再",
    "回头再",
    "先不",
    "不用了",
    "算了",
    "别报",
    "已经有人报",
    "已经报了",
    "有人报过",
    "想问",
    "等我",
});
// Of those, the ones that only ask for time: "我想想", "我先问问物业".
constexpr auto kHedges = std::to_array<std::string_view>({
    "我想想",
    "我再想想",
    "想一想",
    "我先问问",
    "我再问问",
    "我问问家里",
    "我问问老伴",
    "我再看看",
    "考虑一下",
    "商量一下",
});
// "算了 还是报一下吧", "算了算了 还是帮我报吧": asking to report after all.
constexpr auto kAsksToReport = std::to_array<std::string_view>({
    "报一下",
    "还是报",
    "帮我报",
    "给我报",
    "要报",
    "帮忙报",
    "报上去",
});
// Said instead of a no: it is already seen to, or they will see to it ("已经好了", "物业已经在修了",
// "我自己能搞定", "别报了").
constexpr auto kSeenTo = std::to_array<std::string_view>({
    "已经好了",   "已经修好", "刚才修好", "修好了",   "已经在修", "在修了", "已经有人报", "已经报了",
    "有人报过",   "别报",     "先别报",   "不想报",   "别管了",   "你别管", "不麻烦你们", "不麻烦了",
    "自己能搞定", "自己搞定", "自己弄好", "随便说说", "说说而已", "发错了",
});

// How much of `text`, from its start, is made of `words` and fillers, and whether it holds one of
// `core`.
struct Prefix {
  std::size_t length = 0;
  bool has_core = false;
};

Prefix prefix_made_of(std::string_view text, std::span<const std::string_view> words,
                      std::span<const std::string_view> core) {
  Prefix prefix;
  while (prefix.length < text.size()) {
    const std::string_view rest = text.substr(prefix.length);
    std::size_t longest = 0;
    for (std::span<const std::string_view> list : {words, std::span<const std::string_view>(kAnswerFiller)}) {
      for (std::string_view word : list) {
        if (word.size() > longest && rest.starts_with(word)) longest = word.size();
      }
    }
    if (longest == 0) break;
    for (std::string_view word : core) {
      if (rest.substr(0, longest).starts_with(word)) prefix.has_core = true;
    }
    prefix.length += longest;
  }
  return prefix;
}

bool made_of(std::string_view text, std::span<const std::string_view> words,
             std::span<const std::string_view> core) {
  const Prefix prefix = prefix_made_of(text, words, core);
  return prefix.has_core && prefix.length == text.size();
}

// A trouble told without a category's keyword: something broken, blocked, leaking, dirty, loud or
// in the way (an exploratory run, 2026-12-05: "卫生间马桶堵了" met a menu of check-ins).
constexpr auto kTrouble = std::to_array<std::string_view>({
    "坏了",
    "坏掉",
    "损坏",
    "堵了",
    "堵住",
    "堵塞",
    "漏水",
    "漏雨",
    "漏气",
    "漏电",
    "渗水",
    "滴水",
    "返水",
    "冒水",
    "积水",
    "一直流水",
    "水压",
    "不亮",
    "没水",
    "家里没电",
    "断电",
    "断水",
    "没热水",
    "没有热水",
    "没气",
    "不热",
    "掉下来",
    "掉了",
    "脱落",
    "裂了",
    "裂缝",
    "裂纹",
    "开裂",
    "松动",
    "发臭",
    "臭味",
    "很臭",
    "好臭",
    "太臭",
    "反味",
    "怪味",
    "发霉",
    "太吵",
    "很吵",
    "好吵",
    "吵死",
    "天天吵",
    "吵得",
    "吵人",
    "扰民",
    "天天叫",
    "一直叫",
    "一直响",
    "一直在响",
    "不响",
    "关不严",
    "漏风",
    "乱停",
    "乱扔",
    "乱堆",
    "乱放",
    "堆满",
    "占道",
    "挡路",
    "消防通道",
    "井盖",
    "大坑",
    "充电",
    "失灵",
    "不好使",
    "不能用",
    "用不了",
    "打不开",
    "关不上",
    "锁不上",
    "拧不紧",
    "关不紧",
    "刷不开",
    "断了",
    "老鼠",
    "蟑螂",
    "狗屎",
    "抽烟",
    "飞线",
    "高空抛物",
    "头晕",
    // Ice and a slippery way (an exploratory run of emergencies, 2026-12-07: "楼梯结冰了 好滑" met the
    // menu), a stairwell light out at night.
    "结冰",
    "结了冰",
    "好滑",
    "太滑",
    "很滑",
    "路滑",
    // Neighbours' troubles and a call for mediation (an exploratory run of neighbour disputes,
    // 2026-12-07: each met the menu of commands).
    // Each as a trouble is told, not the word alone: "油烟机怎么清洗", "周末去郊区种菜", "谢谢你帮我调解"
    // are no trouble (a review of stop 65).
    "噪音",
    "造音",
    "电钻声",
    "电钻从",
    "打电钻",
    "半夜吵",
    "半夜剁",
    "天天剁",
    "油烟都",
    "油烟太",
    "油烟呛",
    "油烟飘",
    "遛狗不拴绳",
    "到处拉屎",
    "堆在楼道",
    "往下扔烟头",
    "乱扔烟头",
    "砸了承重墙",
    "承重墙砸",
    "砸承重墙",
    "占了我的车位",
    "占我车位",
    "占我的车位",
    "绿地上种菜",
    "绿地种菜",
    "圈起来了",
    "群租",
    "帮忙调解",
    "调解一下",
    "要调解",
    "想调解",
    "请社区调解",
    "邻里矛盾",
    "邻里纠纷",
    "评评理",
    "咚咚咚",
    "你们管管",
    "你们管一管",
});
// What the bot itself does: "我的积分用不了" or "活动还缺一个人吗" is about the bot, not a report.
constexpr auto kBotsOwnWords = std::to_array<std::string_view>({
    "积分",
    "兑换",
    "活动",
    "报到",
    "签到",
    "签退",
    "小程序",
    "看板",
    "排行",
    "公示",
    "取货码",
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
    // A bill paid for a parent ("帮我妈交一下电费": an exploratory run of old people living alone, stop 68).
    "电费",
    "水费",
    "燃气费",
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
    "安排",
});
constexpr auto kServiceAsked =
    std::to_array<std::string_view>({"代买", "陪诊", "陪同", "接送", "送我去", "陪我"});
// A look in on someone asked for ("能帮忙去看看我妈吗", "麻烦谁去看一眼", "能不能找人去敲个门"), of a
// parent or an old neighbour: the same run found a daughter 1,500 km away told 没看懂 four times.
constexpr auto kLookIn = std::to_array<std::string_view>(
    {"看看", "看一眼", "看一下", "敲门", "敲个门", "探访", "探望", "看望", "上门"});
constexpr auto kSomeoneCaredFor = std::to_array<std::string_view>(
    {"我妈", "我爸", "我母亲", "我父亲", "我婆婆", "我公公", "我奶奶", "我爷爷", "我姥姥", "我姥爷", "老人",
     "老太太", "老爷子", "她", "他", "大爷", "大妈", "奶奶", "爷爷"});
// An old person's own need, told without asking ("药吃完了", "降压药没了", "下不了楼", "一个人在家 好闷"):
// met with 「已签退」 and the menu; offered as a 点单 like "我的药吃完了 能帮我买点吗".
constexpr auto kNeedTold = std::to_array<std::string_view>(
    {"药吃完了", "药没了", "药快吃完", "药快没了", "没吃的了", "没菜了", "没米了", "下不了楼", "下不去楼",
     "进不了门", "锁在门外", "好闷", "没人说话", "说说话", "聊聊天"});
// A thing wished for: "想要一副老花镜", "希望有一台收音机".
constexpr auto kThingWished = std::to_array<std::string_view>({
    "想要一副",   "想要一个", "想要一台", "想要一件", "想要一双",   "想要一把",   "想要一本",
    "想要一辆",   "想要个",   "想要副",   "想要台",   "希望有一副", "希望有一个", "希望有一台",
    "希望能有一", "想有一个", "想有一台", "缺一台",   "缺一副",     "缺一把",
});

}  // namespace

bool says_problem_back(std::string_view text) {
  // The words of its coming back or never being mended. Not 又开始, 还是不行, 没解决: "又开始下雪了",
  // "签到还是不行", "我的积分还是不对 没解决" are of anything (a review of stop 69).
  constexpr auto kBack = std::to_array<std::string_view>(
      {"又漏了", "又坏了", "又不亮了", "又堵了", "又出问题", "没修好", "没有修好", "跟没修一样", "和没修一样",
       "白修了", "还在漏", "还在滴", "还是漏", "还是坏的", "根本没来修", "根本没修", "修了又坏",
       // "水一直在漏" after a close (an exploratory run of renters, stop 70: the menu).
       "水一直漏", "水一直在漏", "一直在漏", "还在往下滴"});
  if (!holds_any_of(text, kBack)) return false;
  // Of someone else's work or a question: "楼上又漏了吗", "你家修好了没".
  return text.find("吗") == std::string_view::npos && text.find('?') == std::string_view::npos &&
         !describes_trouble(text);
}

bool says_problem_remains(std::string_view remark) {
  if (!holds_any_of(remark, kProblemRemains)) return false;
  if (!holds_any_of(remark, kNotAProblem)) return true;
  // Read again without the words that only look like a trouble left.
  std::string rest(remark);
  for (const std::string_view polite : kNotAProblem) {
    for (std::size_t at = rest.find(polite); at != std::string::npos; at = rest.find(polite))
      rest.erase(at, polite.size());
  }
  return holds_any_of(rest, kProblemRemains);
}

namespace {

// A complaint about how the work was done, not whether: "师傅态度不好", "就是糊弄人", "乱收费" (an
// exploratory run of residents' reports, 2026-12-06: a menu of check-ins).
constexpr auto kComplaintOfWork = std::to_array<std::string_view>({
    "态度不好",
    "态度差",
    "态度太差",
    "态度恶劣",
    "态度很差",
    "态度不太好",
    "糊弄",
    "敷衍",
    "不负责",
    "乱收费",
    "乱要钱",
    "甩脸色",
    "爱答不理",
    "不耐烦",
});

}  // namespace

bool complains_of_work(std::string_view remark) {
  return holds_any_of(remark, kComplaintOfWork);
}

namespace {

// Spaces and the punctuation voice input and phones put after a call ("求助！", "大家，").
std::string_view skip_pause(std::string_view words) {
  while (!words.empty() && std::string_view(" ,.!:;~").find(words.front()) != std::string_view::npos)
    words.remove_prefix(1);
  return words;
}

}  // namespace

bool speaks_to_neighbours(std::string_view words) {
  words = skip_pause(words);
  for (std::string_view greeting : kToNeighboursGreeting) {
    if (words.starts_with(greeting)) {
      // "求助大家，谁家有梯子": a comma after the call opened a ticket. Not "谁能帮我…": asked of
      // the neighbours or not, a resident's own trouble ("…我家水管爆了") is a report.
      words = skip_pause(words.substr(greeting.size()));
      break;
    }
  }
  const auto at_start = [words](std::string_view word) { return words.starts_with(word); };
  return std::any_of(kToNeighboursAtStart.begin(), kToNeighboursAtStart.end(), at_start) ||
         holds_any_of(words, kToNeighboursAnywhere);
}

bool holds_thanks(std::string_view text) {
  return holds_any_of(text, kThanks);
}

bool is_only_thanks(std::string_view text) {
  return std::find(kThanks.begin(), kThanks.end(), text) != kThanks.end();
}

bool answers_yes(std::string_view text) {
  return made_of(text, kYes, kYesCore);
}

std::optional<std::string_view> yes_with_details(std::string_view text) {
  // Whole clauses of yes words, then what the resident adds: "是的 在3号楼2单元", "好的 电话138…".
  std::size_t said = 0;
  bool agreed = false;
  while (said < text.size()) {
    std::string_view rest = text.substr(said);
    std::size_t clause = rest.size();
    for (std::string_view mark : kClauseMarks)
      clause = std::min(clause, rest.find(mark));
    const std::string_view first = rest.substr(0, clause);
    if (first.empty()) {
      // At a mark: past the whole of it ("，" is three bytes).
      const auto mark = std::find_if(kClauseMarks.begin(), kClauseMarks.end(),
                                     [&](std::string_view m) { return rest.starts_with(m); });
      said += mark == kClauseMarks.end() ? 1 : mark->size();
      continue;
    }
    if (!made_of(first, kYes, kYesCore)) break;
    agreed = true;
    said += clause;
  }
  if (!agreed) return std::nullopt;
  std::string_view details = text.substr(said);
  while (!details.empty()) {
    const auto mark = std::find_if(kClauseMarks.begin(), kClauseMarks.end(),
                                   [&](std::string_view m) { return details.starts_with(m); });
    if (mark == kClauseMarks.end()) break;
    details.remove_prefix(mark->size());
  }
  // "好的 谢谢谢谢": thanks after the yes add nothing to the report.
  if (prefix_made_of(details, kYes, kYesCore).length == details.size()) return std::string_view();
  return details;
}

std::optional<std::string_view> after_yes_words(std::string_view text) {
  const Prefix prefix = prefix_made_of(text, kYes, kYesCore);
  if (!prefix.has_core || prefix.length == 0 || prefix.length == text.size()) return std::nullopt;
  return text.substr(prefix.length);
}

bool puts_off(std::string_view text) {
  return holds_any_of(text, kPutOff);
}

bool asks_to_report(std::string_view text) {
  // "不要报了" holds "要报" and asks the opposite.
  constexpr auto kNotToReport =
      std::to_array<std::string_view>({"不要报", "不用报", "别报", "不想报", "不报"});
  return holds_any_of(text, kAsksToReport) && !holds_any_of(text, kNotToReport);
}

bool hedges(std::string_view text) {
  return holds_any_of(text, kHedges);
}

bool answers_no(std::string_view text) {
  // "已经好了", "物业已经在修了" — but not "修好了没两天又坏了", "说在修了 可是还没修好", nor "算了
  // 还是报一下吧", nor a yes that goes on ("是的 已经坏了三天了").
  if (asks_to_report(text)) return false;
  // "水管修好了没" asks after another report: read as a no (its 没), it let the question go.
  if (asks_whether_repaired(text)) return false;
  const bool still_wrong = describes_trouble(text) || says_problem_remains(text);
  if (!still_wrong && holds_any_of(text, kSeenTo) && !prefix_made_of(text, kYes, kYesCore).has_core)
    return true;
  // "算了 我自己去说说他", "不用了我儿子回来修": a no leads, and what follows is the reason. "不是这个
  // 问题，是楼上漏水" corrects rather than declines, and "没事干" is no "没事".
  std::size_t clause = text.size();
  for (std::string_view mark : kClauseMarks)
    clause = std::min(clause, text.find(mark));
  if (clause < text.size() && !text.starts_with("不是") && made_of(text.substr(0, clause), kNo, kNoCore))
    return true;
  const Prefix prefix = prefix_made_of(text, kNo, kNoCore);
  if (!prefix.has_core) return false;
  if (prefix.length == text.size()) return true;
  if (text.starts_with("不是")) return false;
  const std::string_view rest = text.substr(prefix.length);
  return std::any_of(kClauseMarks.begin(), kClauseMarks.end(),
                     [&](std::string_view m) { return rest.starts_with(m); }) ||
         rest.starts_with("我") || rest.starts_with("已经") || rest.starts_with("自己") ||
         rest.starts_with("谢");
}

bool is_only_thumbs_up_codes(std::string_view raw) {
  static constexpr auto kCodes =
      std::to_array<std::string_view>({"[强]", "[OK]", "[ok]", "[好的]", "[抱拳]", "[握手]", " "});
  bool any = false;
  while (!raw.empty()) {
    const auto code = std::find_if(kCodes.begin(), kCodes.end(),
                                   [raw](std::string_view word) { return raw.starts_with(word); });
    if (code == kCodes.end()) return false;
    any = any || *code != " ";
    raw.remove_prefix(code->size());
  }
  return any;
}

bool mentions_bots_own_work(std::string_view text) {
  return holds_any_of(text, kBotsOwnWords);
}

bool describes_trouble(std::string_view text) {
  return !holds_any_of(text, kBotsOwnWords) && holds_any_of(text, kTrouble);
}

bool calls_for_help_now(std::string_view text) {
  // "楼下水管爆了快来人", "电梯坏了 救命": someone needs a hand at once, not a question whether to report.
  static constexpr auto kCalls =
      std::to_array<std::string_view>({"快来人", "来人啊", "来人呀", "救命", "赶紧来人", "快点来人", "快派人",
                                       "赶紧派人", "快来帮忙", "快来救"});
  return holds_any_of(text, kCalls);
}

bool asks_for_service(std::string_view text) {
  // "怎么买药" asks how; it is answered with how, not offered as a 点单.
  const bool asks_how = text.starts_with("怎么") || text.starts_with("如何") || text.starts_with("哪里");
  // Thanks for a hand given ("谢谢志愿者帮我买菜") is no new need; nor is a question about the bot.
  if (asks_how || holds_thanks(text) || holds_any_of(text, kBotsOwnWords)) return false;
  // "今天有人去买菜吗" asks about others; "能不能有人陪我去" asks for a hand.
  const bool question = text.ends_with("吗") || text.ends_with("?") || text.ends_with("？");
  if (question && !holds_any_of(text, std::to_array<std::string_view>(
                                          {"帮", "能不能", "可不可以", "陪", "安排", "麻烦", "找人"})))
    return false;
  return holds_any_of(text, kServiceAsked) || holds_any_of(text, kNeedTold) ||
         (holds_any_of(text, kChores) && holds_any_of(text, kAskingSomeone)) ||
         (holds_any_of(text, kLookIn) && holds_any_of(text, kSomeoneCaredFor) &&
          holds_any_of(text, kAskingSomeone));
}

bool wishes_for_thing(std::string_view text) {
  return !holds_any_of(text, kBotsOwnWords) && holds_any_of(text, kThingWished);
}

bool charges_an_ebike_indoors(std::string_view text) {
  // An exploratory run of renters (stop 70): "电动车电池在屋里充电 还有隔断 住了8个人" waited a week as
  // general.
  static constexpr auto kEbike =
      std::to_array<std::string_view>({"电动车", "电瓶车", "电瓶", "电动自行车", "电车"});
  static constexpr auto kIndoors =
      std::to_array<std::string_view>({"飞线", "拉线", "拉了根线", "窗户", "楼道", "屋里", "家里", "在家",
                                       "室内", "楼上", "房间", "卧室", "客厅"});
  static constexpr auto kNotIt =
      std::to_array<std::string_view>({"充电桩", "充电器坏", "充电口", "充电宝", "手机"});
  return holds_any_of(text, kEbike) && text.find("充电") != std::string_view::npos &&
         holds_any_of(text, kIndoors) && !holds_any_of(text, kNotIt);
}

}  // namespace whistle::language
