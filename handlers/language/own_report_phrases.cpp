#include "handlers/language/own_report_phrases.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <string>

#include "handlers/language/private_numbers.hpp"
#include "handlers/language/text_util.hpp"

namespace whistle::language {

namespace {

// How a resident asks after their own report without naming it: "上次那个水管的事怎么样了",
// "我昨天报的那个怎么没人管啊", "师傅什么时候来啊" (an exploratory run, 2026-12-05).
constexpr auto kAsksAfterOwnReport = std::to_array<std::string_view>({
    "怎么样了",
    "怎么样啊",
    "咋样了",
    "如何了",
    "没人管",
    "没人来",
    "没人理",
    "没人修",
    "什么时候来",
    "啥时候来",
    "几点来",
    "什么时候修",
    "啥时候修",
    "什么时候能修",
    "有消息",
    "有进展",
    "有结果",
    "还没来",
    "怎么还没",
    "咋还没",
    "催办",
    "催一下",
    "催催",
    "到底修不修",
    "管不管",
    // "还冻着呢 有人管吗" (an exploratory run of winter, stop 67: 没看懂).
    "有人管吗",
    "有没有人管",
});

// The trouble still there after one's report: "暖气还是不热", "灯还是不亮", "还冻着呢" (an exploratory run
// of winter, stop 67: offered as a new report, and "是" opened a second ticket at the community). Each
// a trouble's own words: "我还是不去了", "孩子发烧还没好", "仍然感谢你们" are not (a review of the same
// stop: each sent the holder a 催办).
constexpr auto kTroublePersists = std::to_array<std::string_view>({
    "还是不热",   "还是不亮", "还是不通", "还是不行", "还是不出水", "还是不转", "还是坏",   "还是漏",
    "还是冰",     "还是凉",   "还是冷",   "还是堵",   "还是没修",   "还是没好", "还是没水", "还是没电",
    "还是没暖气", "还冻着",   "依然不热", "依然没修", "仍然不热",   "仍然没修", "照样不热", "照样漏",
});

// A resident chasing their report, angry or tired of waiting: "都三天了 你们到底管不管", "催一下 门还是
// 坏的", "人呢", "怎么还没人来啊 水都流到楼道了" (an exploratory run of residents' reports, 2026-12-06:
// half of them got 没看懂 or were offered as new reports). They ask after it and point back to it.
constexpr auto kChasesOwnReport = std::to_array<std::string_view>({
    "催一下",       "催催",     "帮我催",   "再催",       "催办",     "催促",       "到底管不管", "你们到底",
    "到底有没有人", "还没修",   "还没人来", "还没人管",   "还没人修", "投诉你们",   "打12345",    "都三天",
    "都两天",       "都好几天", "都几天",   "都一个星期", "都一周",   "怎么还不来",
});

// A chase said as a question at the line's end: "人呢", "修的人呢" (not "开会了 人呢" to the group,
// which is no line to the bot anyway).
constexpr std::string_view kWhereIsAnyone = "人呢";

// Whether the repair is done, asked: "灯修好了吗", "水管修好了没" (an exploratory run, 2026-12-06:
// offered as new reports, "修好了没" read as a no, "报修 灯修好了吗" opened one).
constexpr auto kAsksWhetherRepairDone = std::to_array<std::string_view>({
    "修好了吗",
    "修好了没",
    "修好没",
    "修好了么",
    "修了吗",
    "修了没",
    "修没修",
    "处理了吗",
    "处理好了吗",
    "处理了没",
    "解决了吗",
    "解决了没",
    "弄好了吗",
    "弄好了没",
    "来修了吗",
});
// When, or whether anyone will come: "有人管吗", "啥时候能修好", "师傅什么时候再来". Only a trouble
// told before is repaired, so these point back as well.
constexpr auto kAsksWhenRepaired = std::to_array<std::string_view>({
    "有人管吗",
    "有人管没",
    "能修好",
    // Not a bare 再来: "好的，那我明天再来", "师傅说明天再来" tell.
    "什么时候再来",
    "啥时候再来",
    "哪天再来",
    "几时再来",
    "有人处理",
    "有人来吗",
    "有人来修",
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
    // "不用了，自己修好了" was answered 收到 while the report went on climbing (an exploratory run,
    // 2026-12-06).
    "自己修好了",
    "自己修好",
    "自己弄好了",
    "自己解决了",
    "找人修好了",
    // "算了不报了", "不用报了" (an exploratory run of corrections, 2026-12-06: answered 收到 while the
    // report went on).
    "不报了",
    "不用报了",
    "不用过来了",
    "别来了",
    // A false alarm taken back ("没事了 虚惊一场 是隔壁在炖东西", "刚才报的煤气味是误会"): an
    // exploratory run of emergencies, 2026-12-07, found the danger left open and a second raised. Not
    // 看错了, 报错了: a time or a task's number misread (a review of the same day).
    "虚惊一场",
    "是误会",
    "误会了",
});

// "不用了 我儿子已经修好了", "算了 已经好了": a no, then the trouble gone. "师傅已经修好了" alone is the
// worker's to close, not the resident's withdrawal.
constexpr auto kDeclines = std::to_array<std::string_view>({"不用了", "算了", "不麻烦了"});
constexpr auto kTroubleGone = std::to_array<std::string_view>({"修好", "弄好", "好了", "解决了", "没事了"});

}  // namespace

bool asks_of_own_report(std::string_view text) {
  return holds_any_of(text, kAsksAfterOwnReport) || chases_own_report(text) || asks_whether_repaired(text);
}

bool asks_after_own_report(std::string_view text) {
  return asks_of_own_report(text) || says_trouble_persists(text);
}

bool says_trouble_persists(std::string_view text) {
  return holds_any_of(text, kTroublePersists) || water_still_running(text);
}

bool water_still_running(std::string_view text) {
  // An exploratory run of renters (stop 70): "水还在漏", "还在往下滴", "房东电话打不通 水一直漏" met the
  // menu. "厨房水龙头一直漏水" names a tap of its own, which the caller tells apart by the thing named.
  static constexpr auto kStillRunning =
      std::to_array<std::string_view>({"还在漏", "还在滴", "还在往下滴", "还在流", "还在渗", "还在往下渗",
                                       "还在喷", "还漏", "没停", "一直在流", "一直流"});
  if (holds_any_of(text, kStillRunning)) return true;
  // "水一直漏" keeps running; "厨房水龙头一直漏水" tells a leak, the first time as often (the words after the
  // bot's "报修" question were turned away as a chase).
  for (const std::string_view going : {"一直漏", "一直在漏", "一直滴", "一直在滴"}) {
    for (std::size_t at = text.find(going); at != std::string_view::npos; at = text.find(going, at + 1)) {
      if (!text.substr(at + going.size()).starts_with("水")) return true;
    }
  }
  return false;
}

std::string_view what_persists(std::string_view text) {
  std::size_t first = text.size();
  for (const std::string_view marker :
       {"还是", "依然", "仍然", "还冻着", "照样", "还在", "一直", "还漏", "没停"})
    first = std::min(first, text.find(marker));
  std::string_view before = trim_spaces(text.substr(0, first));
  // The clause it stands in: "房东电话打不通 水一直漏" is of the water.
  if (const std::size_t apart = before.find_last_of(" ,"); apart != std::string_view::npos)
    before = trim_spaces(before.substr(apart + 1));
  // "我家暖气": the thing, past whose it is. A person is no thing ("我还是不行": the final read of stop 67
  // found "我" matching every report that holds the word).
  for (const std::string_view whose : {"我家的", "我家", "家里的", "家里", "我们家"}) {
    if (before.starts_with(whose)) before.remove_prefix(whose.size());
  }
  before = trim_spaces(before);
  for (const std::string_view person :
       {"我们", "我", "你们", "你", "他们", "他", "她", "孩子", "老伴", "我妈", "我爸"}) {
    if (before == person) return {};
  }
  return before;
}

bool asks_whether_repair_done(std::string_view text) {
  return holds_any_of(text, kAsksWhetherRepairDone);
}

bool asks_whether_repaired(std::string_view text) {
  return asks_whether_repair_done(text) || holds_any_of(text, kAsksWhenRepaired);
}

bool chases_own_report(std::string_view text) {
  // 催缴 (a bill), 催眠 and 催我回家 are no chase of a report; a parcel or a meal is not the report
  // ("我的快递人呢", "还没人来领大米吗": a second review, 2026-12-06).
  if (holds_any_of(text, std::to_array<std::string_view>({"催缴", "催眠", "催费", "催我", "催款", "快递",
                                                          "外卖", "来领", "来取", "来拿", "来接"})))
    return false;
  // "催一下大家报名", "怎么还没人报到": a leader chasing volunteers for a task (a regression hunt of the
  // volunteer loop, 2026-12-07: a 催办 on her own report, passed to its worker). Not a bare 大家 or
  // 活动: "催一下 大家都等着用电梯呢", "活动室的灯还是不亮" chase a report (the final read).
  if (holds_any_of(text, std::to_array<std::string_view>({"报名", "报到", "志愿者", "参加", "签到", "接龙"})))
    return false;
  std::string_view line = text;
  for (const std::string_view mark : {"?", "？", "!", "！"}) {
    while (line.ends_with(mark))
      line.remove_suffix(mark.size());
  }
  // "人呢", "修的人呢", "你们的人呢": a short line that is only the question.
  constexpr std::size_t kShortLine = 5 * 3;
  if (line.ends_with(kWhereIsAnyone) && line.size() <= kShortLine) return true;
  return holds_any_of(text, kChasesOwnReport);
}

bool says_nobody_came(std::string_view text) {
  return holds_any_of(
      text, std::to_array<std::string_view>({"没人来", "没人管", "没有人来", "没有人管", "还是没人"}));
}

bool refers_back(std::string_view text) {
  return holds_any_of(text, kRefersBack) || chases_own_report(text) || asks_whether_repaired(text) ||
         says_trouble_persists(text);
}

namespace {

// How a resident gives a way to reach them: "我电话是一三八…", "联系电话13900001111", "有事打我电话
// 139…" (an exploratory run of residents' reports, 2026-12-06: 没看懂 right after the report).
constexpr auto kContactWords =
    std::to_array<std::string_view>({"电话", "手机", "联系方式", "联系我", "打我", "微信号"});

// A line that also asks or does something else is that: "物业的电话是多少 我打139…没人接", "我手机138…，
// 报名1号活动", "另外 积分怎么兑换" (reviews, 2026-12-07).
constexpr auto kAnotherMatter =
    std::to_array<std::string_view>({"报名", "报到", "签到", "兑换", "积分", "活动", "多少钱", "多少分"});
constexpr auto kNotOnlyContact = std::to_array<std::string_view>({"没人接", "打不通", "物业", "社区"});

bool is_mobile_number_alone(std::string_view text) {
  const std::string_view number = trim_spaces(text);
  return number.size() == 11 && number.front() == '1' && is_all_ascii_digits(number);
}

}  // namespace

// A question is asked at its end ("另外 积分怎么兑换", "还有 我下午报到了吗"); "还有 不知道怎么回事 灯一直闪"
// tells more (a final read, 2026-12-07: 怎么 anywhere dropped it).
bool turns_to_another_matter(std::string_view text) {
  const std::string_view said = trim_spaces(text);
  return holds_any_of(text, kAnotherMatter) || said.ends_with("?") || said.ends_with("吗") ||
         said.ends_with("呢") || said.ends_with("多少");
}

bool gives_contact_details(std::string_view text) {
  if (is_mobile_number_alone(text)) return true;
  if (!holds_any_of(text, kContactWords) || holds_any_of(text, kNotOnlyContact) ||
      turns_to_another_matter(text))
    return false;
  // A number to call: a run the masking would hide ("13900001111", "一三八一二三四五六七八九").
  return mask_private_numbers(text) != text;
}

bool withdraws_own_report(std::string_view text) {
  if (holds_any_of(text, kWithdrawsOwnReport)) return true;
  const bool declines = std::any_of(kDeclines.begin(), kDeclines.end(),
                                    [&](std::string_view word) { return text.starts_with(word); });
  return declines && holds_any_of(text, kTroubleGone);
}

}  // namespace whistle::language
