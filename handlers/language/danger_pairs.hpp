#pragma once

// The dangers said in two halves, each of which alone is talk (kDangerPairs), and the word lists the
// danger reading shares with them: the data of danger_words.cpp, kept apart so that file holds the
// reading. Only danger_words.cpp includes it.

#include <array>
#include <cstddef>
#include <span>
#include <string_view>

#include "handlers/language/danger_words.hpp"

namespace whistle::language::danger_tables {

// clang-format off
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
inline constexpr auto kNothing = std::array<std::string_view, 0>{};

// One word list made of two, so a wider list of negators keeps the narrower one it extends whole.
template <std::size_t N, std::size_t M>
constexpr std::array<std::string_view, N + M> joined(const std::array<std::string_view, N>& first,
                                                     const std::array<std::string_view, M>& second) {
  std::array<std::string_view, N + M> words{};
  for (std::size_t i = 0; i < N; ++i)
    words[i] = first[i];
  for (std::size_t i = 0; i < M; ++i)
    words[N + i] = second[i];
  return words;
}
inline constexpr auto kLift = std::to_array<std::string_view>({"电梯"});
inline constexpr auto kShutIn = std::to_array<std::string_view>(
    {"困住", "被困在电梯", "被困在里面", "被关在里面", "关在里面", "关里面", "卡在里面", "关在里头", "困在里头",
     "在里面出不来", "里面出不来",
     "里面有人出不来", "里面有人！", "里面有人!", "里面有人啊", "里面还有人",
     "里面有个人", "里面有老人", "里面有小孩", "里面有孩子",
     // "电梯卡住了 我妈在里面", "电梯停在半中间 里面有个小孩" (2026-12-07).
     "我妈在里面", "我爸在里面", "我在里面", "孩子在里面", "小孩在里面", "老人在里面", "老伴在里面",
     "里面有个小孩", "里面有个孩子", "里面有个老人", "停在半中间", "停在半空"});
inline constexpr auto kGasLeak = std::to_array<std::string_view>({"漏气"});
inline constexpr auto kGasSmell = std::to_array<std::string_view>(
    {"一股味", "气味", "臭味", "燃气", "煤气", "天然气", "灶", "气罐", "头晕"});
// Days without a sign of an old neighbour, said with the door or the neighbour; a door unanswered
// with someone living alone or a fear for them. Not "敲门没人应 奶奶在睡觉吧" nor "几天没见人了 应该是回
// 老家了" (a second review, 2026-12-06).
inline constexpr auto kDaysUnseen = std::to_array<std::string_view>(
    {"几天没见人", "几天没见到人", "几天没看到人", "几天没见着", "几天没拿", "几天没出门", "几天没动静",
     "几天没见了", "几天没开门", "三天没出门", "两天没出门", "三天没见", "两天没见",
     // "3楼王奶奶两天没开门了 敲门也没人应" (an exploratory run of winter, stop 67: 没看懂).
     "两天没开门", "三天没开门", "两天没动静", "三天没动静"});
inline constexpr auto kUnseenContext = std::to_array<std::string_view>(
    {"敲门", "老人", "独居", "大爷", "奶奶", "老太", "老头", "爷爷", "大妈", "阿婆", "一个人住", "怕出事",
     "电话也不接", "打电话不接", "臭味"});
inline constexpr auto kNoAnswer = std::to_array<std::string_view>(
    {"敲门也没人应", "敲门没人应", "敲门都没人应", "敲门也不开",
     // As families and visitors say it (an exploratory run of old people living alone, stop 68: 没看懂).
     "没人应门", "敲门没反应", "敲门也没反应", "敲门都没反应", "敲门不应", "敲门没人开", "敲门也没人开"});
inline constexpr auto kLoneWorry = std::to_array<std::string_view>(
    {"独居", "一个人住", "怕出事", "会不会出事", "出什么事", "出事了", "没出门",
     // The signs a visitor sees: the paper not taken in, a smell, the hour she is always in.
     "报纸", "牛奶没拿", "怪味", "臭味", "平时这个点", "电话也不通", "电话也没人接", "电话也不接"});
// The phone unanswered of someone living alone, or for a day and more ("我爸两天没接电话了 他一个人住",
// "我妈一个人住 从昨天起电话就没人接"): the same run found each 没看懂. Not a phone lost or out of charge.
inline constexpr auto kPhoneUnanswered = std::to_array<std::string_view>(
    {"电话打不通", "电话一直打不通", "电话没人接", "电话就没人接", "电话都没人接", "电话一直没人接", "没接电话",
     "不接电话", "联系不上", "都没人接", "一天都没人接"});
inline constexpr auto kPhoneLone = std::to_array<std::string_view>(
    {"独居", "一个人住", "一个人在家", "两天", "三天", "好几天", "几天了", "从昨天", "从中午", "从早上", "一整天",
     "一天了"});
inline constexpr auto kPhoneTalk = std::to_array<std::string_view>(
    {"没电", "关机", "静音", "欠费", "手机丢", "手机坏", "换号", "号码", "快递", "外卖", "客服", "物业", "师傅",
     "回老家", "旅游", "住院", "上班", "开会", "找到了", "回电话了", "接了", "没事了", "应该是", "应该在",
     "估计是", "估计在", "可能是", "可能在", "在睡", "午觉", "家了", "去了", "明天过去", "停电", "落家里", "房东",
     "押金", "加班", "钓鱼", "喝酒"});
inline constexpr auto kBleeding = std::to_array<std::string_view>({"出血", "流血"});
inline constexpr auto kHurt = std::to_array<std::string_view>(
    {"摔", "跌倒", "车祸", "撞", "砸", "流了很多", "流了好多", "止不住", "晕倒", "昏", "骨折", "打人", "砍"});
// Each pair's own negators (a second review, 2026-12-06): a lift asked about or full, air let out of
// a ball or a tyre, a neighbour away, bleeding that is none or no emergency.
inline constexpr auto kLiftTalk = std::to_array<std::string_view>(
    {"里面有人吗", "太挤", "等下一趟", "等会再下", "差点夹", "困住过", "被困过", "的感觉", "幸好里面没人"});
inline constexpr auto kAirTalk = std::to_array<std::string_view>(
    {"篮球", "车胎", "轮胎", "气球", "充气", "橡胶", "高压锅", "暖气", "燃气费"});
inline constexpr auto kAwayTalk = std::to_array<std::string_view>(
    {"回老家", "旅游", "出去玩", "儿子家", "女儿家", "住院", "应该是去", "可能是回", "猫", "狗",
     // A shop shut, not a neighbour unseen ("超市两天没开门了 老人买不到菜": a review of stop 67).
     "超市", "商店", "饭店", "药店", "菜市场", "银行", "快递站", "营业", "驿站", "服务站", "服务中心",
     "门口等",
     // Advice to look in on them ("温馨提示：老人独居，两天没开门要敲门问问"); not 问问 or 留意 alone, which
     // a report asks as often ("敲门没人应 要不要问问物业": the final read of stop 67).
     "要敲门", "多关注"});
inline constexpr auto kMinorBleeding = std::to_array<std::string_view>(
    {"牙龈", "鼻血", "痔疮", "月经", "创可贴", "没出血", "没流血", "没人流血", "没有出血", "没有流血", "出血不多",
     "擦破", "包好了", "鼻子出血", "咬人"});
// Out of breath (2026-12-07: "老伴突然喘不上气" met "例如：报到 12"), of someone now: with a person or
// an alarm, not from stairs, a mask, heat or a laugh ("爬到六楼喘不上气", "口罩戴久了喘不上气").
inline constexpr auto kBreathless = std::to_array<std::string_view>(
    {"喘不上气", "喘不过气", "上不来气", "呼吸困难", "透不过气", "喘不上来"});
inline constexpr auto kBreathWho = std::to_array<std::string_view>(
    {"突然", "老伴", "老人", "我妈", "我爸", "孩子", "老头", "老太", "怎么办", "救", "120", "脸", "嘴唇", "发紫",
     "我喘", "憋", "快来"});
inline constexpr auto kBreathTalk = std::to_array<std::string_view>(
    {"得喘", "得我喘", "得上不来", "得透不过", "得人喘", "压力", "忙", "累", "作业", "工作", "笑", "辣", "爬",
     "跑", "口罩", "闷", "穿", "这几天", "有点", "看看", "憋屈", "压得", "房贷", "鼻塞", "感冒", "老毛病", "生气"});
// Someone who will not come to, not a child asleep ("孩子早上叫不醒 天天赖床").
inline constexpr auto kUnwaking = std::to_array<std::string_view>({"叫不醒", "昏迷"});
inline constexpr auto kUnwakingTalk = std::to_array<std::string_view>(
    {"赖床", "睡得", "早上", "天天", "跟猪", "起床", "闹钟", "装睡", "病人", "剧", "女主", "男主", "周末", "中午", "喝多", "睡沙发", "能听见"});
// A stroke named, now; not last year's, one got over, a hospital stay told, or a risk.
inline constexpr auto kStroke = std::to_array<std::string_view>({"脑梗", "中风", "脑溢血", "脑出血"});
inline constexpr auto kIllnessTalk = std::to_array<std::string_view>(
    {"去年", "前年", "以前", "年前", "恢复", "康复", "后遗症", "预防", "的药", "复查", "体检", "讲座", "知识",
     "风险", "住院了", "好几年", "几年了", "不用担心", "中风后", "照顾", "十年", "平时", "注意", "在医院", "住着", "的人"});
// Chest pain or tightness with the signs that make it urgent ("老伴胸口闷 出冷汗").
inline constexpr auto kChest = std::to_array<std::string_view>(
    {"胸口闷", "胸闷", "胸口疼", "胸口痛", "心口疼", "心口痛", "心脏疼", "心脏不舒服", "心脏难受", "心口难受",
     "心口一阵一阵", "胸口一阵一阵", "胸口好疼", "胸口很疼", "胸口特别疼", "心脏很难受", "心脏突然"});
inline constexpr auto kChestSigns = std::to_array<std::string_view>(
    {"冷汗", "喘", "晕", "厉害", "受不了", "快来", "救", "120", "不行了", "说不出话", "脸色"});
// Weaker signs: the speaker's own pain now, alone (an exploratory run of old people living alone, stop
// 68: "@吹哨 我胸口疼" and "我心脏不舒服 家里就我一个人" met the menu). With these only, the wider talk list
// below says the pain is past or blamed on something; the strong signs above keep their own.
inline constexpr auto kChestOwnSigns = std::to_array<std::string_view>(
    {"我胸口", "我心口", "我心脏", "一阵一阵", "就我", "一个人在家", "突然", "好疼", "很疼", "很难受", "跳得好快"});
// Chest pain past, eased, blamed on something else, or only a figure of speech (a review of stop 68
// found each paging a leader: "昨天我胸口疼 今天好了", "吵得我心脏不舒服", "我心口疼 应该是胃疼").
inline constexpr auto kChestPainExplained = std::to_array<std::string_view>(
    {"昨天", "好了", "好多了", "好点了", "吃了药", "吃药了", "毛病", "吵", "装修", "气得", "得慌", "透透气", "透气",
     "暖气", "胃", "岔气", "搬", "消息", "应该是", "可能是", "看到", "听到", "没什么大事", "没大事", "没事", "听说"});
inline constexpr auto kChestTalk = joined(kIllnessTalk, kChestPainExplained);
// Someone collapsed who does not answer ("我家老头子突然倒在地上了喊他也不答应", said by voice: 没看懂).
inline constexpr auto kCollapsed =
    std::to_array<std::string_view>({"倒在地上", "倒地上", "倒在地", "倒地", "倒在小区", "倒在路边", "倒在门口", "倒在楼道"});
inline constexpr auto kCollapseSigns = std::to_array<std::string_view>(
    {"不答应", "不应", "没反应", "没有反应", "叫不醒", "不说话", "起不来", "动不了", "不动了", "没气", "抽"});
inline constexpr auto kCollapseTalk = std::to_array<std::string_view>(
    {"喝多", "喝醉", "醉了", "耍赖", "打滚", "玩", "假装", "装的", "电视", "剧", "狗", "猫", "树", "车", "杆",
     "昨天", "还好没事", "没事了", "练", "太极", "比赛"});
// Fever, alone ("我发烧了 一个人在家"): said of oneself or an old parent, not a child at school.
inline constexpr auto kFever = std::to_array<std::string_view>({"发烧", "高烧", "烧到"});
inline constexpr auto kAloneNow = std::to_array<std::string_view>(
    {"一个人在家", "家里就我", "没人照顾", "一个人住", "独居"});
inline constexpr auto kFeverTalk = std::to_array<std::string_view>(
    {"退烧了", "好了", "好多了", "降下来", "以前", "昨天", "上周", "药店", "退烧药在哪", "孩子", "女儿", "儿子",
     "宝宝", "小孩", "娃", "睡一觉", "不想麻烦", "冬天发烧怎么办", "请假", "买药", "买点药", "买退烧", "不用担心"});
// A blood pressure that needs 120: now ("我血压200了", "血压到200了"), or high with its signs ("血压200 头好
// 晕"). Not a question of what it means, a clinic's reading, one long had (a review of stop 68).
inline constexpr auto kPressureNow = std::to_array<std::string_view>(
    {"血压200了", "血压到200", "血压都200", "血压210了", "血压220了", "血压两百了", "血压到两百", "高压200了",
     "高压到200", "高压两百了"});
inline constexpr auto kBloodPressure = std::to_array<std::string_view>(
    {"血压200", "血压210", "血压220", "血压230", "血压两百", "高压200", "高压210", "高压220", "高压两百",
     "血压190", "血压180", "高压190", "高压180", "血压一百九", "血压一百八", "血压到"});
inline constexpr auto kPressureSigns = std::to_array<std::string_view>(
    {"头晕", "头好晕", "头疼", "头痛", "看不清", "说不出话", "胸口", "恶心", "想吐", "站不住", "站不起来", "不行了",
     "难受"});
inline constexpr auto kPressureTalk = std::to_array<std::string_view>(
    {"以前", "平时", "吃了药", "吃药后", "降下来", "降到", "去年", "上次", "体检", "讲座", "的人", "以上", "要注意",
     "怎么办", "义诊", "多年", "医生让", "一直", "降压药快", "要不要紧", "住院", "听说", "吗", "不准", "机器"});
// Dizzy and unable to stand ("我不行了 头好晕" was a 2-point rating of a lamp's repair); not in a car.
inline constexpr auto kDizzy = std::to_array<std::string_view>({"头晕", "头好晕", "头很晕", "头昏", "天旋地转"});
inline constexpr auto kCannotStand = std::to_array<std::string_view>(
    {"站不起来", "不行了", "起不来", "要倒", "看不清", "站不住"});
inline constexpr auto kDizzyTalk = std::to_array<std::string_view>({"车", "船", "晕车", "晕船", "减肥", "以后", "昨天", "熬夜", "低血糖", "好了", "吃了"});
// "我快不行了" from someone alone, not hungry, tired, dieting or laughing. Not "快不行了" of a team,
// a fridge or a plant.
inline constexpr auto kGoingUnder = std::to_array<std::string_view>({"我快不行了", "我不行了"});
inline constexpr auto kGoingUnderSigns = std::to_array<std::string_view>(
    {"头晕", "晕", "喘", "胸口", "心口", "站不起来", "起不来", "救", "120", "快来", "一个人在家", "疼"});
inline constexpr auto kGoingUnderTalk = std::to_array<std::string_view>(
    {"得", "饿", "累", "困", "热", "冷", "笑", "哈哈", "电", "手机", "考试", "作业", "工作", "加班", "喝", "减肥",
     "这周", "撑"});
// A fall said with 摔到 (a slip for 摔倒) or in the bathroom, with no getting up; not a phone.
inline constexpr auto kFell = std::to_array<std::string_view>({"摔到了", "摔到", "摔了", "摔倒", "跌倒", "滑倒", "滑了一跤"});
inline constexpr auto kNoGettingUp = std::to_array<std::string_view>(
    {"起不来", "爬不起来", "动不了", "站不起来", "不能动", "叫不醒", "昏"});
inline constexpr auto kFallTalk = std::to_array<std::string_view>(
    {"手机", "屏幕", "电脑", "碗", "杯", "起不来床", "腰疼", "昨天", "小时候", "累得", "没事", "一会儿",
     // A warning of ice ("路上好多人滑倒 小心别摔得起不来": a review of stop 67); not 小心 alone ("我妈在
     // 楼下摔了 起不来 大家小心": the final read).
     "别摔", "好多人"});
// A child or an old person missing, said of them: read by missing_person() below, not as a pair.
inline constexpr auto kGoneMissing = std::to_array<std::string_view>({"走丢", "走失", "被拐", "被人抱走", "找不到家"});
// Not 没回来 beside the person: "我爸没回来吃饭" is supper; only with 痴呆 is it missing.
inline constexpr auto kGoneWeak = std::to_array<std::string_view>({"丢了", "找不到了", "不见了"});
inline constexpr auto kNotBack = std::to_array<std::string_view>({"没回来", "没回家", "不见了", "找不到了", "丢了"});
inline constexpr auto kMissedPeople = std::to_array<std::string_view>(
    {"孩子", "小孩", "宝宝", "女儿", "儿子", "老人", "老伴", "我妈", "我爸", "奶奶", "爷爷", "姥姥", "姥爷",
     "外婆", "外公", "大爷", "大妈", "老太太", "老头", "老人家"});
inline constexpr auto kConfused = std::to_array<std::string_view>({"痴呆", "阿尔茨海默"});
// Not back and not answering ("我爸早上出去到现在还没回来 电话也不接": an exploratory run of old people
// living alone, stop 68, found it 没看懂).
inline constexpr auto kNotBackYet = std::to_array<std::string_view>({"还没回来", "还没回家", "一直没回来"});
inline constexpr auto kNotAnswering = std::to_array<std::string_view>(
    {"电话也不接", "电话不接", "电话也打不通", "电话打不通", "联系不上", "电话没人接", "电话也没人接"});
inline constexpr auto kMissingTalk = std::to_array<std::string_view>(
    {"猫", "狗", "宠物", "鹦鹉", "找到了", "回来了", "原来", "一会儿", "以后", "以前", "小时候", "上次", "没事",
     "钥匙", "手机", "钱包", "眼镜", "药", "同学家", "捉迷藏", "牙", "钱", "工作", "分", "肯定", "躲", "防走失", "手环", "攻略"});
// Not back and not answering, with the why (a review of stop 68): fishing, overtime, a drink, a courier.
// Not "估计走丢了": the worry itself.
inline constexpr auto kNotBackTalk = std::to_array<std::string_view>(
    {"猫", "狗", "找到了", "回来了", "原来", "应该是", "估计是", "估计在", "可能是", "可能在", "钓鱼", "加班", "喝酒",
     "打牌", "快递员", "师傅", "房东", "物业", "老公", "老婆"});
// A child or someone frail locked in ("钥匙锁屋里了 宝宝还在里面", "孩子反锁在屋里了 才两岁").
inline constexpr auto kLockedIn = std::to_array<std::string_view>(
    {"锁在屋里", "锁屋里", "锁在家里", "锁家里", "反锁在", "锁在车里", "锁车里", "门锁坏了"});
inline constexpr auto kFrailInside = std::to_array<std::string_view>(
    {"宝宝", "婴儿", "出不来", "在哭", "才两岁", "才一岁", "才三岁", "一个人在"});
// A fall from a height, of a person ("孩子从楼上掉下来了"); not a parcel or the washing.
inline constexpr auto kFellFromHeight = std::to_array<std::string_view>(
    {"从楼上掉下", "从楼上摔下", "从阳台掉下", "从窗户掉下", "从窗台掉下", "从楼上跳下"});
inline constexpr auto kFallenPerson = std::to_array<std::string_view>({"孩子", "小孩", "有人", "老人", "宝宝", "娃"});
inline constexpr auto kFallenThings = std::to_array<std::string_view>(
    {"衣服", "花盆", "东西", "被子", "玩具", "垃圾", "快递", "盒", "鞋", "手机", "把"});
// A dog that bit someone now, not a childhood fright, a quarrel or a mosquito.
inline constexpr auto kBitten = std::to_array<std::string_view>(
    {"狗咬人", "被狗咬", "狗咬了", "咬伤了", "咬了一个小孩", "咬了一个孩子", "咬了孩子", "咬了小孩"});
inline constexpr auto kBiteTalk = std::to_array<std::string_view>(
    {"没事", "打了疫苗", "不严重", "轻轻", "玩具", "小时候", "咬过", "狗咬狗", "蚊子", "拖鞋", "沙发", "要打", "狂犬疫苗吗", "不管", "去打疫苗"});
// A child beaten and screaming next door.
inline constexpr auto kBeating = std::to_array<std::string_view>({"打孩子", "打小孩", "打老人"});
inline constexpr auto kScreams = std::to_array<std::string_view>({"哭喊", "惨叫", "救命", "往死里", "大哭"});
// Words that are a danger but for their idioms, each with its own.
inline constexpr auto kHitMe = std::to_array<std::string_view>(
    {"老公打我", "丈夫打我", "老婆打我", "他打我", "被打了", "被人打了", "喝了酒打", "喝醉了打"});
inline constexpr auto kHitTalk = std::to_array<std::string_view>(
    {"电话", "手机", "一针", "针", "疫苗", "骚扰", "麻将", "牌", "我们", "微信", "语音", "视频", "差评", "手心", "打球", "开玩笑", "没大事", "没事", "主意"});
inline constexpr auto kKillMe = std::to_array<std::string_view>({"要杀了我", "要杀我"});
inline constexpr auto kKillTalk = std::to_array<std::string_view>(
    {"价格", "这价", "不如", "物价", "作业", "跑步", "简直", "双十一", "宰", "考试", "成绩", "分数", "老师", "我妈要杀",
     "我爸要杀", "会被", "考砸", "要是知道", "知道我"});
// A death threat between neighbours ("我要打死你", "看谁打死谁"); not a mosquito's, a game's or a joke's.
inline constexpr auto kKillYou = std::to_array<std::string_view>({"打死你", "打死谁", "弄死你", "砍死你", "捅死你"});
inline constexpr auto kKillYouTalk = std::to_array<std::string_view>(
    {"蚊子", "苍蝇", "蟑螂", "游戏", "开玩笑", "哈哈", "笑", "宝宝", "小坏蛋", "臭小子", "作业", "打死你也", "打死我也",
     "王者", "吃鸡", "逗",
     // "打死谁也想不到", "说出来打死谁都不信", "打死谁呀，别吵了", a parent's "这题再不会我就打死你" (a review
     // of stop 65: each paged the leader).
     "打死谁也", "打死谁都", "想不到", "不信", "别吵", "这题", "乱花钱", "兔崽子", "再不"});
// A knife in the stairwell (an exploratory run of neighbour disputes, 2026-12-07: nobody heard); not
// one in the kitchen.
inline constexpr auto kKnife = std::to_array<std::string_view>({"拿着菜刀", "拿着刀", "拿菜刀", "举着刀", "挥着刀"});
inline constexpr auto kKnifeThreat =
    std::to_array<std::string_view>({"骂", "追", "砍人", "要砍", "吓人", "威胁", "楼道", "闹事", "要打", "打人", "冲"});
inline constexpr auto kKnifeTalk = std::to_array<std::string_view>(
    {"切菜", "剁", "做饭", "厨房", "切肉", "削", "杀鱼", "杀鸡", "作业", "开玩笑", "哈哈", "电视", "电影", "剧",
     "排骨", "骨头", "手滑", "老鼠", "吓死我"});
inline constexpr auto kRobbed = std::to_array<std::string_view>({"抢劫", "被抢了", "被人抢"});
inline constexpr auto kRobbedTalk = std::to_array<std::string_view>(
    {"价格", "这价", "简直", "双十一", "宰", "车位", "红包", "门票", "票", "位置", "座位", "名额", "抢购", "抢到",
     "秒杀", "优惠", "风头", "鸡蛋", "特价", "大米", "座", "玩具", "理发", "剪头", "停车费", "这是抢劫", "明抢", "一早"});
inline constexpr auto kStalked = std::to_array<std::string_view>({"跟踪我", "有人跟踪", "撬锁", "撬门", "有小偷"});
inline constexpr auto kStalkTalk =
    std::to_array<std::string_view>({"快递", "物流", "订单", "开锁师傅", "开锁", "大家", "注意", "锁好门", "小心", "APP", "位置", "狗", "猫", "广告", "推", "被抓", "抓到"});
inline constexpr auto kDespair = std::to_array<std::string_view>({"不想活了", "想死了", "寻死"});
inline constexpr auto kDespairTalk = std::to_array<std::string_view>(
    {"作业", "物价", "简直", "累", "热", "冷", "饿", "困", "加班", "上班", "考试", "工资", "房价", "得不想活",
     "得想死", "寻死觅活", "哈哈", "账单", "信用卡"});
inline constexpr auto kPills = std::to_array<std::string_view>({"安眠药"});
inline constexpr auto kOverdose = std::to_array<std::string_view>({"一瓶", "整瓶", "好多", "很多", "一把", "吞了"});
inline constexpr auto kPillsTalk = std::to_array<std::string_view>({"多年", "好多年", "很多年", "医生", "不能吃"});
// A gas or smoke alarm sounding (an exploratory run of winter, stop 67: "一氧化碳报警器响了" met the
// menu; 报警器 alone is talk of a device, a negator). Not one tested or out of battery.
inline constexpr auto kAlarmSounds = std::to_array<std::string_view>(
    {"报警器响", "报警器一直响", "报警器在响", "报警器叫", "报警器嘀嘀", "报警器滴滴", "报警器报警"});
inline constexpr auto kGasAlarm = std::to_array<std::string_view>({"煤气", "燃气", "天然气"});
// Carbon monoxide's alarm: the poisoning's answer (air, the stove out, 120 for the signs).
inline constexpr auto kMonoxideAlarm = std::to_array<std::string_view>({"一氧化碳"});
inline constexpr auto kSmokeAlarm = std::to_array<std::string_view>({"烟雾", "烟感"});
inline constexpr auto kAlarmTalk = std::to_array<std::string_view>(
    {"测试", "试一下", "试试", "误报", "没电", "换电池", "安装", "装了", "买", "车", "演习", "检查", "原来", "抽烟",
     "做饭", "炒菜", "没事", "好几次", "老是", "总是", "又响", "能不能来", "一下", "一声"});
// A coal stove's smoke in the home, with the signs of its gas ("头晕 想吐 屋里烧着炉子", "炉子倒烟了 屋里
// 全是烟 头晕"): the same run found them answered with a report offer.
inline constexpr auto kStove = std::to_array<std::string_view>(
    {"炉子", "煤炉", "火炉", "蜂窝煤", "烧煤", "倒烟", "煤烟", "烟囱"});
inline constexpr auto kFumesSigns = std::to_array<std::string_view>(
    {"头晕", "头疼", "头痛", "想吐", "恶心", "呕吐", "叫不醒", "没力气", "全是烟", "都是烟", "好多烟", "呛得",
     "敲门没人应", "敲门也没人应"});
inline constexpr auto kStoveTalk = std::to_array<std::string_view>(
    {"以前", "昨天", "注意", "提醒", "通风了", "好了", "没事", "买", "卖", "修", "价", "钱", "让人头疼", "真头疼",
     "头疼的是", "看着头疼", "恶心死", "那味道", "楼下烧"});
// Someone alone and unable to get up ("发烧39度 一个人在家 起不来"), or numbed by the cold.
inline constexpr auto kAloneInside = std::to_array<std::string_view>({"一个人在家", "独居", "一个人住"});
inline constexpr auto kCannotRise = std::to_array<std::string_view>({"起不来", "爬不起来", "动不了", "站不起来", "下不了床"});
inline constexpr auto kRiseTalk = std::to_array<std::string_view>(
    {"起不来床", "早上", "赖床", "闹钟", "上班", "懒", "车", "陷", "雪", "送饭", "帮忙买", "买菜", "电脑",
     "手机", "卡得"});
// A fire or gas left on by someone away from home (an exploratory run of old people living alone,
// stop 68: "我忘了关火 人在外面", "煤气灶开着就出门了" met the menu). Not a reminder ("出门记得关火"),
// not one already off ("忘了关火 邻居帮我关了") nor someone on their way to it ("我马上回去关").
inline constexpr auto kLeftBurning = std::to_array<std::string_view>(
    {"忘关火", "忘了关火", "忘记关火", "没关火", "火没关", "火忘关", "火还开着", "还开着火", "忘关煤气", "忘了关煤气",
     "忘记关煤气", "煤气没关", "煤气忘关", "忘关燃气", "忘了关燃气", "忘记关燃气", "燃气没关", "燃气忘关", "煤气灶开着",
     "燃气灶开着", "燃气灶没关", "煤气灶没关", "灶没关", "灶上还炖着", "锅还在灶上", "锅还在火上", "火上还炖着",
     "炉子上还炖着", "还烧着水", "忘关小太阳", "小太阳没关", "小太阳忘关", "取暖器没关", "电暖器没关", "电暖气没关",
     "电热毯没关", "忘关电热毯", "忘关取暖器"});
inline constexpr auto kAwayFromIt = std::to_array<std::string_view>(
    {"人在外面", "在外面", "不在家", "出门", "出了门", "家里没人", "家里没有人", "回不去", "赶不回去", "在路上",
     "上班", "在单位", "在公司", "在医院", "在老家", "在外地", "在超市", "我出来了", "走了", "下楼了"});
// Not a reminder, one already off, someone on the way back, nor a story told after it (昨天…回来锅都烧糊了,
// 还好邻居闻到了, 有自动断电: a review of stop 69 found each paging a leader).
inline constexpr auto kLeftBurningTalk = std::to_array<std::string_view>(
    {"记得", "别忘", "不要忘", "提醒大家", "温馨提示", "注意安全", "出门前", "养成", "已经关", "关掉了", "关好了",
     "关上了", "帮我关了", "帮忙关了", "回去关了", "马上回去关", "我回去关", "回家关了", "又回去", "上次", "以前",
     "没事了", "昨天", "昨晚", "前天", "上周", "上个月", "还好", "幸好", "好在", "自动断电", "定时", "电费",
     "回来一看", "回来发现", "回来锅", "经常", "老忘", "总是", "老是", "想装", "报警器",
     // 火没关 in 没关系 ("这次停气跟煤气没关系 我在上班": the final read of stop 69).
     "没关系"});
// The call asked of the bot (stop 68's old people living alone: "快帮我打个电话给120" was told the bot
// cannot phone, "帮我叫个救护车" met the menu). Not talk of calling (a review of stop 69: "要不要打电话给
// 119" of a blocked fire lane, "打电话给110有用吗", "叫个救护车要多少钱", a cat up a tree paged leaders).
inline constexpr auto kAmbulanceAsked = std::to_array<std::string_view>(
    {"打个电话给120", "打电话给120", "给120打电话", "给120打个电话", "打给120", "叫个救护车", "叫辆救护车",
     "喊个救护车", "喊救护车", "叫一下救护车", "帮我叫救护车"});
inline constexpr auto kFireBrigadeAsked = std::to_array<std::string_view>(
    {"打个电话给119", "打电话给119", "给119打电话", "叫个消防车", "叫消防车"});
inline constexpr auto kPoliceAsked = std::to_array<std::string_view>(
    {"打个电话给110", "打电话给110", "给110打电话", "帮我报个警"});
inline constexpr auto kCallingTalk = std::to_array<std::string_view>(
    {"要不要", "该不该", "用不用", "需不需要", "有用吗", "有没有用", "多少钱", "收费", "怎么打", "下次", "以后",
     "如果", "刚才打", "是谁", "来了", "举报", "消防通道", "停车", "挡", "骗子", "冒充", "诈骗", "猫", "狗", "鸟",
     "树上", "演习"});
// Money cheated away now or just lost (an exploratory run of scams, stop 70: "我妈正在给骗子转钱 快帮忙",
// "报警 我被诈骗了", "我点了那个链接 输了银行卡密码" met the menu; "求助 我妈正在被骗转账" waited the night
// as a general ticket): the cheat with the money, the card or the police, or the loss told alone. Not a
// warning, a talk or a story told after (别被骗, 反诈宣传, 听说, 去年).
inline constexpr auto kCheated = std::to_array<std::string_view>(
    {"被骗", "骗子", "诈骗", "电诈", "被人骗", "骗钱", "骗了钱", "冒充公检法", "冒充公安", "冒充警察", "冒充客服",
     "安全账户", "钱被转走", "卡里钱被转", "卡里的钱被转", "钱被转了", "输了银行卡密码", "填了银行卡", "把验证码告诉",
     "验证码告诉他", "验证码告诉了",
     // A review of stop 70: "我被网上刷单骗了 还在往里充钱", "有人冒充我儿子借钱 我已经转了5000", "刚刚被人骗走了3000块",
     // "有人打电话说我孙子出事了 要我打钱", "我爸刚把存折密码告诉别人了", "我奶奶要去银行取钱给一个陌生人 拦不住".
     "骗了", "骗走", "刷单", "上当", "冒充我", "要我打钱", "让我打钱", "要我转账", "让我转账", "密码告诉", "拦不住",
     "钱全没了", "交了手续费", "冒充", "盗刷", "被人盗", "被盗了", "说我出车祸", "说你出车祸", "说我出事", "说孩子出事",
     "说我孙子出事", "说我儿子出事", "莫名其妙没了"});
inline constexpr auto kMoneyGoing = std::to_array<std::string_view>(
    {"转钱", "转账", "打钱", "汇款", "转了", "汇了", "打了", "转走", "转出", "被转", "银行卡", "卡号", "密码", "验证码",
     "安全账户", "万块", "万元", "块钱", "元钱", "报警", "报个警", "拦", "ATM", "银行", "怎么办", "正在被骗", "在被骗",
     "万", "00块", "00元", "000", "千块", "千元", "百块", "充钱", "借钱", "取钱", "存款", "存折", "养老钱", "联系不上", "钱没了", "钱全没了", "卡"});
inline constexpr auto kFraudTalk = std::to_array<std::string_view>(
    {"小心", "谨防", "防骗", "防诈", "反诈", "别被骗", "不要被骗", "以免", "防止", "提醒", "宣传", "讲座", "新闻",
     "电视上", "听说", "据说", "去年", "前年", "上个月", "以前", "别信", "不要信", "别上当", "不要上当", "别点",
     "不要点", "大家注意", "请注意", "注意防范", "提醒大家", "大家小心", "最近", "不要转", "别转", "不要给",
     "千万", "骗子说", "差点", "还好", "幸好", "好在", "没转", "这年头", "同事被骗", "朋友被骗", "网购", "淘宝",
     "拼多多", "外卖", "水果", "橘子", "游戏",
     // A market's scale, a shop's discount, a guess at an ad (a review of stop 70: each paged a leader).
     "秤", "菜", "斤", "烟", "锅", "店", "打折", "商家", "摊", "骗子吧", "肯定是骗", "骗子吗", "是不是骗子", "压岁钱",
     // One's own payments, a joke, a call refused, a nuisance, a notice (the second review of stop 70: each paged
     // a leader).
     "转给我妈", "转给我爸", "转给我", "我自己转", "自己转", "余额宝", "自动扣", "房贷", "信用卡", "话费", "水费",
     "房租", "房东", "团长", "交费", "缴费", "原来是", "哦", "买包", "玩笑", "逗他", "逗她", "看他怎么办", "没给",
     "没理", "烦死", "骚扰", "假货", "算了", "一定是", "一律", "提高警惕", "已经报警", "就被骗过", "你会", "让我转账吗",
     "是真的吗", "一块钱", "两块钱", "几块钱", "一分钱", "温馨提示", "上周", "昨天", "朋友圈", "演习", "演练", "被骗了好几年", "感情", "骗我的", "你骗", "骗人的吧"});
inline constexpr DangerPair kFraudNow{kCheated, kMoneyGoing, kFraudTalk, DangerKind::fraud};
inline constexpr auto kFrozen = std::to_array<std::string_view>({"冻得", "冻僵", "冻坏了"});
inline constexpr auto kFrozenSigns = std::to_array<std::string_view>({"说话不清", "说不清楚", "叫不醒", "迷糊", "神志不清"});
inline constexpr auto kCharcoal = std::to_array<std::string_view>({"烧炭"});
inline constexpr auto kCharcoalTalk = std::to_array<std::string_view>({"取暖", "注意", "通风", "农村", "烧烤", "老家", "冬天"});
inline constexpr auto kJumpDown = std::to_array<std::string_view>({"跳下去"});
inline constexpr auto kHeights = std::to_array<std::string_view>({"楼上", "楼顶", "窗", "阳台", "天台"});
inline constexpr auto kJumpTalk = std::to_array<std::string_view>({"游泳", "台阶", "没事", "跳下去了", "猫", "狗"});
inline constexpr auto kIdiomPain = std::to_array<std::string_view>({"吐血了", "抽搐", "吃错药", "噎住", "纽扣电池", "吞了一颗"});
inline constexpr auto kIdiomPainTalk = std::to_array<std::string_view>(
    {"都吐血", "气得", "账单", "价格", "电费", "眼皮", "老是", "你今天", "你吃错", "吃错药了吧", "吃太快", "喝口水",
     "就好了", "没电", "糖", "哪里买", "话费", "房价", "嘴角", "一句话", "把我噎", "是不是吃错药", "对我这么好", "在哪买", "换", "多少钱"});
inline constexpr auto kCallsForHands = std::to_array<std::string_view>(
    {"救救我", "救救我老伴", "救救我妈", "救救我爸", "救救孩子", "快来人", "来人啊", "来人呐"});
inline constexpr auto kHandsTalk = std::to_array<std::string_view>(
    {"作业", "搬", "借", "梯子", "沙发", "快递", "写不完", "帮忙拿", "帮我拿", "谁会", "谁有", "谁家", "修", "鸡蛋", "麻将", "三缺一", "手机", "设置", "团购", "橘子", "考试", "胖", "减肥",
     // A car stuck in the snow, snow to clear (an exploratory run of winter, stop 67: each paged a leader).
     // Not 推 or 陷 alone: "我爸晕了 门推不开", "有人陷在雪堆里出不来了" (a recheck of the same stop).
     "推一下", "推车", "帮忙推", "铲雪", "扫雪", "雪太厚", "车陷", "漏水"});
inline constexpr auto kFitWords = std::to_array<std::string_view>({"抽筋", "抽风"});
inline constexpr auto kFitSigns = std::to_array<std::string_view>({"发烧", "高烧", "口吐", "翻白眼", "叫不醒"});
inline constexpr auto kSlurred = std::to_array<std::string_view>(
    {"说话不清", "说不清楚话", "口齿不清", "手没力气", "一边手", "一边脚", "嘴角歪"});
inline constexpr auto kSuddenly = std::to_array<std::string_view>({"突然"});
inline constexpr auto kChronicTalk = std::to_array<std::string_view>({"以前", "一直", "老毛病", "好几年"});
// The first five are those the bot knew before 2026-12-07 (denied_softly leaves them be).
inline constexpr std::size_t kEstablishedPairs = 5;
inline constexpr std::array<DangerPair, 51> kDangerPairs{{
    {kLift, kShutIn, kLiftTalk, DangerKind::trapped},
    {kGasLeak, kGasSmell, kAirTalk, DangerKind::gas},
    {kDaysUnseen, kUnseenContext, kAwayTalk, DangerKind::unanswered},
    {kNoAnswer, kLoneWorry, kAwayTalk, DangerKind::unanswered},
    {kBleeding, kHurt, kMinorBleeding, DangerKind::medical},
    {kBreathless, kBreathWho, kBreathTalk, DangerKind::medical},
    {kUnwaking, kNothing, kUnwakingTalk, DangerKind::medical},
    {kStroke, kNothing, kIllnessTalk, DangerKind::medical},
    {kChest, kChestSigns, kIllnessTalk, DangerKind::medical},
    {kChest, kChestOwnSigns, kChestTalk, DangerKind::medical},
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
    {kPhoneUnanswered, kPhoneLone, kPhoneTalk, DangerKind::unanswered},
    {kCollapsed, kCollapseSigns, kCollapseTalk, DangerKind::medical},
    {kFever, kAloneNow, kFeverTalk, DangerKind::medical},
    {kPressureNow, kNothing, kPressureTalk, DangerKind::medical},
    {kBloodPressure, kPressureSigns, kPressureTalk, DangerKind::medical},
    {kNotBackYet, kNotAnswering, kNotBackTalk, DangerKind::missing},
    {kLeftBurning, kAwayFromIt, kLeftBurningTalk, DangerKind::left_on},
    {kAmbulanceAsked, kNothing, kCallingTalk, DangerKind::medical},
    {kFireBrigadeAsked, kNothing, kCallingTalk, DangerKind::fire},
    // 110 for a theft as often as for a blow: the general answer, not "a safe room" (the final read).
    {kPoliceAsked, kNothing, kCallingTalk, DangerKind::other},
}};
// clang-format on

}  // namespace whistle::language::danger_tables
