#include <algorithm>
#include <array>
#include <span>
#include <tuple>
#include <unordered_map>

#include "handlers/language/intent_table.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/language/utf8.hpp"

namespace whistle::language {

namespace {

// The words around a command: what may stand before it, what after it makes it talk, which words
// are dangers to report at once, and the labels of a form.
// clang-format off
constexpr auto kWrappers = std::to_array<std::string_view>({
    "嗯那个", "那个", "嗯嗯", "嗯", "额", "呃", "就是", "喂",
    // A sigh before the complaint ("哎 我要投诉 楼下饭店油烟太大", by voice).
    "哎呀", "哎哟", "哎", "唉",
    "我想要", "我要", "我想", "我也要", "我也想", "我也", "我来", "想", "要",
    "帮我", "帮忙", "麻烦你", "麻烦", "请帮我", "请", "您好", "你好", "现在", "我现在",
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
    // "到了，签到" (a regression hunt of the volunteer loop, 2026-12-07: silence, then 失约).
    "到了", "到啦", "已到",
    // "表扬@小马 加3分": praise, then the points (an exploratory run of a campaign, 2026-12-06).
    "表扬", "点赞",
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

constexpr auto kPersonMarkers = std::to_array<std::string_view>({"给", "为", "帮"});

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

constexpr auto kDangerWords = std::to_array<std::string_view>({
    "着火", "起火", "失火", "火灾", "冒烟", "冒黑烟", "烧起来",
    "煤气泄漏", "燃气泄漏", "煤气漏", "燃气漏", "煤气味", "燃气味", "天然气味",
    "有人晕倒", "晕倒了", "昏倒", "有人受伤", "流了很多血", "救命",
    "打架", "持刀", "拿刀", "砍人", "溺水", "落水", "触电", "坠楼", "跳楼",
    "电梯困人", "被困电梯", "困在电梯", "天然气泄漏", "天然气漏", "煤气中毒", "一氧化碳中毒", "爆炸",
    "打群架", "群殴", "煤气罐漏气", "燃气漏气", "煤气漏气", "漏煤气", "漏燃气", "煤气好像漏", "燃气好像漏",
    "掉水里", "掉河里", "冒火花", "起不来了", "摔倒了起不来",
    // As people write them (an exploratory run, 2026-12-05): 泄露 beside 泄漏, a lift that 关人, a fall
    // or a heart attack at home, a call for an ambulance, a burglar, thick smoke.
    "煤气泄露", "燃气泄露", "天然气泄露", "瓦斯泄漏", "瓦斯泄露", "瓦斯外泄", "煤气外泄", "燃气外泄",
    "有人被困", "电梯关人", "电梯卡人", "关在电梯", "卡在电梯",
    "老人摔倒", "老伴摔倒", "老人跌倒", "老伴跌倒", "摔倒在地", "晕过去", "心脏病发", "突发心脏病",
    "心梗", "不省人事", "没有呼吸", "没呼吸了", "没了意识", "失去意识",
    "叫120", "打120", "叫救护车", "快叫救护车", "进贼", "入室盗窃", "有人撬门", "浓烟", "楼道有烟",
    "楼道里有烟", "屋里有烟", "家里有烟", "需要送医院", "要送医院", "快送医院", "得送医院",
    // Told the way an old neighbour tells it by voice (an exploratory run, 2026-12-05): someone shut
    // in a lift, a fall with no getting up, a stroke's signs, a burning smell, a gas cooker that will
    // not shut, a fight, someone on a roof's edge, tiles falling on people.
    // Each tied to a person or a danger: "钥匙卡在里面", "垃圾倒在地上", "冷得爬不起来", "感动得说不
    // 出话", "楼顶有人晒被子" are talk (the review of 2026-12-05).
    "里面好像有人", "有人在里面喊", "里面有人喊", "人困在里面", "人被关在里面", "人卡在里面",
    // Not "电梯里有人" alone: "电梯里有人抽烟" is a nuisance, not someone shut in (2026-12-06).
    "电梯里有人出不来", "人在电梯里出不来", "电梯里有人喊", "电梯里有人呼救", "摔了一跤爬不起来", "摔了爬不起来", "摔倒了爬不起来", "人倒在地上", "老人倒在地上",
    "躺在地上不动", "心口疼得厉害", "胸口疼得厉害", "突然说不出话", "嘴也歪了", "嘴歪了", "半边身子不能动",
    "烧焦的味道", "烧焦味", "焦糊味", "像煤气", "像燃气", "像天然气", "煤气灶关不", "燃气灶关不",
    "煤气关不", "燃气关不", "打起来了", "站在楼顶边", "楼顶边上有人", "楼顶有个人站", "砸到人", "砸伤",
    "高空坠物", "掉下来砸",
    // An exploratory run of residents' reports (2026-12-06): someone trapped, bleeding that does not
    // stop. Bleeding, gas said as 漏气 and an unanswered door are dangers only beside the words of
    // one (kDangerPairs): a cut finger, a draughty window and a courier's knock are not (a review,
    // 2026-12-06). Not a lost manhole cover: a report to fix at once, not a call for 110 (a reviewed
    // line, 反映个问题，1号楼门口的井盖丢了).
    // Not 大出血 (a sale's "超市大出血") nor 头破了 (枕头破了): a second review, 2026-12-06.
    "有人困住", "血流不止", "头出血", "头流血", "流了好多血", "流血不止", "止不住血", "血止不住",
});

// A danger said in two halves, each of which alone is talk: the first half's word with any of the
// second's. Someone shut in a lift ("电梯卡住了 里面有人", "电梯停了 我妈在里面出不来"; not "电梯里面有人
// 贴小广告" nor "推车出不来"), gas in the home ("家里漏气了 一股味"; not "暖气管道漏气"), an old
// neighbour nobody has answered the door for in days ("王大爷好几天没见人了 敲门也没人应"; not "楼上漏水
// 敲门也没人应" nor a courier's knock), bleeding after a fall or a blow ("摔了一跤 出血了").
struct DangerPair {
  std::span<const std::string_view> first;
  std::span<const std::string_view> second;
  /// What makes this pair talk, and only this pair: a tyre's 漏气 says nothing of "车库着火了 轮胎都烧着
  /// 了" (the final read, 2026-12-06: the pairs' negators had silenced every danger word).
  std::span<const std::string_view> unless;
};
constexpr auto kLift = std::to_array<std::string_view>({"电梯"});
constexpr auto kShutIn = std::to_array<std::string_view>(
    {"困住", "被困在电梯", "被困在里面", "被关在里面", "关在里面", "关里面", "卡在里面", "关在里头", "困在里头",
     "在里面出不来", "里面出不来",
     "里面有人出不来", "里面有人！", "里面有人!", "里面有人啊", "里面还有人",
     "里面有个人", "里面有老人", "里面有小孩", "里面有孩子"});
constexpr auto kGasLeak = std::to_array<std::string_view>({"漏气"});
constexpr auto kGasSmell = std::to_array<std::string_view>(
    {"一股味", "气味", "臭味", "燃气", "煤气", "天然气", "灶", "气罐", "头晕"});
// Days without a sign of an old neighbour, said with the door or the neighbour; a door unanswered
// with someone living alone or a fear for them. Not "敲门没人应 奶奶在睡觉吧" nor "几天没见人了 应该是回
// 老家了" (a second review, 2026-12-06).
constexpr auto kDaysUnseen = std::to_array<std::string_view>(
    {"几天没见人", "几天没见到人", "几天没看到人", "几天没见着", "几天没拿", "几天没出门", "几天没动静"});
constexpr auto kUnseenContext = std::to_array<std::string_view>(
    {"敲门", "老人", "独居", "大爷", "奶奶", "老太", "老头", "爷爷", "大妈", "阿婆", "一个人住", "怕出事"});
constexpr auto kNoAnswer = std::to_array<std::string_view>({"敲门也没人应", "敲门没人应", "敲门都没人应"});
constexpr auto kLoneWorry =
    std::to_array<std::string_view>({"独居", "一个人住", "怕出事", "会不会出事", "出什么事", "出事了"});
constexpr auto kBleeding = std::to_array<std::string_view>({"出血", "流血"});
constexpr auto kHurt = std::to_array<std::string_view>(
    {"摔", "跌倒", "车祸", "撞", "砸", "流了很多", "流了好多", "止不住", "晕倒", "昏", "骨折", "打人", "砍"});
// Each pair's own negators (a second review, 2026-12-06): a lift asked about or full, air let out of
// a ball or a tyre, a neighbour away, bleeding that is none or no emergency.
constexpr auto kLiftTalk = std::to_array<std::string_view>(
    {"里面有人吗", "太挤", "等下一趟", "等会再下", "差点夹", "困住过", "被困过", "的感觉"});
constexpr auto kAirTalk = std::to_array<std::string_view>(
    {"篮球", "车胎", "轮胎", "气球", "充气", "橡胶", "高压锅", "暖气", "燃气费"});
constexpr auto kAwayTalk = std::to_array<std::string_view>({"回老家", "旅游", "出去玩"});
constexpr auto kMinorBleeding = std::to_array<std::string_view>(
    {"牙龈", "鼻血", "痔疮", "月经", "创可贴", "没出血", "没流血", "没人流血", "没有出血", "没有流血", "出血不多",
     "擦破", "包好了", "鼻子出血", "咬人"});
constexpr std::array<DangerPair, 5> kDangerPairs{{{kLift, kShutIn, kLiftTalk},
                                                 {kGasLeak, kGasSmell, kAirTalk},
                                                 {kDaysUnseen, kUnseenContext, kAwayTalk},
                                                 {kNoAnswer, kLoneWorry, kAwayTalk},
                                                 {kBleeding, kHurt, kMinorBleeding}}};

// Words that make a danger word talk about danger rather than report it: a drill, the news, a class.
constexpr auto kDangerNegators = std::to_array<std::string_view>({
    "演习", "演练", "模拟", "电视", "新闻", "消防知识", "安全知识", "讲座", "培训", "宣传",
    "教育", "禁止", "防止", "报警器", "如果", "的话", "上次", "哈哈", "笑晕", "我都晕", "我晕倒了", "要晕倒了",
    "心里着火", "违法", "打不着火", "点不着火",
    // A story or a lesson, and a scare already over (an exploratory run's chatter, 2026-12-05).
    "电影", "剧里", "视频里", "小说", "课上", "课堂", "学校学", "没事了",
});

// A hazard feared, not a fire (an exploratory run of the leaders' side, 2026-12-07: boxes in a
// stairwell "怕着火" sent the 119 text and an urgent alert): these words are no danger of their own,
// but a danger said beside them ("冒烟了 怕着火") still is, so they are taken out, not negated.
constexpr auto kDangerFears = std::to_array<std::string_view>(
    {"怕着火", "怕起火", "怕失火", "容易着火", "容易起火", "火灾隐患", "消防隐患"});

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
constexpr auto kNotSignUpLists = std::to_array<std::string_view>({"团购", "拼单", "统计", "调查", "订购", "订餐",
                                                                  "AA", "吃饭", "聚餐", "买", "投票", "选项", "表决"});
// Residents' own lists (an exploratory run, 2026-12-06: each took a task's places): their check-ups,
// vaccinations, choir. The same topics are volunteers' duties ("疫苗接种点秩序维护志愿者接龙", "老年体检
// 引导接龙"), so a header that names a task or its volunteers makes the list a sign-up again.
constexpr auto kResidentsOwnLists =
    std::to_array<std::string_view>({"体检", "疫苗", "合唱", "预约", "排练"});
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
                                .danger_words = kDangerWords,
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

bool contains_danger_word(std::string_view text) {
  return danger_word_in(text).has_value();
}

namespace {

// The danger word or pair the text holds, negators not yet looked at.
std::optional<std::string_view> danger_word_unless_denied(std::string_view text) {
  // A scan per word (memmem) beats a lookup per character here: the lists are short.
  for (std::string_view word : kDangerWords) {
    if (text.find(word) != std::string_view::npos) return word;
  }
  const auto first_of = [text](std::span<const std::string_view> words) -> std::optional<std::string_view> {
    for (std::string_view word : words) {
      if (text.find(word) != std::string_view::npos) return word;
    }
    return std::nullopt;
  };
  for (const DangerPair& pair : kDangerPairs) {
    if (!first_of(pair.first) || first_of(pair.unless)) continue;
    if (const std::optional<std::string_view> second = first_of(pair.second)) return second;
  }
  // "电梯卡住了 里面有人": 里面有人 ending its clause, of a lift that stopped; "里面有人贴小广告" goes on to
  // say what they do, "电梯里面有人，我等下一趟" is a full lift.
  static constexpr auto kStopped =
      std::to_array<std::string_view>({"卡住", "停了", "坏了", "不动", "故障", "掉下", "打不开", "开不了"});
  if (first_of(kLift) && first_of(kStopped) && !first_of(kLiftTalk)) {
    constexpr std::string_view kSomeoneInside = "里面有人";
    for (std::size_t at = text.find(kSomeoneInside); at != std::string_view::npos;
         at = text.find(kSomeoneInside, at + 1)) {
      if (ends_a_word(text, at + kSomeoneInside.size())) return kSomeoneInside;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string_view> danger_word_in(std::string_view text) {
  // The negators only where a danger word stands: most lines hold none, and the negators' scan was
  // a third of the check (the parser's cost of a stop, 2026-12-06).
  std::optional<std::string_view> word = danger_word_unless_denied(text);
  if (!word) return std::nullopt;
  if (const std::optional<std::string> without = without_fears(text))
    word = danger_word_unless_denied(*without);
  if (!word || denies_danger(text)) return std::nullopt;
  return word;
}

std::optional<std::string> without_fears(std::string_view text) {
  const auto feared_at = [](std::string_view line, std::size_t from) {
    std::size_t first = std::string_view::npos;
    std::string_view which;
    for (const std::string_view fear : kDangerFears) {
      // "好怕着火了！" tells of a fire: a fear followed by 了 is none.
      for (std::size_t at = line.find(fear, from); at != std::string_view::npos;
           at = line.find(fear, at + 1)) {
        if (line.substr(at + fear.size()).starts_with("了")) continue;
        if (at < first) {
          first = at;
          which = fear;
        }
        break;
      }
    }
    return std::pair{first, which};
  };
  if (feared_at(text, 0).first == std::string_view::npos) return std::nullopt;
  // A fear beside a sign of fire is the fire's ("插线板烧焦了 怕着火", "楼道好多烟 怕着火", "好怕着火啊！
  // 快来人"): a recheck of 2026-12-07 found each of them missed once the fear was taken out.
  for (const std::string_view sign :
       {"烟", "焦", "火星", "火花", "火苗", "冒火", "快来", "救命", "烧起", "着了"}) {
    if (text.find(sign) != std::string_view::npos) return std::nullopt;
  }
  std::string without(text);
  for (auto [at, fear] = feared_at(without, 0); at != std::string_view::npos;
       std::tie(at, fear) = feared_at(without, at))
    without.replace(at, fear.size(), fear.size(), ' ');
  return without;
}

bool denies_danger(std::string_view text) {
  const auto contains = [text](std::string_view word) { return text.find(word) != std::string_view::npos; };
  return std::any_of(kDangerNegators.begin(), kDangerNegators.end(), contains);
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
