#include "handlers/language/danger_words.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "handlers/language/danger_pairs.hpp"
#include "handlers/language/references.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/language/utf8.hpp"

namespace whistle::language {

namespace {

// The words that make a line a danger report, by kind. Each is a danger by itself; a word that is
// one only beside another is a pair's (kDangerPairs, in danger_pairs.hpp).
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

// The dangers said in two halves and the lists they share are in danger_pairs.hpp.
using namespace danger_tables;

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

// "我被诈骗了", "我遭遇电信诈骗了", "我被骗了": a fraud told with nothing more, which a person says after the
// money went (a review of stop 70: the scam question's answer, and nobody told).
std::optional<DangerFound> defrauded(std::string_view text) {
  static constexpr auto kDefrauded = std::to_array<std::string_view>(
      {"被诈骗", "遭遇电信诈骗", "遭遇诈骗", "被电信诈骗", "被网络诈骗", "被电诈", "钱被骗"});
  if (first_of(text, kFraudNow.unless)) return std::nullopt;
  if (const std::optional<std::string_view> word = first_of(text, kDefrauded))
    return DangerFound{*word, DangerKind::fraud};
  std::string_view plain = trim_spaces(text);
  while (!plain.empty() && std::string_view("!.~ ").find(plain.back()) != std::string_view::npos)
    plain.remove_suffix(1);
  for (const std::string_view alone : {"我被骗了", "被骗了", "我被骗了啊", "我上当了", "我被骗了怎么办"}) {
    if (plain == alone) return DangerFound{"被骗", DangerKind::fraud};
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
    add(kFraudNow.first);
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
  // Money cheated away now. Any other danger said with it is the one to answer ("着火了 … 快报警",
  // "我妈摔倒了 叫不醒 刚才说被骗了": the final read of stop 70 found a fire given the fraud's answer), but a
  // call for the police beside it is the fraud's: "快报警 我奶奶正在被骗" needs "hang up, the bank", not "a
  // room that locks".
  std::optional<DangerFound> fraud = in_pair(text, kFraudNow);
  if (!fraud) fraud = defrauded(text);
  static constexpr auto kPoliceCalls =
      std::to_array<std::string_view>({"帮我报警", "快报警", "快打110", "帮我打110"});
  // Past the gate, a scan per word (memmem) is cheap enough: the lists are short.
  for (const DangerList& list : kDangerLists) {
    if (const std::optional<std::string_view> word = first_of(text, list.words)) {
      if (fraud && std::find(kPoliceCalls.begin(), kPoliceCalls.end(), *word) != kPoliceCalls.end())
        return fraud;
      return DangerFound{*word, list.kind};
    }
  }
  for (const DangerPair& pair : kDangerPairs) {
    if (auto found = in_pair(text, pair)) return fraud && found->kind == DangerKind::other ? fraud : found;
  }
  if (fraud) return fraud;
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
    case DangerKind::unanswered:
      return "unanswered";
    case DangerKind::left_on:
      return "left_on";
    case DangerKind::fraud:
      return "fraud";
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
  // A fraud keeps its own negators: "骗子还在跟我妈视频 让她转账" is no video (a review of stop 70).
  if (in_pair(text, kFraudNow)) return false;
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

// What makes a door unanswered at a job a worry all the same: someone alone, days unseen, a smell.
constexpr auto kLoneSigns = std::to_array<std::string_view>(
    {"独居", "一个人住", "一个人在家", "老人", "几天", "两天", "三天", "没见人", "没见着", "臭味",
     "怪味", "异味",     "出事",       "报纸", "牛奶", "呼救", "喊",   "快递",   "灯亮",   "一直亮"});

}  // namespace

std::optional<DangerFound> danger_in(std::string_view text) {
  // The negators only where a danger word stands: most lines hold none, and the negators' scan was
  // a third of the check (the parser's cost of a stop, 2026-12-06).
  std::optional<DangerFound> found = danger_unless_denied(text);
  if (!found) return std::nullopt;
  if (const std::optional<std::string> without = without_fears(text)) found = danger_unless_denied(*without);
  if (!found || denies_danger(text) || denied_softly(text)) return std::nullopt;

  if (supposed(text, found->word) && !first_of(text, kCallingNow)) return std::nullopt;
  // "T1 敲门没人开 电话也不接": a repairman's visit to a job, not someone alone unanswered (an exploratory
  // run of 物业's side, stop 69: it paged the 书记 with ‼️).
  // Not when it tells of someone alone or unseen for days (a review of stop 69: "T1 何大爷好几天没见人了 敲门
  // 也没人应 他一个人住" went quiet).
  if (found->kind == DangerKind::unanswered && read_ticket_reference(text, 0, false) &&
      !first_of(text, kLoneSigns))
    return std::nullopt;
  return found;
}

bool names_the_cheat(std::string_view text) {
  static constexpr auto kCheat =
      std::to_array<std::string_view>({"骗", "诈", "冒充", "安全账户", "刷单", "上当", "盗刷", "被人盗"});
  return first_of(text, kCheat).has_value();
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
