#include "handlers/language/danger_words.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "handlers/language/text_util.hpp"
#include "handlers/language/utf8.hpp"

namespace whistle::language {

namespace {

// The words that make a line a danger report, by kind. Each is a danger by itself; a word that is
// one only beside another is a pair's (kDangerPairs below).
// clang-format off
constexpr auto kFire = std::to_array<std::string_view>({
    "着火", "起火", "失火", "火灾", "冒烟", "冒黑烟", "烧起来", "爆炸", "冒火花", "浓烟", "楼道有烟",
    "楼道里有烟", "屋里有烟", "家里有烟", "烧焦的味道", "烧焦味", "焦糊味",
    // A fire still going, told again (an exploratory run of emergencies, 2026-12-07: 火还在烧 met the
    // menu), and slips of voice input for 着火 and 冒烟. Not "还在烧" alone: a fever, a kettle.
    "火还在烧", "烟越来越大", "烟更大了", "着伙了", "冒眼了",
    // Things caught alight, said with 着了 (an exploratory run of winter, stop 67: "小太阳把被子烤着了"
    // met the menu). Not 烧着了 nor 点着了 alone: a stove lit is "炉子点着了".
    "被子着了", "纸箱着了", "纸箱子着了", "箱子着了", "烤衣服着了", "窗帘着了", "沙发着了",
    // Not 烤着了 alone: "烤肉烤着了 糊了", "烤红薯烤着了" (a review of stop 67).
    "被子烤着了", "衣服烤着了", "沙发烤着了", "窗帘烤着了", "床单烤着了", "被褥烤着了",
    "床单着了", "电线着了", "插座着了", "插线板着了", "垃圾着了", "垃圾桶着了", "柴火着了", "草垛着了",
    // Set alight, by what caught ("放鞭炮把垃圾桶点着了"; not "炉子点着了", "把灯点着了").
    "窗帘点着了", "被子点着了", "垃圾桶点着了", "垃圾点着了", "纸箱点着了", "沙发点着了", "衣服点着了",
    "床点着了", "房子点着了", "草点着了", "柴火堆点着了",
});

constexpr auto kGas = std::to_array<std::string_view>({
    "煤气泄漏", "燃气泄漏", "煤气漏", "燃气漏", "煤气味", "燃气味", "天然气味", "天然气泄漏", "天然气漏",
    "煤气罐漏气", "燃气漏气", "煤气漏气", "漏煤气", "漏燃气", "煤气好像漏",
    "燃气好像漏",
    // As people write them (an exploratory run, 2026-12-05): 泄露 beside 泄漏.
    "煤气泄露", "燃气泄露", "天然气泄露", "瓦斯泄漏", "瓦斯泄露", "瓦斯外泄", "煤气外泄", "燃气外泄",
    "像煤气", "像燃气", "像天然气", "煤气灶关不", "燃气灶关不", "煤气关不", "燃气关不",
    // A slip of voice input (2026-12-07).
    "煤汽味",
});

// Someone poisoned by coal gas (an exploratory run of winter, stop 67: "一氧化碳中毒 人晕过去了" was
// told the gas leak's steps, never 120): its own answer, fresh air and 120.
constexpr auto kPoisoning = std::to_array<std::string_view>({
    "煤气中毒", "一氧化碳中毒", "煤烟中毒", "CO中毒",
});

constexpr auto kMedical = std::to_array<std::string_view>({
    "有人晕倒", "晕倒了", "昏倒", "有人受伤", "流了很多血", "起不来了", "摔倒了起不来",
    "老人摔倒", "老伴摔倒", "老人跌倒", "老伴跌倒", "摔倒在地", "晕过去", "心脏病发", "突发心脏病",
    "心梗", "不省人事", "没有呼吸", "没呼吸了", "没了意识", "失去意识",
    "叫120", "打120", "叫救护车", "快叫救护车", "需要送医院", "要送医院", "快送医院", "得送医院",
    "快打120", "帮我打120",
    // Told the way an old neighbour tells it by voice (an exploratory run, 2026-12-05): a fall with no
    // getting up, a stroke's signs. Each tied to a person: "垃圾倒在地上", "冷得爬不起来", "感动得说不
    // 出话" are talk (the review of 2026-12-05).
    "摔了一跤爬不起来", "摔了爬不起来", "摔倒了爬不起来", "人倒在地上", "老人倒在地上", "躺在地上不动",
    "心口疼得厉害", "胸口疼得厉害", "突然说不出话", "嘴也歪了", "嘴歪了", "半边身子不能动",
    "砸到人", "砸伤", "高空坠物", "掉下来砸", "溺水", "落水", "掉水里", "掉河里", "触电", "坠楼",
    // Bleeding that does not stop (2026-12-06). Not 大出血 (a sale's "超市大出血") nor 头破了 (枕头破了).
    "血流不止", "头出血", "头流血", "流了好多血", "流血不止", "止不住血", "血止不住",
    // An exploratory run of emergencies (2026-12-07): a heart, a stroke, someone who will not come
    // to, poison swallowed, each answered with "例如：报到 12". Words that are idioms as often (叫不
    // 醒, 吐血, 抽搐, 吃错药, 噎住) are dangers only as kDangerPairs read them (a review of the same
    // day: 87 lines of chatter alerted a leader in a first draft).
    "心脏病犯了", "心脏病发作", "心脏骤停", "心跳骤停", "半边身子动不了", "半身动不了", "口眼歪斜",
    "昏迷不醒", "昏过去", "晕到了", "运倒了", "口吐白沫", "吐了好多血", "误服", "食物中毒",
    "倒在卫生间", "倒在厕所", "倒在浴室", "摔在卫生间", "摔在厕所",
});

constexpr auto kSelfHarm = std::to_array<std::string_view>({
    "跳楼", "站在楼顶边", "楼顶边上有人", "楼顶有个人站",
    // An exploratory run of emergencies (2026-12-07): a person in despair met the menu or "排行".
    // Hyperbole ("不想活了" of homework, "想死了" of hunger) is read as kDangerPairs say.
    "活着没意思", "想自杀", "要自杀", "自杀了", "割腕", "喝农药", "喝了农药", "轻生",
    "想从楼上跳", "要从楼上跳", "楼顶要跳", "楼顶上要跳",
});

constexpr auto kViolence = std::to_array<std::string_view>({
    "打架", "持刀", "拿刀", "砍人", "打群架", "群殴", "打起来了", "进贼", "入室盗窃", "有人撬门",
    // An exploratory run of emergencies (2026-12-07): a woman hiding from her husband was answered
    // with "排行". A call (打我电话), a jab (被打了一针), a price (简直是抢劫) are read as kDangerPairs say.
    "家暴", "男朋友打我", "杀人了", "帮我报警", "快报警", "快打110",
    "帮我打110",
});

constexpr auto kTrapped = std::to_array<std::string_view>({
    "电梯困人", "被困电梯", "困在电梯", "有人被困", "电梯关人", "电梯卡人", "关在电梯", "卡在电梯",
    // Through the ice (a review of stop 67: "快来人 有人掉冰窟窿里" met 没看懂 once 陷 was a chore's).
    "掉冰窟窿", "掉进冰窟窿", "冰窟窿里", "掉进冰里", "冰窟窿有人", "掉进冰窟",
    "里面好像有人", "有人在里面喊", "里面有人喊", "人困在里面", "人被关在里面", "人卡在里面",
    // Not "电梯里有人" alone: "电梯里有人抽烟" is a nuisance, not someone shut in (2026-12-06).
    "电梯里有人出不来", "人在电梯里出不来", "电梯里有人喊", "电梯里有人呼救", "有人困住",
    "帮我打119", "快打119", "叫119",
});

// A call for help that names no kind: checked after the lists above, so "快打110 有人撬门" is the
// violence it tells of, not someone ill.
constexpr auto kCalls = std::to_array<std::string_view>({"救命"});
// Not of the weather, homework or a laugh ("救命啊 这天气也太冷了").
constexpr auto kCallTalk = std::to_array<std::string_view>({"这天气", "作业"});

struct DangerList {
  std::span<const std::string_view> words;
  DangerKind kind;
};
constexpr std::array<DangerList, 7> kDangerLists{{{kFire, DangerKind::fire},
                                                  {kPoisoning, DangerKind::poisoning},
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
constexpr auto kNothing = std::array<std::string_view, 0>{};
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
     "几天没见了", "几天没开门", "三天没出门", "两天没出门", "三天没见", "两天没见",
     // "3楼王奶奶两天没开门了 敲门也没人应" (an exploratory run of winter, stop 67: 没看懂).
     "两天没开门", "三天没开门", "两天没动静", "三天没动静"});
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
    {"回老家", "旅游", "出去玩", "儿子家", "女儿家", "住院", "应该是去", "可能是回", "猫", "狗",
     // A shop shut, not a neighbour unseen ("超市两天没开门了 老人买不到菜": a review of stop 67).
     "超市", "商店", "饭店", "药店", "菜市场", "银行", "快递站", "营业", "驿站", "服务站", "服务中心",
     "门口等",
     // Advice to look in on them ("温馨提示：老人独居，两天没开门要敲门问问"); not 问问 or 留意 alone, which
     // a report asks as often ("敲门没人应 要不要问问物业": the final read of stop 67).
     "要敲门", "多关注"});
constexpr auto kMinorBleeding = std::to_array<std::string_view>(
    {"牙龈", "鼻血", "痔疮", "月经", "创可贴", "没出血", "没流血", "没人流血", "没有出血", "没有流血", "出血不多",
     "擦破", "包好了", "鼻子出血", "咬人"});
// Out of breath (2026-12-07: "老伴突然喘不上气" met "例如：报到 12"), of someone now: with a person or
// an alarm, not from stairs, a mask, heat or a laugh ("爬到六楼喘不上气", "口罩戴久了喘不上气").
constexpr auto kBreathless = std::to_array<std::string_view>(
    {"喘不上气", "喘不过气", "上不来气", "呼吸困难", "透不过气", "喘不上来"});
constexpr auto kBreathWho = std::to_array<std::string_view>(
    {"突然", "老伴", "老人", "我妈", "我爸", "孩子", "老头", "老太", "怎么办", "救", "120", "脸", "嘴唇", "发紫",
     "我喘", "憋", "快来"});
constexpr auto kBreathTalk = std::to_array<std::string_view>(
    {"得喘", "得我喘", "得上不来", "得透不过", "得人喘", "压力", "忙", "累", "作业", "工作", "笑", "辣", "爬",
     "跑", "口罩", "闷", "穿", "这几天", "有点", "看看", "憋屈", "压得", "房贷", "鼻塞", "感冒", "老毛病", "生气"});
// Someone who will not come to, not a child asleep ("孩子早上叫不醒 天天赖床").
constexpr auto kUnwaking = std::to_array<std::string_view>({"叫不醒", "昏迷"});
constexpr auto kUnwakingTalk = std::to_array<std::string_view>(
    {"赖床", "睡得", "早上", "天天", "跟猪", "起床", "闹钟", "装睡", "病人", "剧", "女主", "男主", "周末", "中午", "喝多", "睡沙发", "能听见"});
// A stroke named, now; not last year's, one got over, a hospital stay told, or a risk.
constexpr auto kStroke = std::to_array<std::string_view>({"脑梗", "中风", "脑溢血", "脑出血"});
constexpr auto kIllnessTalk = std::to_array<std::string_view>(
    {"去年", "前年", "以前", "年前", "恢复", "康复", "后遗症", "预防", "的药", "复查", "体检", "讲座", "知识",
     "风险", "住院了", "好几年", "几年了", "不用担心", "中风后", "照顾", "十年", "平时", "注意", "在医院", "住着", "的人"});
// Chest pain or tightness with the signs that make it urgent ("老伴胸口闷 出冷汗").
constexpr auto kChest = std::to_array<std::string_view>({"胸口闷", "胸闷", "胸口疼", "胸口痛", "心口疼", "心口痛", "心脏疼"});
constexpr auto kChestSigns = std::to_array<std::string_view>(
    {"冷汗", "喘", "晕", "厉害", "受不了", "快来", "救", "120", "不行了", "说不出话", "脸色"});
// Dizzy and unable to stand ("我不行了 头好晕" was a 2-point rating of a lamp's repair); not in a car.
constexpr auto kDizzy = std::to_array<std::string_view>({"头晕", "头好晕", "头很晕", "头昏", "天旋地转"});
constexpr auto kCannotStand = std::to_array<std::string_view>(
    {"站不起来", "不行了", "起不来", "要倒", "看不清", "站不住"});
constexpr auto kDizzyTalk = std::to_array<std::string_view>({"车", "船", "晕车", "晕船", "减肥", "以后", "昨天", "熬夜", "低血糖", "好了", "吃了"});
// "我快不行了" from someone alone, not hungry, tired, dieting or laughing. Not "快不行了" of a team,
// a fridge or a plant.
constexpr auto kGoingUnder = std::to_array<std::string_view>({"我快不行了", "我不行了"});
constexpr auto kGoingUnderSigns = std::to_array<std::string_view>(
    {"头晕", "晕", "喘", "胸口", "心口", "站不起来", "起不来", "救", "120", "快来", "一个人在家", "疼"});
constexpr auto kGoingUnderTalk = std::to_array<std::string_view>(
    {"得", "饿", "累", "困", "热", "冷", "笑", "哈哈", "电", "手机", "考试", "作业", "工作", "加班", "喝", "减肥",
     "这周", "撑"});
// A fall said with 摔到 (a slip for 摔倒) or in the bathroom, with no getting up; not a phone.
constexpr auto kFell = std::to_array<std::string_view>({"摔到了", "摔到", "摔了", "摔倒", "跌倒", "滑倒", "滑了一跤"});
constexpr auto kNoGettingUp = std::to_array<std::string_view>(
    {"起不来", "爬不起来", "动不了", "站不起来", "不能动", "叫不醒", "昏"});
constexpr auto kFallTalk = std::to_array<std::string_view>(
    {"手机", "屏幕", "电脑", "碗", "杯", "起不来床", "腰疼", "昨天", "小时候", "累得", "没事", "一会儿",
     // A warning of ice ("路上好多人滑倒 小心别摔得起不来": a review of stop 67); not 小心 alone ("我妈在
     // 楼下摔了 起不来 大家小心": the final read).
     "别摔", "好多人"});
// A child or an old person missing, said of them: read by missing_person() below, not as a pair.
constexpr auto kGoneMissing = std::to_array<std::string_view>({"走丢", "走失", "被拐", "被人抱走", "找不到家"});
// Not 没回来 beside the person: "我爸没回来吃饭" is supper; only with 痴呆 is it missing.
constexpr auto kGoneWeak = std::to_array<std::string_view>({"丢了", "找不到了", "不见了"});
constexpr auto kNotBack = std::to_array<std::string_view>({"没回来", "没回家", "不见了", "找不到了", "丢了"});
constexpr auto kMissedPeople = std::to_array<std::string_view>(
    {"孩子", "小孩", "宝宝", "女儿", "儿子", "老人", "老伴", "我妈", "我爸", "奶奶", "爷爷", "姥姥", "姥爷",
     "外婆", "外公", "大爷", "大妈", "老太太", "老头", "老人家"});
constexpr auto kConfused = std::to_array<std::string_view>({"痴呆", "阿尔茨海默"});
constexpr auto kMissingTalk = std::to_array<std::string_view>(
    {"猫", "狗", "宠物", "鹦鹉", "找到了", "回来了", "原来", "一会儿", "以后", "以前", "小时候", "上次", "没事",
     "钥匙", "手机", "钱包", "眼镜", "药", "同学家", "捉迷藏", "牙", "钱", "工作", "分", "肯定", "躲", "防走失", "手环", "攻略"});
// A child or someone frail locked in ("钥匙锁屋里了 宝宝还在里面", "孩子反锁在屋里了 才两岁").
constexpr auto kLockedIn = std::to_array<std::string_view>(
    {"锁在屋里", "锁屋里", "锁在家里", "锁家里", "反锁在", "锁在车里", "锁车里", "门锁坏了"});
constexpr auto kFrailInside = std::to_array<std::string_view>(
    {"宝宝", "婴儿", "出不来", "在哭", "才两岁", "才一岁", "才三岁", "一个人在"});
// A fall from a height, of a person ("孩子从楼上掉下来了"); not a parcel or the washing.
constexpr auto kFellFromHeight = std::to_array<std::string_view>(
    {"从楼上掉下", "从楼上摔下", "从阳台掉下", "从窗户掉下", "从窗台掉下", "从楼上跳下"});
constexpr auto kFallenPerson = std::to_array<std::string_view>({"孩子", "小孩", "有人", "老人", "宝宝", "娃"});
constexpr auto kFallenThings = std::to_array<std::string_view>(
    {"衣服", "花盆", "东西", "被子", "玩具", "垃圾", "快递", "盒", "鞋", "手机", "把"});
// A dog that bit someone now, not a childhood fright, a quarrel or a mosquito.
constexpr auto kBitten = std::to_array<std::string_view>(
    {"狗咬人", "被狗咬", "狗咬了", "咬伤了", "咬了一个小孩", "咬了一个孩子", "咬了孩子", "咬了小孩"});
constexpr auto kBiteTalk = std::to_array<std::string_view>(
    {"没事", "打了疫苗", "不严重", "轻轻", "玩具", "小时候", "咬过", "狗咬狗", "蚊子", "拖鞋", "沙发", "要打", "狂犬疫苗吗", "不管", "去打疫苗"});
// A child beaten and screaming next door.
constexpr auto kBeating = std::to_array<std::string_view>({"打孩子", "打小孩", "打老人"});
constexpr auto kScreams = std::to_array<std::string_view>({"哭喊", "惨叫", "救命", "往死里", "大哭"});
// Words that are a danger but for their idioms, each with its own.
constexpr auto kHitMe = std::to_array<std::string_view>(
    {"老公打我", "丈夫打我", "老婆打我", "他打我", "被打了", "被人打了", "喝了酒打", "喝醉了打"});
constexpr auto kHitTalk = std::to_array<std::string_view>(
    {"电话", "手机", "一针", "针", "疫苗", "骚扰", "麻将", "牌", "我们", "微信", "语音", "视频", "差评", "手心", "打球", "开玩笑", "没大事", "没事", "主意"});
constexpr auto kKillMe = std::to_array<std::string_view>({"要杀了我", "要杀我"});
constexpr auto kKillTalk = std::to_array<std::string_view>(
    {"价格", "这价", "不如", "物价", "作业", "跑步", "简直", "双十一", "宰", "考试", "成绩", "分数", "老师", "我妈要杀",
     "我爸要杀", "会被", "考砸", "要是知道", "知道我"});
// A death threat between neighbours ("我要打死你", "看谁打死谁"); not a mosquito's, a game's or a joke's.
constexpr auto kKillYou = std::to_array<std::string_view>({"打死你", "打死谁", "弄死你", "砍死你", "捅死你"});
constexpr auto kKillYouTalk = std::to_array<std::string_view>(
    {"蚊子", "苍蝇", "蟑螂", "游戏", "开玩笑", "哈哈", "笑", "宝宝", "小坏蛋", "臭小子", "作业", "打死你也", "打死我也",
     "王者", "吃鸡", "逗",
     // "打死谁也想不到", "说出来打死谁都不信", "打死谁呀，别吵了", a parent's "这题再不会我就打死你" (a review
     // of stop 65: each paged the leader).
     "打死谁也", "打死谁都", "想不到", "不信", "别吵", "这题", "乱花钱", "兔崽子", "再不"});
// A knife in the stairwell (an exploratory run of neighbour disputes, 2026-12-07: nobody heard); not
// one in the kitchen.
constexpr auto kKnife = std::to_array<std::string_view>({"拿着菜刀", "拿着刀", "拿菜刀", "举着刀", "挥着刀"});
constexpr auto kKnifeThreat =
    std::to_array<std::string_view>({"骂", "追", "砍人", "要砍", "吓人", "威胁", "楼道", "闹事", "要打", "打人", "冲"});
constexpr auto kKnifeTalk = std::to_array<std::string_view>(
    {"切菜", "剁", "做饭", "厨房", "切肉", "削", "杀鱼", "杀鸡", "作业", "开玩笑", "哈哈", "电视", "电影", "剧",
     "排骨", "骨头", "手滑", "老鼠", "吓死我"});
constexpr auto kRobbed = std::to_array<std::string_view>({"抢劫", "被抢了", "被人抢"});
constexpr auto kRobbedTalk = std::to_array<std::string_view>(
    {"价格", "这价", "简直", "双十一", "宰", "车位", "红包", "门票", "票", "位置", "座位", "名额", "抢购", "抢到",
     "秒杀", "优惠", "风头", "鸡蛋", "特价", "大米", "座", "玩具", "理发", "剪头", "停车费", "这是抢劫", "明抢", "一早"});
constexpr auto kStalked = std::to_array<std::string_view>({"跟踪我", "有人跟踪", "撬锁", "撬门", "有小偷"});
constexpr auto kStalkTalk =
    std::to_array<std::string_view>({"快递", "物流", "订单", "开锁师傅", "开锁", "大家", "注意", "锁好门", "小心", "APP", "位置", "狗", "猫", "广告", "推", "被抓", "抓到"});
constexpr auto kDespair = std::to_array<std::string_view>({"不想活了", "想死了", "寻死"});
constexpr auto kDespairTalk = std::to_array<std::string_view>(
    {"作业", "物价", "简直", "累", "热", "冷", "饿", "困", "加班", "上班", "考试", "工资", "房价", "得不想活",
     "得想死", "寻死觅活", "哈哈", "账单", "信用卡"});
constexpr auto kPills = std::to_array<std::string_view>({"安眠药"});
constexpr auto kOverdose = std::to_array<std::string_view>({"一瓶", "整瓶", "好多", "很多", "一把", "吞了"});
constexpr auto kPillsTalk = std::to_array<std::string_view>({"多年", "好多年", "很多年", "医生", "不能吃"});
// A gas or smoke alarm sounding (an exploratory run of winter, stop 67: "一氧化碳报警器响了" met the
// menu; 报警器 alone is talk of a device, a negator). Not one tested or out of battery.
constexpr auto kAlarmSounds = std::to_array<std::string_view>(
    {"报警器响", "报警器一直响", "报警器在响", "报警器叫", "报警器嘀嘀", "报警器滴滴", "报警器报警"});
constexpr auto kGasAlarm = std::to_array<std::string_view>({"煤气", "燃气", "天然气"});
// Carbon monoxide's alarm: the poisoning's answer (air, the stove out, 120 for the signs).
constexpr auto kMonoxideAlarm = std::to_array<std::string_view>({"一氧化碳"});
constexpr auto kSmokeAlarm = std::to_array<std::string_view>({"烟雾", "烟感"});
constexpr auto kAlarmTalk = std::to_array<std::string_view>(
    {"测试", "试一下", "试试", "误报", "没电", "换电池", "安装", "装了", "买", "车", "演习", "检查", "原来", "抽烟",
     "做饭", "炒菜", "没事", "好几次", "老是", "总是", "又响", "能不能来", "一下", "一声"});
// A coal stove's smoke in the home, with the signs of its gas ("头晕 想吐 屋里烧着炉子", "炉子倒烟了 屋里
// 全是烟 头晕"): the same run found them answered with a report offer.
constexpr auto kStove = std::to_array<std::string_view>(
    {"炉子", "煤炉", "火炉", "蜂窝煤", "烧煤", "倒烟", "煤烟", "烟囱"});
constexpr auto kFumesSigns = std::to_array<std::string_view>(
    {"头晕", "头疼", "头痛", "想吐", "恶心", "呕吐", "叫不醒", "没力气", "全是烟", "都是烟", "好多烟", "呛得",
     "敲门没人应", "敲门也没人应"});
constexpr auto kStoveTalk = std::to_array<std::string_view>(
    {"以前", "昨天", "注意", "提醒", "通风了", "好了", "没事", "买", "卖", "修", "价", "钱", "让人头疼", "真头疼",
     "头疼的是", "看着头疼", "恶心死", "那味道", "楼下烧"});
// Someone alone and unable to get up ("发烧39度 一个人在家 起不来"), or numbed by the cold.
constexpr auto kAloneInside = std::to_array<std::string_view>({"一个人在家", "独居", "一个人住"});
constexpr auto kCannotRise = std::to_array<std::string_view>({"起不来", "爬不起来", "动不了", "站不起来", "下不了床"});
constexpr auto kRiseTalk = std::to_array<std::string_view>(
    {"起不来床", "早上", "赖床", "闹钟", "上班", "懒", "车", "陷", "雪", "送饭", "帮忙买", "买菜", "电脑",
     "手机", "卡得"});
constexpr auto kFrozen = std::to_array<std::string_view>({"冻得", "冻僵", "冻坏了"});
constexpr auto kFrozenSigns = std::to_array<std::string_view>({"说话不清", "说不清楚", "叫不醒", "迷糊", "神志不清"});
constexpr auto kCharcoal = std::to_array<std::string_view>({"烧炭"});
constexpr auto kCharcoalTalk = std::to_array<std::string_view>({"取暖", "注意", "通风", "农村", "烧烤", "老家", "冬天"});
constexpr auto kJumpDown = std::to_array<std::string_view>({"跳下去"});
constexpr auto kHeights = std::to_array<std::string_view>({"楼上", "楼顶", "窗", "阳台", "天台"});
constexpr auto kJumpTalk = std::to_array<std::string_view>({"游泳", "台阶", "没事", "跳下去了", "猫", "狗"});
constexpr auto kIdiomPain = std::to_array<std::string_view>({"吐血了", "抽搐", "吃错药", "噎住", "纽扣电池", "吞了一颗"});
constexpr auto kIdiomPainTalk = std::to_array<std::string_view>(
    {"都吐血", "气得", "账单", "价格", "电费", "眼皮", "老是", "你今天", "你吃错", "吃错药了吧", "吃太快", "喝口水",
     "就好了", "没电", "糖", "哪里买", "话费", "房价", "嘴角", "一句话", "把我噎", "是不是吃错药", "对我这么好", "在哪买", "换", "多少钱"});
constexpr auto kCallsForHands = std::to_array<std::string_view>(
    {"救救我", "救救我老伴", "救救我妈", "救救我爸", "救救孩子", "快来人", "来人啊", "来人呐"});
constexpr auto kHandsTalk = std::to_array<std::string_view>(
    {"作业", "搬", "借", "梯子", "沙发", "快递", "写不完", "帮忙拿", "帮我拿", "谁会", "谁有", "谁家", "修", "鸡蛋", "麻将", "三缺一", "手机", "设置", "团购", "橘子", "考试", "胖", "减肥",
     // A car stuck in the snow, snow to clear (an exploratory run of winter, stop 67: each paged a leader).
     // Not 推 or 陷 alone: "我爸晕了 门推不开", "有人陷在雪堆里出不来了" (a recheck of the same stop).
     "推一下", "推车", "帮忙推", "铲雪", "扫雪", "雪太厚", "车陷", "漏水"});
constexpr auto kFitWords = std::to_array<std::string_view>({"抽筋", "抽风"});
constexpr auto kFitSigns = std::to_array<std::string_view>({"发烧", "高烧", "口吐", "翻白眼", "叫不醒"});
constexpr auto kSlurred = std::to_array<std::string_view>(
    {"说话不清", "说不清楚话", "口齿不清", "手没力气", "一边手", "一边脚", "嘴角歪"});
constexpr auto kSuddenly = std::to_array<std::string_view>({"突然"});
constexpr auto kChronicTalk = std::to_array<std::string_view>({"以前", "一直", "老毛病", "好几年"});
// The first five are those the bot knew before 2026-12-07 (denied_softly leaves them be).
constexpr std::size_t kEstablishedPairs = 5;
constexpr std::array<DangerPair, 40> kDangerPairs{{
    {kLift, kShutIn, kLiftTalk, DangerKind::trapped},
    {kGasLeak, kGasSmell, kAirTalk, DangerKind::gas},
    {kDaysUnseen, kUnseenContext, kAwayTalk, DangerKind::other},
    {kNoAnswer, kLoneWorry, kAwayTalk, DangerKind::other},
    {kBleeding, kHurt, kMinorBleeding, DangerKind::medical},
    {kBreathless, kBreathWho, kBreathTalk, DangerKind::medical},
    {kUnwaking, kNothing, kUnwakingTalk, DangerKind::medical},
    {kStroke, kNothing, kIllnessTalk, DangerKind::medical},
    {kChest, kChestSigns, kIllnessTalk, DangerKind::medical},
    {kDizzy, kCannotStand, kDizzyTalk, DangerKind::medical},
    {kGoingUnder, kGoingUnderSigns, kGoingUnderTalk, DangerKind::medical},
    {kFell, kNoGettingUp, kFallTalk, DangerKind::medical},
    {kLockedIn, kFrailInside, kNothing, DangerKind::trapped},
    {kFellFromHeight, kFallenPerson, kFallenThings, DangerKind::medical},
    {kBitten, kNothing, kBiteTalk, DangerKind::medical},
    {kBeating, kScreams, kNothing, DangerKind::violence},
    {kHitMe, kNothing, kHitTalk, DangerKind::violence},
    {kKillMe, kNothing, kKillTalk, DangerKind::violence},
    {kKillYou, kNothing, kKillYouTalk, DangerKind::violence},
    {kKnife, kKnifeThreat, kKnifeTalk, DangerKind::violence},
    {kRobbed, kNothing, kRobbedTalk, DangerKind::violence},
    {kStalked, kNothing, kStalkTalk, DangerKind::violence},
    {kDespair, kNothing, kDespairTalk, DangerKind::self_harm},
    {kPills, kOverdose, kPillsTalk, DangerKind::self_harm},
    {kCharcoal, kNothing, kCharcoalTalk, DangerKind::self_harm},
    {kJumpDown, kHeights, kJumpTalk, DangerKind::self_harm},
    {kIdiomPain, kNothing, kIdiomPainTalk, DangerKind::medical},
    {kConfused, kNotBack, kMissingTalk, DangerKind::missing},
    {kConfused, kGoneMissing, kMissingTalk, DangerKind::missing},
    {kFitWords, kFitSigns, kNothing, DangerKind::medical},
    {kSlurred, kSuddenly, kChronicTalk, DangerKind::medical},
    {kCallsForHands, kNothing, kHandsTalk, DangerKind::other},
    {kGoneMissing, kMissedPeople, kMissingTalk, DangerKind::missing},
    // An alarm with the signs of its gas is poisoning, tested or not ("一氧化碳报警器响了一下 我妈头晕想吐").
    {kAlarmSounds, kFumesSigns, kNothing, DangerKind::poisoning},
    {kAlarmSounds, kMonoxideAlarm, kAlarmTalk, DangerKind::poisoning},
    {kAlarmSounds, kGasAlarm, kAlarmTalk, DangerKind::gas},
    {kAlarmSounds, kSmokeAlarm, kAlarmTalk, DangerKind::fire},
    {kStove, kFumesSigns, kStoveTalk, DangerKind::poisoning},
    {kAloneInside, kCannotRise, kRiseTalk, DangerKind::medical},
    {kFrozen, kFrozenSigns, kNothing, DangerKind::medical},
}};

// Words that make a danger word talk about danger rather than report it: a drill, the news, a class.
// Always: whatever else the line says.
constexpr auto kDangerNegators = std::to_array<std::string_view>({
    "演习", "演练", "模拟", "新闻", "消防知识", "安全知识", "讲座", "培训", "宣传",
    "教育", "禁止", "防止", "报警器", "如果", "的话", "上次", "哈哈", "笑晕", "我都晕", "我晕倒了", "要晕倒了",
    "心里着火", "违法", "打不着火", "点不着火",
    // A story or a lesson, and a scare already over (an exploratory run's chatter, 2026-12-05).
    "电影", "剧里", "视频里", "小说", "课上", "课堂", "学校学", "没事了",
    "电视",
    // A price, a game, a near miss told as over, a false alarm taken back (an exploratory run of
    // emergencies, 2026-12-07). A joke only takes 救命 for a laugh: jokes_about_help() below.
    "跳楼梯", "跳楼价", "跳楼大甩卖", "王者荣耀", "差点着火", "是误会",
    "误会了", "虚惊一场",
    // "被子着了凉": a cold caught, not a fire (a review of stop 67).
    "着了凉",
});
// A leader's winter notice (an exploratory run of winter, stop 67: "谨防煤气中毒", "冬季取暖注意防范一氧化
// 碳中毒", "小心着火" each paged the leader above as a 险情提醒): talk, unless the line also tells a danger
// happening or calls for help now ("谨防煤气中毒！我家老人已经晕倒了", "温馨提示 3楼着火了 快跑"; a review
// of the same stop found those missed when the words were negators outright). Not 不小心 ("做饭不小心
// 着火了") nor 预防针.
constexpr auto kNoticeWords = std::to_array<std::string_view>(
    {"谨防", "防范", "预防", "温馨提示", "小心着火", "小心煤气", "小心一氧化碳", "冬季防火", "防火安全"});
// Words that make a danger word talk unless the line also says it is happening now: a game, a near
// miss, hearsay, a warning, a visit by the gas company (the same run). "幸好我在家 老伴晕倒了 快叫救护车",
// "你们听说了吗 5号楼着火了 好大的烟" and "燃气公司的人说煤气泄漏了 让赶紧疏散" are dangers (a review
// of the same day found a first draft, which made them negators outright, hiding them).
// They hold for the words added on 2026-12-07 only: a danger word the bot knew before keeps the
// negators it had (a second review of the same day: "救命 老人中暑了 太热了", "这可不是闹着玩的 楼下着火
// 了" and TV talk were read differently than before).
constexpr auto kSoftNegators = std::to_array<std::string_view>({
    "笑得", "闹着玩", "打着玩", "打架玩", "热得要着火", "虚惊", "误会",
    "辣得", "热得", "气得", "冷死", "视频", "游戏", "王者", "似的", "跟打架", "着火一样", "幸好", "幸亏",
    "差点晕", "小心着火",
    "注意防火", "学了", "你们听说", "听说了吗", "隔壁小区", "调解", "燃气公司", "上门检查", "安全检查", "出院了",
});
constexpr auto kJokes = std::to_array<std::string_view>({"笑死", "好笑", "搞笑", "太逗"});
// What only supposes or doubts a danger ("万一着火了往哪跑", "着火了吗？没有吧"): told as happening is no
// more than the supposing itself, so only a call for help now makes it one.
constexpr auto kSupposing = std::to_array<std::string_view>({"没有吧", "是真的吗", "气晕"});
constexpr auto kCallingNow = std::to_array<std::string_view>({
    "快来", "快叫", "快打", "快点", "快报警", "赶紧", "救命", "突然", "疏散", "好大的烟", "浓烟", "拿刀", "动刀",
    "出不来", "叫不醒", "救护车", "120", "119", "110", "报警", "电视机", "电视着火", "电视冒烟",
});
// Told as happening: a fire, a fall, someone not breathing ("这不是游戏 楼道真着火了", "学了急救 但是老伴
// 还是没呼吸了").
constexpr auto kToldAsHappening = std::to_array<std::string_view>({
    "着火了", "冒烟了", "晕倒了", "摔倒了", "起不来", "没呼吸", "没有呼吸", "昏迷", "口吐白沫", "抽搐",
    "心脏病犯了", "喝了农药", "割腕",
});

// The danger words the bot knew before 2026-12-07: their readings keep the negators they had, so the
// words added that day hide no danger read before.
constexpr auto kEstablished = std::to_array<std::string_view>({
    "着火", "起火", "失火", "火灾", "冒烟", "冒黑烟", "烧起来", "煤气泄漏", "燃气泄漏", "煤气漏", "燃气漏", "煤气味",
    "燃气味", "天然气味", "有人晕倒", "晕倒了", "昏倒", "有人受伤", "流了很多血", "救命", "打架", "持刀", "拿刀",
    "砍人", "溺水", "落水", "触电", "坠楼", "跳楼", "电梯困人", "被困电梯", "困在电梯", "天然气泄漏", "天然气漏",
    "煤气中毒", "一氧化碳中毒", "爆炸", "打群架", "群殴", "煤气罐漏气", "燃气漏气", "煤气漏气", "漏煤气", "漏燃气",
    "煤气好像漏", "燃气好像漏", "掉水里", "掉河里", "冒火花", "起不来了", "摔倒了起不来", "煤气泄露", "燃气泄露",
    "天然气泄露", "瓦斯泄漏", "瓦斯泄露", "瓦斯外泄", "煤气外泄", "燃气外泄", "有人被困", "电梯关人", "电梯卡人",
    "关在电梯", "卡在电梯", "老人摔倒", "老伴摔倒", "老人跌倒", "老伴跌倒", "摔倒在地", "晕过去", "心脏病发",
    "突发心脏病", "心梗", "不省人事", "没有呼吸", "没呼吸了", "没了意识", "失去意识", "叫120", "打120", "叫救护车",
    "快叫救护车", "进贼", "入室盗窃", "有人撬门", "浓烟", "楼道有烟", "楼道里有烟", "屋里有烟", "家里有烟", "需要送医院",
    "要送医院", "快送医院", "得送医院", "里面好像有人", "有人在里面喊", "里面有人喊", "人困在里面", "人被关在里面",
    "人卡在里面", "电梯里有人出不来", "人在电梯里出不来", "电梯里有人喊", "电梯里有人呼救", "摔了一跤爬不起来",
    "摔了爬不起来", "摔倒了爬不起来", "人倒在地上", "老人倒在地上", "躺在地上不动", "心口疼得厉害", "胸口疼得厉害",
    "突然说不出话", "嘴也歪了", "嘴歪了", "半边身子不能动", "烧焦的味道", "烧焦味", "焦糊味", "像煤气", "像燃气",
    "像天然气", "煤气灶关不", "燃气灶关不", "煤气关不", "燃气关不", "打起来了", "站在楼顶边", "楼顶边上有人",
    "楼顶有个人站", "砸到人", "砸伤", "高空坠物", "掉下来砸", "有人困住", "血流不止", "头出血", "头流血", "流了好多血",
    "流血不止", "止不住血", "血止不住",
});

// A hazard feared, not a fire (an exploratory run of the leaders' side, 2026-12-07: boxes in a
// stairwell "怕着火" sent the 119 text and an urgent alert): these words are no danger of their own,
// but a danger said beside them ("冒烟了 怕着火") still is, so they are taken out, not negated.
constexpr auto kDangerFears = std::to_array<std::string_view>(
    {"怕着火", "怕起火", "怕失火", "容易着火", "容易起火", "火灾隐患", "消防隐患",
     // An icicle over the door (an exploratory run of winter, stop 67: the 120 answer and an alert).
     // "差点砸到人" stays a danger: what fell once falls again ("外墙的瓷砖掉下来了差点砸到人").
     "怕砸到人", "怕砸到", "容易砸到", "小心砸到"});
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

// "孩子丢了", "老人不见了", "我家孩子找不到了": a weak word of going missing right after the person (a
// word between, "孩子的水杯丢了", "老伴去买菜还没回来", is of something else or of an errand).
std::optional<DangerFound> missing_person(std::string_view text) {
  if (first_of(text, kMissingTalk)) return std::nullopt;
  for (const std::string_view gone : kGoneWeak) {
    for (std::size_t at = text.find(gone); at != std::string_view::npos; at = text.find(gone, at + 1)) {
      const std::string_view before = text.substr(0, at);
      for (const std::string_view person : kMissedPeople) {
        if (before.ends_with(person)) return DangerFound{gone, DangerKind::missing};
      }
    }
  }
  return std::nullopt;
}

// Every word that can begin a danger's reading (a list's word, a pair's first half, a missing
// person's word, a call for help, someone inside a lift), indexed by its first character.
using TriggerIndex = std::unordered_map<char32_t, std::vector<std::string_view>>;

const TriggerIndex& triggers() {
  static const TriggerIndex index = [] {
    TriggerIndex built;
    const auto add = [&built](std::span<const std::string_view> words) {
      for (const std::string_view word : words)
        built[decode_utf8(word, 0).value].push_back(word);
    };
    for (const DangerList& list : kDangerLists)
      add(list.words);
    for (const DangerPair& pair : kDangerPairs)
      add(pair.first);
    add(kGoneWeak);
    add(kCalls);
    add(std::array<std::string_view, 1>{"里面有人"});
    return built;
  }();
  return index;
}

// Whether any word that can begin a danger's reading stands in the text: one pass over its
// characters. Most lines hold none, and the readings' scans per word (a few hundred memmem calls)
// were a fifth of the parser's cost of a line (measured with callgrind, 2026-12-07).
bool holds_a_trigger(std::string_view text) {
  const TriggerIndex& index = triggers();
  for (std::size_t at = 0; at < text.size();) {
    const CodePoint cp = decode_utf8(text, at);
    if (const auto words = index.find(cp.value); words != index.end()) {
      for (const std::string_view word : words->second) {
        if (text.compare(at, word.size(), word) == 0) return true;
      }
    }
    at += cp.length;
  }
  return false;
}

// The danger word or pair the text holds, negators not yet looked at.
std::optional<DangerFound> danger_unless_denied(std::string_view text) {
  if (!holds_a_trigger(text)) return std::nullopt;
  // Past the gate, a scan per word (memmem) is cheap enough: the lists are short.
  for (const DangerList& list : kDangerLists) {
    if (const std::optional<std::string_view> word = first_of(text, list.words))
      return DangerFound{*word, list.kind};
  }
  for (const DangerPair& pair : kDangerPairs) {
    if (auto found = in_pair(text, pair)) return found;
  }
  if (auto found = missing_person(text)) return found;
  if (const std::optional<std::string_view> call = first_of(text, kCalls); call && !first_of(text, kCallTalk))
    return DangerFound{*call, DangerKind::other};
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
    case DangerKind::poisoning:
      return "poisoning";
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

namespace {

// The negators of the words added on 2026-12-07, for a line that holds none the bot knew before.
// Where the next clause begins at or after `from`: ASCII marks (the line is normalized) and the
// full-width ones normalizing keeps (。；、: a final read, 2026-12-07, found "万一着火了。我家楼道冒烟了"
// read as one clause).
std::size_t clause_break(std::string_view text, std::size_t from) {
  std::size_t first = text.find_first_of(" ,.!?;", from);
  // Not 、 nor …: "万一着火、冒烟了怎么办" lists what it supposes (a recheck, 2026-12-07).
  for (const std::string_view mark : {"。", "；"}) {
    const std::size_t at = text.find(mark, from);
    if (at < first) first = at;
  }
  return first;
}

// "万一着火了往哪跑": the danger said after 万一 is supposed; "老伴摔倒了起不来 万一骨折了怎么办" tells
// it first, and supposes what may follow.
bool supposed(std::string_view text, std::string_view word) {
  const std::size_t what_if = text.find("万一");
  if (what_if == std::string_view::npos) return false;
  const std::size_t said = text.find(word);
  if (said == std::string_view::npos || said < what_if) return false;
  // In the same clause: "万一出事就晚了 老人摔倒了起不来了" supposes nothing of the fall; and a danger
  // told in another clause is told ("万一是煤气泄漏呢 我家一股煤气味").
  // Marks right after 万一 are a pause ("万一。。。着火了咋办"), not a clause's end.
  std::size_t from = what_if + std::string_view("万一").size();
  while (from < said &&
         (text[from] == '.' || text.substr(from).starts_with("。") || text.substr(from).starts_with("…")))
    from += text[from] == '.' ? 1 : 3;
  if (clause_break(text.substr(from, said - from), 0) != std::string_view::npos) return false;
  const std::size_t clause_end = clause_break(text, said);
  std::string rest(text.substr(0, what_if));
  if (clause_end != std::string_view::npos) rest += " " + std::string(text.substr(clause_end));
  // What the other clauses tell is told, unless supposed in turn ("万一着火了。万一冒烟了怎么办").
  const std::optional<DangerFound> told = danger_unless_denied(rest);
  return !told || supposed(rest, told->word);
}

// Whether the line is a notice to beware of a danger, not a report of one: the danger words stand
// only in the clauses a notice word begins ("谨防煤气中毒", "冬季防火，小心着火"), with the advice right
// after ("有煤气味马上开窗", "发现着火立即拨打119"); one told elsewhere, happening or called for now is
// told ("小心煤气 我家厨房煤气味特别大", "温馨提示：5号楼有煤气味", "谨防一氧化碳中毒，我婆婆头晕想吐":
// two reviews of stop 67). A header (温馨提示, 冬季防火) is only its own word.
bool is_a_notice(std::string_view text) {
  if (!first_of(text, kNoticeWords)) return false;
  static constexpr auto kHeaders = std::to_array<std::string_view>({"温馨提示", "冬季防火", "防火安全"});
  static constexpr auto kAdviceStarts =
      std::to_array<std::string_view>({"有", "一旦", "发现", "如遇", "遇到"});
  static constexpr auto kAdviceVerbs =
      std::to_array<std::string_view>({"马上", "立即", "立刻", "及时", "赶紧", "请", "要"});
  std::string rest(text);
  bool notice = false;
  bool of_poisoning = false;
  for (const std::string_view word : kNoticeWords) {
    for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
      if (text.substr(0, at).ends_with("不")) continue;
      if (word == "预防" && text.substr(at + word.size()).starts_with("针")) continue;
      notice = true;
      const bool header = std::find(kHeaders.begin(), kHeaders.end(), word) != kHeaders.end();
      std::size_t end =
          header ? at + word.size() : std::min(clause_break(text, at + word.size()), text.size());
      const std::string_view clause = text.substr(at, end - at);
      of_poisoning = of_poisoning || clause.find("中毒") != std::string_view::npos;
      // The advice that follows it: what to do if, not what is.
      const std::size_t next = skip_separators(text, end);
      const std::size_t next_end = std::min(clause_break(text, next), text.size());
      const std::string_view advice = text.substr(next, next_end - next);
      if (!header &&
          std::any_of(kAdviceStarts.begin(), kAdviceStarts.end(),
                      [&](std::string_view start) { return advice.starts_with(start); }) &&
          first_of(advice, kAdviceVerbs))
        end = next_end;
      rest.replace(at, end - at, end - at, ' ');
    }
  }
  if (!notice || danger_unless_denied(rest) || first_of(rest, kToldAsHappening) ||
      first_of(rest, kCallingNow))
    return false;
  // Beware of poisoning, and its signs told after: someone poisoned.
  return !(of_poisoning && first_of(rest, kFumesSigns));
}

bool denied_softly(std::string_view text) {
  if (first_of(text, kEstablished)) return false;
  for (std::size_t pair = 0; pair < kEstablishedPairs; ++pair) {
    if (in_pair(text, kDangerPairs[pair])) return false;
  }
  if (first_of(text, kCallingNow)) return false;
  if (first_of(text, kSupposing)) return true;
  return first_of(text, kSoftNegators) && !first_of(text, kToldAsHappening);
}

}  // namespace

namespace {

// A laugh ("@吹哨 笑死我了 救命" opened an urgent ticket that climbed to the community's group
// overnight: an exploratory run of emergencies, 2026-12-07), unless it is denied ("这一点都不好笑
// 我家着火了", "不是搞笑": a final read the same day) or help is called for now beside it (救命 aside,
// which a laugh takes for a word).
bool joking(std::string_view text) {
  const std::optional<std::string_view> joke = first_of(text, kJokes);
  if (!joke) return false;
  const std::size_t at = text.find(*joke);
  const std::string_view before = text.substr(0, at);
  if (before.ends_with("不") || before.ends_with("不是") || before.ends_with("没") ||
      before.ends_with("一点都不"))
    return false;
  // "好笑吗 有人晕倒了你们还在聊天", "搞笑吧 救命 老人倒在地上不动了": a rebuke, not a laugh (a recheck,
  // 2026-12-07).
  const std::string_view after = text.substr(at + joke->size());
  for (const std::string_view asks : {"吗", "吧", "?", "呢"}) {
    if (after.starts_with(asks)) return false;
  }
  for (const std::string_view call : kCallingNow) {
    if (call != "救命" && text.find(call) != std::string_view::npos) return false;
  }
  return true;
}

}  // namespace

std::optional<DangerFound> danger_in(std::string_view text) {
  // The negators only where a danger word stands: most lines hold none, and the negators' scan was
  // a third of the check (the parser's cost of a stop, 2026-12-06).
  std::optional<DangerFound> found = danger_unless_denied(text);
  if (!found) return std::nullopt;
  if (const std::optional<std::string> without = without_fears(text)) found = danger_unless_denied(*without);
  if (!found || denies_danger(text) || denied_softly(text)) return std::nullopt;

  if (supposed(text, found->word) && !first_of(text, kCallingNow)) return std::nullopt;
  return found;
}

bool danger_supposed(std::string_view text, std::string_view word) {
  return supposed(text, word) && !first_of(text, kCallingNow);
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
  // "电视机着火了", "电视突然冒烟了": the set on fire, not a programme; "不是误会 真的有煤气味": the false
  // alarm denied. Blanked out, in a copy made only for a line that holds them.
  constexpr std::array<std::string_view, 9> kNotDenials = {
      "电视机", "电视着火", "电视冒烟", "电视突然", "不是误会",
      // An alarm sounding is no talk of a device (报警器 is a negator).
      "报警器响", "报警器一直响", "报警器在响", "报警器报警"};
  // A notice to beware ("冬季防火…小心着火") is no report, the community's own danger words' included.
  if (is_a_notice(text)) return true;
  if (!first_of(text, kNotDenials)) return first_of(text, kDangerNegators).has_value() || joking(text);
  std::string blanked(text);
  for (const std::string_view phrase : kNotDenials) {
    for (std::size_t at = blanked.find(phrase); at != std::string::npos; at = blanked.find(phrase))
      blanked.replace(at, phrase.size(), phrase.size(), ' ');
  }
  return first_of(blanked, kDangerNegators).has_value() || joking(blanked);
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
