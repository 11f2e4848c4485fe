#include "handlers/language/danger_words.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <tuple>
#include <utility>

#include "handlers/language/text_util.hpp"

namespace whistle::language {

namespace {

// The words that make a line a danger report, by kind. Each is a danger by itself; a word that is
// one only beside another is a pair's (kDangerPairs below).
// clang-format off
constexpr auto kFire = std::to_array<std::string_view>({
    "着火", "起火", "失火", "火灾", "冒烟", "冒黑烟", "烧起来", "爆炸", "冒火花", "浓烟", "楼道有烟",
    "楼道里有烟", "屋里有烟", "家里有烟", "烧焦的味道", "烧焦味", "焦糊味",
    // A fire still going, told again (an exploratory run of emergencies, 2026-12-07: 火还在烧 met the
    // menu), and slips of voice input for 着火 and 冒烟.
    "火还在烧", "还在烧", "烟越来越大", "烟更大了", "着伙了", "冒眼了",
});

constexpr auto kGas = std::to_array<std::string_view>({
    "煤气泄漏", "燃气泄漏", "煤气漏", "燃气漏", "煤气味", "燃气味", "天然气味", "天然气泄漏", "天然气漏",
    "煤气中毒", "一氧化碳中毒", "煤气罐漏气", "燃气漏气", "煤气漏气", "漏煤气", "漏燃气", "煤气好像漏",
    "燃气好像漏",
    // As people write them (an exploratory run, 2026-12-05): 泄露 beside 泄漏.
    "煤气泄露", "燃气泄露", "天然气泄露", "瓦斯泄漏", "瓦斯泄露", "瓦斯外泄", "煤气外泄", "燃气外泄",
    "像煤气", "像燃气", "像天然气", "煤气灶关不", "燃气灶关不", "煤气关不", "燃气关不",
    // A slip of voice input (2026-12-07).
    "煤汽味",
});

constexpr auto kMedical = std::to_array<std::string_view>({
    "有人晕倒", "晕倒了", "昏倒", "有人受伤", "流了很多血", "起不来了", "摔倒了起不来",
    "老人摔倒", "老伴摔倒", "老人跌倒", "老伴跌倒", "摔倒在地", "晕过去", "心脏病发", "突发心脏病",
    "心梗", "不省人事", "没有呼吸", "没呼吸了", "没了意识", "失去意识",
    "叫120", "打120", "叫救护车", "快叫救护车", "需要送医院", "要送医院", "快送医院", "得送医院",
    // Told the way an old neighbour tells it by voice (an exploratory run, 2026-12-05): a fall with no
    // getting up, a stroke's signs. Each tied to a person: "垃圾倒在地上", "冷得爬不起来", "感动得说不
    // 出话" are talk (the review of 2026-12-05).
    "摔了一跤爬不起来", "摔了爬不起来", "摔倒了爬不起来", "人倒在地上", "老人倒在地上", "躺在地上不动",
    "心口疼得厉害", "胸口疼得厉害", "突然说不出话", "嘴也歪了", "嘴歪了", "半边身子不能动",
    "砸到人", "砸伤", "高空坠物", "掉下来砸", "溺水", "落水", "掉水里", "掉河里", "触电",
    // Bleeding that does not stop (2026-12-06). Not 大出血 (a sale's "超市大出血") nor 头破了 (枕头破了).
    "血流不止", "头出血", "头流血", "流了好多血", "流血不止", "止不住血", "血止不住",
    // An exploratory run of emergencies (2026-12-07): a heart, a stroke, a seizure, someone who will
    // not wake, poison swallowed, a call for help, each answered with "例如：报到 12". Breath, a
    // stroke's name, dizziness and 不行了 are dangers only as kDangerPairs read them.
    "心脏病犯了", "心脏病发作", "心脏骤停", "心跳骤停", "半边身子动不了", "半身动不了", "口眼歪斜",
    "昏迷", "叫不醒", "昏过去", "晕到了", "运倒了", "抽搐", "口吐白沫", "吐血了", "吐了好多血",
    "吃错药了", "误服", "食物中毒", "纽扣电池", "吞了一颗", "吞下去了", "噎住了",
    "倒在卫生间", "倒在厕所", "倒在浴室", "摔在卫生间", "摔在厕所",
    "救救我", "救救我老伴", "救救我妈", "救救我爸", "救救孩子", "快来人", "来人啊", "来人呐", "救命",
    // A call for the police or the fire brigade asked of the bot ("帮我报警"); not "打110有用吗".
    "帮我报警", "快报警", "快打110", "帮我打110", "帮我打119", "快打119", "叫119", "快打120", "帮我打120",
});

constexpr auto kSelfHarm = std::to_array<std::string_view>({
    "跳楼", "站在楼顶边", "楼顶边上有人", "楼顶有个人站",
    // An exploratory run of emergencies (2026-12-07): a person in despair met the menu or "排行".
    "不想活了", "活着没意思", "想自杀", "要自杀", "自杀了", "割腕", "喝农药", "喝了农药", "烧炭",
    "轻生", "寻死", "想从楼上跳", "要从楼上跳", "跳下去", "想死了", "安眠药", "楼顶要跳", "楼顶上要跳",
});

constexpr auto kViolence = std::to_array<std::string_view>({
    "打架", "持刀", "拿刀", "砍人", "打群架", "群殴", "打起来了", "进贼", "入室盗窃", "有人撬门",
    // An exploratory run of emergencies (2026-12-07): a woman hiding from her husband was answered
    // with "排行".
    "家暴", "老公打我", "丈夫打我", "老婆打我", "男朋友打我", "喝了酒打", "喝醉了打", "被打了", "被人打了",
    "要杀了我", "杀了我", "杀人了", "抢劫", "被抢了", "跟踪我", "有人跟踪", "有小偷", "撬门", "撬锁",
});

constexpr auto kTrapped = std::to_array<std::string_view>({
    "电梯困人", "被困电梯", "困在电梯", "有人被困", "电梯关人", "电梯卡人", "关在电梯", "卡在电梯",
    "里面好像有人", "有人在里面喊", "里面有人喊", "人困在里面", "人被关在里面", "人卡在里面",
    // Not "电梯里有人" alone: "电梯里有人抽烟" is a nuisance, not someone shut in (2026-12-06).
    "电梯里有人出不来", "人在电梯里出不来", "电梯里有人喊", "电梯里有人呼救", "有人困住",
});

struct DangerList {
  std::span<const std::string_view> words;
  DangerKind kind;
};
constexpr std::array<DangerList, 6> kDangerLists{{{kFire, DangerKind::fire},
                                                  {kGas, DangerKind::gas},
                                                  {kMedical, DangerKind::medical},
                                                  {kSelfHarm, DangerKind::self_harm},
                                                  {kViolence, DangerKind::violence},
                                                  {kTrapped, DangerKind::trapped}}};

// A danger said in two halves, each of which alone is talk: the first half's word with any of the
// second's. Someone shut in a lift ("电梯卡住了 里面有人", "电梯停了 我妈在里面出不来"; not "电梯里面有人
// 贴小广告" nor "推车出不来"), gas in the home ("家里漏气了 一股味"; not "暖气管道漏气"), an old
// neighbour nobody has answered the door for in days ("王大爷好几天没见人了 敲门也没人应"; not "楼上漏水
// 敲门也没人应" nor a courier's knock), bleeding after a fall or a blow ("摔了一跤 出血了").
struct DangerPair {
  std::span<const std::string_view> first;
  /// Empty: the first half is enough, unless `unless` (a word that is a danger but for its idioms).
  std::span<const std::string_view> second;
  /// What makes this pair talk, and only this pair: a tyre's 漏气 says nothing of "车库着火了 轮胎都烧着
  /// 了" (the final read, 2026-12-06: the pairs' negators had silenced every danger word).
  std::span<const std::string_view> unless;
  DangerKind kind;
};
constexpr auto kLift = std::to_array<std::string_view>({"电梯"});
constexpr auto kShutIn = std::to_array<std::string_view>(
    {"困住", "被困在电梯", "被困在里面", "被关在里面", "关在里面", "关里面", "卡在里面", "关在里头", "困在里头",
     "在里面出不来", "里面出不来",
     "里面有人出不来", "里面有人！", "里面有人!", "里面有人啊", "里面还有人",
     "里面有个人", "里面有老人", "里面有小孩", "里面有孩子",
     // "电梯卡住了 我妈在里面", "电梯停在半中间 里面有个小孩" (2026-12-07).
     "我妈在里面", "我爸在里面", "我在里面", "孩子在里面", "小孩在里面", "老人在里面", "老伴在里面",
     "里面有个小孩", "里面有个孩子", "里面有个老人", "停在半中间", "停在半空"});
constexpr auto kGasLeak = std::to_array<std::string_view>({"漏气"});
constexpr auto kGasSmell = std::to_array<std::string_view>(
    {"一股味", "气味", "臭味", "燃气", "煤气", "天然气", "灶", "气罐", "头晕"});
// Days without a sign of an old neighbour, said with the door or the neighbour; a door unanswered
// with someone living alone or a fear for them. Not "敲门没人应 奶奶在睡觉吧" nor "几天没见人了 应该是回
// 老家了" (a second review, 2026-12-06).
constexpr auto kDaysUnseen = std::to_array<std::string_view>(
    {"几天没见人", "几天没见到人", "几天没看到人", "几天没见着", "几天没拿", "几天没出门", "几天没动静",
     "几天没见了", "几天没开门", "三天没出门", "两天没出门", "三天没见", "两天没见"});
constexpr auto kUnseenContext = std::to_array<std::string_view>(
    {"敲门", "老人", "独居", "大爷", "奶奶", "老太", "老头", "爷爷", "大妈", "阿婆", "一个人住", "怕出事",
     "电话也不接", "打电话不接", "臭味"});
constexpr auto kNoAnswer = std::to_array<std::string_view>({"敲门也没人应", "敲门没人应", "敲门都没人应", "敲门也不开"});
constexpr auto kLoneWorry =
    std::to_array<std::string_view>({"独居", "一个人住", "怕出事", "会不会出事", "出什么事", "出事了", "没出门"});
constexpr auto kBleeding = std::to_array<std::string_view>({"出血", "流血"});
constexpr auto kHurt = std::to_array<std::string_view>(
    {"摔", "跌倒", "车祸", "撞", "砸", "流了很多", "流了好多", "止不住", "晕倒", "昏", "骨折", "打人", "砍"});
// Each pair's own negators (a second review, 2026-12-06): a lift asked about or full, air let out of
// a ball or a tyre, a neighbour away, bleeding that is none or no emergency.
constexpr auto kLiftTalk = std::to_array<std::string_view>(
    {"里面有人吗", "太挤", "等下一趟", "等会再下", "差点夹", "困住过", "被困过", "的感觉", "幸好里面没人"});
constexpr auto kAirTalk = std::to_array<std::string_view>(
    {"篮球", "车胎", "轮胎", "气球", "充气", "橡胶", "高压锅", "暖气", "燃气费"});
constexpr auto kAwayTalk = std::to_array<std::string_view>(
    {"回老家", "旅游", "出去玩", "儿子家", "女儿家", "住院", "应该是去", "猫", "狗"});
constexpr auto kMinorBleeding = std::to_array<std::string_view>(
    {"牙龈", "鼻血", "痔疮", "月经", "创可贴", "没出血", "没流血", "没人流血", "没有出血", "没有流血", "出血不多",
     "擦破", "包好了", "鼻子出血", "咬人"});
// Out of breath (2026-12-07: "老伴突然喘不上气" met "例如：报到 12"), but not from stairs, work, a
// laugh or a chilli ("这菜辣得我喘不上气", "忙得喘不过气").
constexpr auto kBreathless = std::to_array<std::string_view>(
    {"喘不上气", "喘不过气", "上不来气", "呼吸困难", "透不过气", "喘不上来", "人没气了", "没气了"});
constexpr auto kBreathTalk = std::to_array<std::string_view>(
    {"得喘", "得我喘", "得上不来", "得透不过", "得人喘", "压力", "忙", "累", "作业", "工作", "笑", "辣", "爬楼",
     "跑步", "胎", "球", "罐", "打气", "充气", "憋屈"});
// A stroke named, now; not last year's, one got over or one to prevent.
constexpr auto kStroke = std::to_array<std::string_view>({"脑梗", "中风", "脑溢血", "脑出血"});
constexpr auto kIllnessTalk = std::to_array<std::string_view>(
    {"去年", "前年", "以前", "年前", "恢复", "康复", "后遗症", "预防", "的药", "复查", "体检", "讲座", "知识"});
// Chest pain or tightness with the signs that make it urgent ("老伴胸口闷 出冷汗").
constexpr auto kChest = std::to_array<std::string_view>({"胸口闷", "胸闷", "胸口疼", "胸口痛", "心口疼", "心口痛", "心脏疼"});
constexpr auto kChestSigns = std::to_array<std::string_view>(
    {"冷汗", "喘", "晕", "厉害", "受不了", "快来", "救", "120", "不行了", "说不出话", "脸色"});
// Dizzy and unable to stand or go on ("我不行了 头好晕" was a 2-point rating of a lamp's repair).
constexpr auto kDizzy = std::to_array<std::string_view>({"头晕", "头好晕", "头很晕", "头昏", "天旋地转"});
constexpr auto kCannotStand = std::to_array<std::string_view>(
    {"站不起来", "不行了", "起不来", "要倒", "看不清", "站不住", "吐了"});
// "我快不行了" from someone alone, not hungry, tired or laughing.
constexpr auto kGoingUnder = std::to_array<std::string_view>({"我快不行了", "我不行了", "快不行了", "要不行了"});
constexpr auto kGoingUnderTalk = std::to_array<std::string_view>(
    {"得", "饿", "累", "困", "热", "冷", "笑", "哈哈", "电", "手机", "考试", "作业", "工作", "加班", "喝"});
// A fall said with 摔到 (a slip for 摔倒) or in the bathroom, with no getting up.
constexpr auto kFell = std::to_array<std::string_view>({"摔到了", "摔到", "摔了", "摔倒", "跌倒", "倒在"});
constexpr auto kNoGettingUp = std::to_array<std::string_view>(
    {"起不来", "爬不起来", "动不了", "站不起来", "不能动", "叫不醒", "昏"});
// A child or an old person missing, not a cat, a phone or a key ("我家孩子丢了 下午放学没回来").
constexpr auto kMissing = std::to_array<std::string_view>(
    {"走丢", "走失", "丢了", "找不到了", "不见了", "没回来", "没回家", "被拐", "抱走", "找不到家", "迷路"});
constexpr auto kPersonMissed = std::to_array<std::string_view>(
    {"孩子", "小孩", "宝宝", "女儿", "儿子", "老人", "老伴", "我妈", "我爸", "奶奶", "爷爷", "姥姥", "姥爷", "外婆",
     "外公", "大爷", "大妈", "老太太", "老头", "痴呆", "阿尔茨海默"});
constexpr auto kThingsMissed = std::to_array<std::string_view>(
    {"猫", "狗", "宠物", "鹦鹉", "钥匙", "快递", "手机", "钱包", "车", "身份证", "卡", "玩具", "书包", "作业",
     "鞋", "衣服", "钱", "找到了", "回来了", "包裹", "伞"});
// A child or someone frail locked in ("钥匙锁屋里了 宝宝还在里面", "孩子反锁在屋里了 才两岁").
constexpr auto kLockedIn = std::to_array<std::string_view>(
    {"锁在屋里", "锁屋里", "锁在家里", "锁家里", "反锁", "锁在车里", "锁车里", "门锁坏了"});
constexpr auto kFrailInside = std::to_array<std::string_view>(
    {"宝宝", "孩子", "小孩", "婴儿", "娃", "老人", "出不来", "在哭"});
// A fall from a height, of a person ("孩子从楼上掉下来了"); not washing or a flowerpot.
constexpr auto kFellFromHeight = std::to_array<std::string_view>(
    {"从楼上掉下", "从楼上摔下", "从阳台掉下", "从窗户掉下", "从窗台掉下", "从楼上跳下"});
constexpr auto kFallenPerson = std::to_array<std::string_view>({"孩子", "小孩", "人", "老人", "宝宝", "娃"});
constexpr auto kFallenThings = std::to_array<std::string_view>({"衣服", "花盆", "东西", "被子", "玩具", "垃圾"});
// A dog that bit someone, not one's own dog's nip ("我家狗咬了我一口 没事 打了疫苗").
constexpr auto kBitten = std::to_array<std::string_view>({"狗咬", "被狗咬", "咬伤", "咬了一个"});
constexpr auto kBiteTalk = std::to_array<std::string_view>({"没事", "打了疫苗", "不严重", "轻轻", "玩具"});
// A child beaten and screaming next door.
constexpr auto kBeating = std::to_array<std::string_view>({"打孩子", "打小孩", "打老人"});
constexpr auto kScreams = std::to_array<std::string_view>({"哭喊", "惨叫", "一直哭", "救命", "往死里", "大哭"});
constexpr auto kNothing = std::array<std::string_view, 0>{};
constexpr std::array<DangerPair, 15> kDangerPairs{{
    {kLift, kShutIn, kLiftTalk, DangerKind::trapped},
    {kGasLeak, kGasSmell, kAirTalk, DangerKind::gas},
    {kDaysUnseen, kUnseenContext, kAwayTalk, DangerKind::other},
    {kNoAnswer, kLoneWorry, kAwayTalk, DangerKind::other},
    {kBleeding, kHurt, kMinorBleeding, DangerKind::medical},
    {kBreathless, kNothing, kBreathTalk, DangerKind::medical},
    {kStroke, kNothing, kIllnessTalk, DangerKind::medical},
    {kChest, kChestSigns, kIllnessTalk, DangerKind::medical},
    {kDizzy, kCannotStand, kIllnessTalk, DangerKind::medical},
    {kGoingUnder, kNothing, kGoingUnderTalk, DangerKind::medical},
    {kFell, kNoGettingUp, kIllnessTalk, DangerKind::medical},
    {kMissing, kPersonMissed, kThingsMissed, DangerKind::missing},
    {kLockedIn, kFrailInside, kNothing, DangerKind::trapped},
    {kFellFromHeight, kFallenPerson, kFallenThings, DangerKind::medical},
    {kBitten, kNothing, kBiteTalk, DangerKind::medical},
}};
constexpr DangerPair kBeatingPair{kBeating, kScreams, kNothing, DangerKind::violence};

// Words that make a danger word talk about danger rather than report it: a drill, the news, a class,
// a joke, an idiom, a scare over.
constexpr auto kDangerNegators = std::to_array<std::string_view>({
    "演习", "演练", "模拟", "电视", "新闻", "消防知识", "安全知识", "讲座", "培训", "宣传",
    "教育", "禁止", "防止", "报警器", "如果", "的话", "上次", "哈哈", "笑晕", "我都晕", "我晕倒了", "要晕倒了",
    "心里着火", "违法", "打不着火", "点不着火",
    // A story or a lesson, and a scare already over (an exploratory run's chatter, 2026-12-05).
    "电影", "剧里", "视频里", "小说", "课上", "课堂", "学校学", "没事了",
    // An exploratory run of emergencies (2026-12-07): "@吹哨 笑死我了 救命" opened an urgent ticket that
    // climbed to the community's group overnight; a game, an idiom, a near miss, a warning, hearsay
    // and a false alarm taken back each sent the leader a 险情提醒.
    "笑死", "好笑", "搞笑", "笑得", "辣得", "热得", "气得", "冷死", "这天气", "视频", "游戏", "王者",
    "闹着玩", "打着玩", "打架玩", "似的", "跟打架", "着火一样", "幸好", "幸亏", "差点着火",
    "差点晕", "小心着火", "注意防火", "万一", "学了", "你们听说", "听说了吗", "是真的吗", "隔壁小区",
    "没有吧", "误会", "虚惊", "调解", "跳楼梯", "跳楼价", "跳楼大甩卖", "燃气公司", "上门检查", "安全检查",
    "气晕", "出院了", "烧烤",
});

// A hazard feared, not a fire (an exploratory run of the leaders' side, 2026-12-07: boxes in a
// stairwell "怕着火" sent the 119 text and an urgent alert): these words are no danger of their own,
// but a danger said beside them ("冒烟了 怕着火") still is, so they are taken out, not negated.
constexpr auto kDangerFears = std::to_array<std::string_view>(
    {"怕着火", "怕起火", "怕失火", "容易着火", "容易起火", "火灾隐患", "消防隐患"});
// clang-format on

std::optional<std::string_view> first_of(std::string_view text, std::span<const std::string_view> words) {
  for (std::string_view word : words) {
    if (text.find(word) != std::string_view::npos) return word;
  }
  return std::nullopt;
}

std::optional<DangerFound> in_pair(std::string_view text, const DangerPair& pair) {
  const std::optional<std::string_view> first = first_of(text, pair.first);
  if (!first || first_of(text, pair.unless)) return std::nullopt;
  if (pair.second.empty()) return DangerFound{*first, pair.kind};
  if (const std::optional<std::string_view> second = first_of(text, pair.second))
    return DangerFound{*second, pair.kind};
  return std::nullopt;
}

// The danger word or pair the text holds, negators not yet looked at.
std::optional<DangerFound> danger_unless_denied(std::string_view text) {
  // A scan per word (memmem) beats a lookup per character here: the lists are short.
  for (const DangerList& list : kDangerLists) {
    if (const std::optional<std::string_view> word = first_of(text, list.words))
      return DangerFound{*word, list.kind};
  }
  for (const DangerPair& pair : kDangerPairs) {
    if (auto found = in_pair(text, pair)) return found;
  }
  if (auto found = in_pair(text, kBeatingPair)) return found;
  // "电梯卡住了 里面有人": 里面有人 ending its clause, of a lift that stopped; "里面有人贴小广告" goes on to
  // say what they do, "电梯里面有人，我等下一趟" is a full lift.
  static constexpr auto kStopped =
      std::to_array<std::string_view>({"卡住", "停了", "坏了", "不动", "故障", "掉下", "打不开", "开不了"});
  if (first_of(text, kLift) && first_of(text, kStopped) && !first_of(text, kLiftTalk)) {
    constexpr std::string_view kSomeoneInside = "里面有人";
    for (std::size_t at = text.find(kSomeoneInside); at != std::string_view::npos;
         at = text.find(kSomeoneInside, at + 1)) {
      if (ends_a_word(text, at + kSomeoneInside.size()))
        return DangerFound{kSomeoneInside, DangerKind::trapped};
    }
  }
  return std::nullopt;
}

}  // namespace

std::string_view danger_kind_name(DangerKind kind) {
  switch (kind) {
    case DangerKind::fire:
      return "fire";
    case DangerKind::gas:
      return "gas";
    case DangerKind::medical:
      return "medical";
    case DangerKind::self_harm:
      return "self_harm";
    case DangerKind::violence:
      return "violence";
    case DangerKind::missing:
      return "missing";
    case DangerKind::trapped:
      return "trapped";
    case DangerKind::other:
      break;
  }
  return "other";
}

std::optional<DangerFound> danger_in(std::string_view text) {
  // The negators only where a danger word stands: most lines hold none, and the negators' scan was
  // a third of the check (the parser's cost of a stop, 2026-12-06).
  std::optional<DangerFound> found = danger_unless_denied(text);
  if (!found) return std::nullopt;
  if (const std::optional<std::string> without = without_fears(text)) found = danger_unless_denied(*without);
  if (!found || denies_danger(text)) return std::nullopt;
  return found;
}

bool contains_danger_word(std::string_view text) {
  return danger_in(text).has_value();
}

std::optional<std::string_view> danger_word_in(std::string_view text) {
  const std::optional<DangerFound> found = danger_in(text);
  if (!found) return std::nullopt;
  return found->word;
}

bool denies_danger(std::string_view text) {
  return first_of(text, kDangerNegators).has_value();
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

}  // namespace whistle::language
