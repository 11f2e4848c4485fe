#include <algorithm>
#include <array>
#include <span>
#include <unordered_map>

#include "handlers/language/intent_table.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/language/utf8.hpp"

namespace whistle::language {

namespace {

// The words around a command: what may stand before it, what after it makes it talk, and the labels
// of a form. The words of danger are in danger_words.cpp.
// clang-format off
constexpr auto kWrappers = std::to_array<std::string_view>({
    "嗯那个", "那个", "嗯嗯", "嗯", "额", "呃", "就是", "喂",
    // A sigh before the complaint ("哎 我要投诉 楼下饭店油烟太大", by voice).
    "哎呀", "哎哟", "哎", "唉",
    // Who is speaking, new here ("我是新来的租户 也想参加 报名", "新来的 报名", "我刚搬来 怎么当志愿者": an
    // exploratory run of renters, stop 70, found each silence or 没看懂).
    "我是新来的租户", "我是新来的住户", "我是新来的租客", "我是新搬来的", "我是刚搬来的", "我是新来的",
    "我新搬来的", "我刚搬来的", "我刚搬来", "刚搬来的", "新搬来的", "新来的租户", "新来的租客", "新来的", "我是新租户",
    "我是新住户", "我是租户",
    // Moving out, the reason before a withdrawal ("下周就搬走了 去不了了", "我下周搬走 取消报到吧": a review of
    // stop 70 found the move's answer taking them, the place kept).
    "下周就搬走了", "我下周就搬走了", "我下周搬走", "下周搬走", "我要搬走了", "我要搬家了", "月底就搬走了",
    "我下个月搬走了", "房子到期了",
    "我想要", "我要", "我想", "我也要", "我也想", "我也", "我来", "也想", "想", "要",
    "帮我", "帮忙", "麻烦你", "麻烦", "请帮我", "请", "您好", "你好", "现在", "我现在",
    // How children and young people address the leader before the words ("阿姨好我想报名", "叔叔我到了":
    // an exploratory run of the winter holiday, stop 69, found each silence or 没看懂).
    "阿姨好", "阿姨您好", "阿姨你好", "阿姨", "叔叔好", "叔叔您好", "叔叔你好", "叔叔", "老师好", "老师您好",
    "老师", "姐姐好", "哥哥好", "爷爷好", "奶奶好",
    "查一下", "查下", "查查", "查看", "看一下", "看看", "看下", "问一下", "问下",
    // An acknowledgement before the answer ("收到，我来", "好的报到"): alone they stay chatter.
    "收到", "好的", "好嘞", "好哒", "OK", "ok",
    // "可以 我报名", "没问题，报名" (a regression hunt of the volunteer loop, 2026-12-07); after them an
    // implicit reply counts only with a word of signing up (parser.cpp, answers_a_question).
    "可以", "没问题", "我可以的", "我有空", "有空",
    // "/积分", "/报到 12": a command typed the way Telegram's are.
    "/",
    // "临时有事去不了了": the reason before the withdrawal.
    "临时有事", "家里有事", "临时有点事", "家里临时有事", "突然有事", "有点事", "有事",
    // "先走了 签退 1", "来晚了 签到", "不好意思 请假 1": what happened, then the command (an
    // exploratory run of an urgent night, 2026-12-06: silence, and a stay paid to its end).
    "先走了", "我先走了", "来晚了", "我来晚了", "不好意思", "抱歉",
    // "报错了 取消报名", "刚才点错了 取消报名": a slip owned, then the command taking it back (an
    // exploratory run of how people type, stop 68: silence, and the place kept).
    "报错了", "刚才报错了", "点错了", "刚才点错了", "按错了", "搞错了", "弄错了",
    // "到了，签到" (a regression hunt of the volunteer loop, 2026-12-07: silence, then 失约).
    "到了", "到啦", "已到",
    // "表扬@小马 加3分": praise, then the points (an exploratory run of a campaign, 2026-12-06).
    "表扬", "点赞",
    // "元旦快乐，明天的活动照常吗" (an exploratory run of the turn of the year, stop 66: 没看懂).
    "新年快乐", "元旦快乐", "春节快乐", "新春快乐", "过年好", "新年好", "节日快乐",
    "我",
});

// Right after a command word: it told of something done or suggested ("结束了", "吹哨吧").
constexpr auto kDoneMarkers = std::to_array<std::string_view>({"了", "过", "啦", "完了", "好了", "吧"});

// Right after a command word: it is the subject or part of a noun, not a request ("报修的师傅来了",
// "派单太慢了", "办结率多少", "投诉有用吗", "吹哨时间").
constexpr auto kAboutMarkers = std::to_array<std::string_view>({
    "的", "得", "是", "太", "很", "挺", "真", "有用", "没用", "成功", "失败", "给谁", "怎么", "什么",
    "时间", "电话", "热线", "流程", "规则", "记录", "方式", "方法", "信息", "制度", "机制", "系统", "功能",
    "中心", "清单", "服务", "人员", "做法", "工作", "率", "券", "码", "栏", "墙", "单在", "无门", "时限",
    "小程序", "渠道", "要钱", "征集", "给", "中", "以后", "之后", "以前", "不了",
});

constexpr auto kSaidWhenDone =
    std::to_array<Intent>({Intent::report_in, Intent::withdraw, Intent::check_in, Intent::check_out});

constexpr auto kSofteners = std::to_array<std::string_view>({"一下", "一个问题", "个问题", "个事", "件事"});

constexpr auto kEveryone = std::to_array<std::string_view>({"所有人", "全体成员", "全体", "all", "everyone"});

constexpr auto kPersonMarkers = std::to_array<std::string_view>({"给", "为", "帮", "替"});

constexpr auto kReferenceNouns = std::to_array<std::string_view>({"任务", "活动"});

constexpr auto kNumberedThings = std::to_array<std::string_view>({
    "楼", "栋", "幢", "单元", "院", "门", "床", "房", "室", "线", "车", "口", "铺", "店", "地", "柜", "窗", "机", "馆"});

constexpr auto kEachWords = std::to_array<std::string_view>({"各", "每人"});

constexpr auto kCodeLabels = std::to_array<std::string_view>({"签到码", "验证码", "码"});

// Longest first: "改为" before "为".
constexpr auto kEditJoiners =
    std::to_array<std::string_view>({"调整为", "调整到", "改为", "改成", "改到", "变成", "为", "到", "成", "是"});

constexpr auto kBrackets = std::to_array<std::pair<std::string_view, std::string_view>>(
    {{"【", "】"}, {"[", "]"}, {"「", "」"}, {"〔", "〕"}, {"《", "》"}});

// Words that begin with a command word but are ordinary nouns and idioms: "吹哨人" is a
// whistleblower, "投诉电话是多少" a question, "兑换券在哪" about a coupon.
constexpr auto kNotCommands = std::to_array<std::string_view>({
    "吹哨人", "吹哨子", "吹哨声", "吹哨报到", "吹哨助手", "投诉电话", "报修电话", "求助电话", "求助无门", "反映情况的",
    "兑换券", "兑换码", "兑换点", "兑换处", "兑换的", "派单员", "派单的", "心愿单", "心愿墙", "心愿达成",
    "点单的", "评价一下这", "评价这", "绑定的", "上架的", "统计局", "统计表", "活动室", "活动中心",
    "报到处", "报到中心", "签到表", "签到处", "签到簿", "报名表", "报名处", "积分卡", "积分制",
    "投诉信", "报修单", "微心愿活动", "心愿实现", "微心愿已实现", "派单记录",
    "保修期", "保修卡", "保修单", "保修范围", "保修费", "保修服务", "保修几年", "保修多久", "保修一年", "保修一个",
    "保修两", "保修二", "保修三", "保修半", "保修到", "保修过", "保修吗", "保修找", "保修的",
});

// Endings of a question put to the others in the chat: "绑定银行卡了吗".
constexpr auto kQuestionEndings = std::to_array<std::string_view>(
    {"吗", "么", "嘛", "了", "呢", "啊", "吧", "哪些", "怎么弄", "怎么办", "多少", "什么"});

// Endings that make a ticket glued to its verb a question or a suggestion to the others: "报修要钱吗",
// "点单外卖吧" ("报修水管漏了" ends in 了 and is a ticket).
constexpr auto kAskingEndings = std::to_array<std::string_view>({"吗", "么", "嘛", "吧", "呢"});

// Words that make free words a question wherever they stand: "兑换大米要多少积分", "兑换哪个划算".
constexpr auto kQuestionWords =
    std::to_array<std::string_view>({"多少", "哪个", "哪些", "还是", "什么", "怎么", "谁", "几个", "几时"});

// A 接龙 under one of these headers counts goods, answers or money, not volunteers — whatever else
// the header says ("志愿者年终聚餐接龙", "接龙2 团购砂糖橘"): purchases, surveys, meals and polls.
// And a notice's read receipts ("#接龙\n收到请接龙", "停水通知已阅接龙": the second review of stop 70).
constexpr auto kNotSignUpLists = std::to_array<std::string_view>({"收到请接龙", "收到接龙", "已阅", "团购", "拼单", "统计", "调查", "订购", "订餐",
                                                                  "AA", "吃饭", "聚餐", "买", "投票", "选项", "表决"});
// Residents' own lists (an exploratory run, 2026-12-06: each took a task's places): their check-ups,
// vaccinations, choir. The same topics are volunteers' duties ("疫苗接种点秩序维护志愿者接龙", "老年体检
// 引导接龙"), so a header that names a task or its volunteers makes the list a sign-up again.
// So are registers of residents, tenants and flats, a landlord's viewings and access cards (an
// exploratory run of renters, stop 70: "接龙 看房登记", "流动人口登记", "接龙 门禁卡办理" filled a fire-safety
// check's places); not 登记 alone, which heads volunteers' lists as often ("扫雪报名登记").
constexpr auto kResidentsOwnLists = std::to_array<std::string_view>(
    {"体检", "疫苗", "合唱", "预约", "排练", "住户登记", "租户登记", "人口登记", "信息登记", "出租屋登记", "房屋登记",
     "看房", "门禁卡", "办卡", "信息采集", "居住证", "租客登记", "暂住", "入住登记", "备案", "车辆登记", "电动车登记",
     "车牌"});
constexpr auto kVolunteerListWords =
    std::to_array<std::string_view>({"志愿", "义工", "引导", "秩序", "维护", "服务", "帮忙"});

// "吹哨 寒潮 各网格各楼栋 今晚…" from the community's group is for every level below it.
constexpr auto kBroadcastWords = std::to_array<std::string_view>(
    {"各网格各楼栋各单元", "各网格各楼栋", "各网格、各楼栋", "全网格", "下发", "各网格", "各楼栋", "各单元", "所有网格", "所有楼栋"});

constexpr auto kAssigneePrefixes = std::to_array<std::string_view>({"交给", "转给", "派给", "给", "转", "由"});

constexpr auto kScoreWords = std::to_array<ScoreWord>({
    {"非常不满意", 1}, {"五星好评", 5}, {"非常满意", 5}, {"十分满意", 5}, {"基本满意", 4}, {"比较满意", 4},
    {"很不满意", 1},   {"不太满意", 2}, {"不满意", 1},   {"很满意", 5},   {"满意", 5},
    {"好评", 5},       {"满分", 5},     {"中评", 3},     {"差评", 1},     {"一般", 3},
    {"还行", 4},       {"还可以", 4},     {"挺满意", 4},     {"很好", 5},       {"挺好", 4},
    {"特别满意", 5},   {"太满意", 5},     {"超满意", 5},     {"不行", 2},
});

constexpr auto kFormLabels = std::to_array<FormLabel>({
    {"活动内容", FormSlot::title},   {"活动主题", FormSlot::title},  {"活动名称", FormSlot::title},   {"任务内容", FormSlot::title},
    {"任务名称", FormSlot::title},  {"服务内容", FormSlot::title},   {"事项", FormSlot::title},
    {"内容", FormSlot::title, true},      {"主题", FormSlot::title},       {"标题", FormSlot::title},
    {"名称", FormSlot::title},      {"活动", FormSlot::title, true},       {"任务", FormSlot::title, true},
    {"集合地点", FormSlot::place},  {"活动地点", FormSlot::place},   {"地点", FormSlot::place},
    {"地址", FormSlot::place},      {"位置", FormSlot::place, true},       {"需要人数", FormSlot::count},
    {"招募人数", FormSlot::count},  {"人数", FormSlot::count},       {"名额", FormSlot::count},
    {"活动时间", FormSlot::time},   {"集合时间", FormSlot::time},    {"时间", FormSlot::time},
    {"日期", FormSlot::time, true},       {"时长", FormSlot::minutes},     {"积分奖励", FormSlot::points},
    {"奖励积分", FormSlot::points}, {"积分", FormSlot::points},      {"奖励", FormSlot::points, true},
    {"要求", FormSlot::ignored, true},    {"备注", FormSlot::ignored},     {"说明", FormSlot::ignored, true},
    {"联系人", FormSlot::ignored},  {"注意事项", FormSlot::ignored}, {"报名方式", FormSlot::ignored},
});
// clang-format on

template <typename Array>
void sort_longest_first(Array& array) {
  std::stable_sort(array.begin(), array.end(),
                   [](const auto& a, const auto& b) { return a.label.size() > b.label.size(); });
}

}  // namespace

std::string_view without_wrappers(std::string_view text) {
  // As the parser reads past them: at most three, the longest first ("请帮我撤销核销", "麻烦 删除 2").
  for (int left = 3; left > 0; --left) {
    text = trim_spaces(text);
    std::string_view longest;
    for (const std::string_view wrapper : kWrappers) {
      if (wrapper.size() > longest.size() && text.starts_with(wrapper)) longest = wrapper;
    }
    if (longest.empty()) break;
    text.remove_prefix(longest.size());
  }
  return trim_spaces(text);
}

const Vocabulary& vocabulary() {
  static const Vocabulary words{.wrappers = kWrappers,
                                .softeners = kSofteners,
                                .everyone = kEveryone,
                                .person_markers = kPersonMarkers,
                                .reference_nouns = kReferenceNouns,
                                .numbered_things = kNumberedThings,
                                .each_words = kEachWords,
                                .code_labels = kCodeLabels,
                                .edit_joiners = kEditJoiners,
                                .brackets = kBrackets,
                                .not_commands = kNotCommands,
                                .question_endings = kQuestionEndings,
                                .broadcast_words = kBroadcastWords,
                                .assignee_prefixes = kAssigneePrefixes,
                                .asking_endings = kAskingEndings,
                                .question_words = kQuestionWords,
                                .not_sign_up_lists = kNotSignUpLists,
                                .residents_own_lists = kResidentsOwnLists,
                                .volunteer_list_words = kVolunteerListWords,
                                .done_markers = kDoneMarkers,
                                .about_markers = kAboutMarkers,
                                .said_when_done = kSaidWhenDone};
  return words;
}

namespace {

// The words of `list` whose first character is `text`'s, longest first.
std::span<const std::string_view> candidates(IndexedWords list, std::string_view text) {
  using Index = std::unordered_map<char32_t, std::vector<std::string_view>>;
  static const std::array<Index, 3> indexes = [] {
    std::array<Index, 3> built;
    const std::array<std::span<const std::string_view>, 3> lists = {kWrappers, kNotCommands, kAboutMarkers};
    for (std::size_t i = 0; i < lists.size(); ++i) {
      for (const std::string_view word : lists[i]) {
        built[i][ascii_lower_code_point(decode_utf8(word, 0).value)].push_back(word);
      }
      for (auto& [character, words] : built[i]) {
        std::stable_sort(words.begin(), words.end(),
                         [](std::string_view a, std::string_view b) { return a.size() > b.size(); });
      }
    }
    return built;
  }();
  if (text.empty()) return {};
  const Index& index = indexes[static_cast<std::size_t>(list)];
  const auto words = index.find(ascii_lower_code_point(decode_utf8(text, 0).value));
  if (words == index.end()) return {};
  return words->second;
}

}  // namespace

std::vector<std::string_view> words_starting(IndexedWords list, std::string_view text) {
  std::vector<std::string_view> found;
  for (const std::string_view word : candidates(list, text)) {
    if (starts_with_at(text, 0, word)) found.push_back(word);
  }
  return found;
}

bool starts_with_any(IndexedWords list, std::string_view text) {
  for (const std::string_view word : candidates(list, text)) {
    if (starts_with_at(text, 0, word)) return true;
  }
  return false;
}

std::span<const ScoreWord> score_words() {
  return kScoreWords;
}

std::span<const FormLabel> form_labels() {
  static const auto sorted = [] {
    auto labels = kFormLabels;
    sort_longest_first(labels);
    return labels;
  }();
  return sorted;
}

}  // namespace whistle::language
