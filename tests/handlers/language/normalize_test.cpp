#include "handlers/language/normalize.hpp"

#include <gtest/gtest.h>

#include <string>

#include "handlers/language/parser.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/language/utf8.hpp"

namespace whistle::language {
namespace {

struct NormalizeCase {
  const char* raw;
  const char* text;
  bool addressed = false;
};

void PrintTo(const NormalizeCase& row, std::ostream* out) {
  *out << '"' << row.raw << '"';
}

class Normalize : public ::testing::TestWithParam<NormalizeCase> {};

// A WeChat quote-reply: the quote cut off, what was written kept; the bot's own post quoted is said
// to the bot (quoted_reply.hpp).
TEST(NormalizeQuote, CutsTheQuoteAndKeepsWhatWasWritten) {
  const NormalizedText leader =
      normalize("「钱楼栋长：吹哨 明天上午9点 清理楼道 5人」\n- - - - - - - -\n报名");
  EXPECT_EQ(leader.text, "报名");
  EXPECT_EQ(leader.quoted, "吹哨 明天上午9点 清理楼道 5人");
  EXPECT_FALSE(leader.quotes_bot);
  EXPECT_FALSE(leader.addressed);
  const NormalizedText bot =
      normalize("「吹哨：【吹哨#2】清理楼道\n回复「报到」参加。」\n- - - - - -\n@吹哨 报到");
  EXPECT_EQ(bot.text, "报到");
  EXPECT_TRUE(bot.quotes_bot);
  EXPECT_TRUE(bot.addressed);
  EXPECT_EQ(normalize("回复 钱楼栋长：报名").text, "报名");
  EXPECT_EQ(normalize("回复@钱楼栋长: 我也去").text, "我也去");
  EXPECT_EQ(normalize("引用 钱楼栋长 的消息 : 吹哨 明天扫雪\n报名").text, "报名");
  // No quote: a notice's heading in 「」 without the dashes, a quote with nothing written under it, a
  // 回复 with no one named.
  EXPECT_EQ(normalize("「温馨提示：天冷路滑」\n请大家注意安全").text,
            "「温馨提示:天冷路滑」\n请大家注意安全");
  EXPECT_EQ(normalize("「钱楼栋长：明天扫雪」\n- - - - - -").quoted, "");
  EXPECT_EQ(normalize("回复：收到").text, "回复:收到");
  EXPECT_EQ(normalize("回复1").text, "回复1");
}

TEST_P(Normalize, MakesTheLineUniform) {
  const NormalizedText result = normalize(GetParam().raw);
  EXPECT_EQ(result.text, GetParam().text);
  EXPECT_EQ(result.addressed, GetParam().addressed);
}

const NormalizeCase kCases[] = {
    {"＃１２：，", "#12:,"},
    {"ＡＢＣ　ｋ７ｑ２", "ABC k7q2"},
    {"報到 簽到 簽退 積分 兌換", "报到 签到 签退 积分 兑换"},
    {"報事 辦結 評價 撤銷 結束 幫助", "报事 办结 评价 撤销 结束 帮助"},
    {"選單 菜單 統計 綁定 驗收 確認", "选单 菜单 统计 绑定 验收 确认"},
    {"取消報到 請假 核銷 點單 派單 接單 上報", "取消报到 请假 核销 点单 派单 接单 上报"},
    {"3號樓2單元 網格 週六 兩個小時 9點 時", "3号楼2单元 网格 周六 两个小时 9点 时"},
    // 著 is 着 in these words only (著火 is a danger word), and stays in 著名.
    {"廚房著火了 不要著急 打不著火 著名", "厨房着火了 不要着急 打不着火 著名"},
    // WeChat's emoji as bridges pass them: decoration (a bracketed word of the sender's stays).
    {"报到[抱拳]", "报到"},
    {"[握手]报到", "报到"},
    {"[急]报事", "[急]报事"},
    {"  报到   12  ", "报到 12"},
    {"\t报到\t12\r\n", "报到 12"},
    {"吹哨 清理楼道\r\n\r\n5人  ", "吹哨 清理楼道\n5人"},
    {"14:00—16:00", "14:00-16:00"},
    {"报到〜", "报到~"},
    {"报\u200b到", "报到"},
    {"@吹哨 报到", "报到", true},
    {"@吹哨助手 报到", "报到", true},
    {"@whistle 报到", "报到", true},
    {"@Whistle 报到", "报到", true},
    {"@BOT 报到", "报到", true},
    {"@机器人 报到", "报到", true},
    {"@吹哨\u2005报到", "报到", true},
    {"＠吹哨　報到", "报到", true},
    {"@吹哨：报到", "报到", true},
    {"@吹哨\n报到", "报到", true},
    {"报到 @吹哨", "报到", true},
    // A mention inside the line is talk about the bot, not to it: two reviews of stop 67 found the
    // neighbours' "这个 @吹哨 挺好用的", "哈哈，@吹哨 又答非所问了" answered in the group once it was not.
    {"这个 @吹哨 挺好用的", "这个 @吹哨 挺好用的", false},
    {"哈哈，@吹哨 又答非所问了", "哈哈,@吹哨 又答非所问了", false},
    // The full name typed without "@", with a greeting around it; "吹哨" alone stays the command.
    {"吹哨助手 报修 楼道灯坏了", "报修 楼道灯坏了", true},
    {"你好吹哨助手，我想反映个事", "我想反映个事", true},
    {"吹哨助手你好我想反映个事", "我想反映个事", true},
    {"吹哨 清理楼道", "吹哨 清理楼道", false},
    {"吹哨助手挺好用的 上次报修第二天就来了", "吹哨助手挺好用的 上次报修第二天就来了", false},
    {"你好", "你好", false},
    {"@botany 你好", "@botany 你好", false},
    {"@张三 报到", "@张三 报到", false},
    {"", "", false},
    // A command word spaced out where it begins the line is joined; words of a sentence are not.
    {"吹 哨 清理楼道", "吹哨 清理楼道", false},
    {"报  到 1", "报到 1", false},
    {"@吹哨 签 到 1", "签到 1", true},
    {"报 告大家一个好消息", "报 告大家一个好消息", false},
    {"我 报到", "我 报到", false},
    // Questions stay as typed (a second review, 2026-12-06): joined they were commands.
    {"请 假 怎么请", "请 假 怎么请", false},
    {"报 到 的人有几个", "报 到 的人有几个", false},
    {"吹 哨 明天的活动取消了吗", "吹 哨 明天的活动取消了吗", false},
    {"签 到", "签到", false},
};
INSTANTIATE_TEST_SUITE_P(Lines, Normalize, ::testing::ValuesIn(kCases));

TEST(NormalizeBytes, ReplacesEveryInvalidByteWithTheReplacementCharacter) {
  EXPECT_EQ(normalize_characters("a\xff"
                                 "b"),
            "a\xef\xbf\xbd"
            "b");
  EXPECT_EQ(normalize_characters("\xe6\x8a"), "\xef\xbf\xbd\xef\xbf\xbd");
  // An overlong '/' and a UTF-16 surrogate are invalid too.
  EXPECT_EQ(normalize_characters("\xc0\xaf"), "\xef\xbf\xbd\xef\xbf\xbd");
  EXPECT_EQ(normalize_characters("\xed\xa0\x80"), "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
}

TEST(NormalizeBytes, KeepsValidTextOfEverySizeIntact) {
  EXPECT_EQ(normalize_characters("a é 报 😀"), "a é 报 😀");
}

TEST(NormalizeBytes, TurnsControlCharactersIntoSpaces) {
  EXPECT_EQ(normalize(std::string("报到\0"
                                  "12",
                                  9))
                .text,
            "报到 12");
}

TEST(ChinesePunctuation, ComesBackAfterAChineseCharacterOnly) {
  EXPECT_EQ(with_chinese_punctuation(normalize_characters("电梯坏了，按钮没反应！怎么办？")),
            "电梯坏了，按钮没反应！怎么办？");
  EXPECT_EQ(with_chinese_punctuation("地点:3号楼;谢谢"), "地点：3号楼；谢谢");
  EXPECT_EQ(with_chinese_punctuation("T1,谢谢 9:30 ok!"), "T1,谢谢 9:30 ok!");
  EXPECT_EQ(with_chinese_punctuation(""), "");
  // A run of marks after a Chinese character comes back whole ("！!" before).
  EXPECT_EQ(with_chinese_punctuation("电梯困人了!!"), "电梯困人了！！");
  EXPECT_EQ(with_chinese_punctuation("真的吗?!"), "真的吗？！");
}

TEST(BotNames, AreRecognisedInAnyAsciiCaseButOnlyWhole) {
  EXPECT_TRUE(is_bot_name("吹哨"));
  EXPECT_TRUE(is_bot_name("WHISTLE"));
  EXPECT_FALSE(is_bot_name("吹哨人"));
  EXPECT_EQ(bot_mention_length("@吹哨助手 报到", 0), std::string("@吹哨助手").size());
  EXPECT_EQ(bot_mention_length("@bot_fan 你好", 0), 0u);
}

TEST(BotNames, ConfiguredNamesAddressTheBotLikeTheBuiltInOnes) {
  const std::vector<std::string> extra = normalized_bot_names({"小哨", "Helper"});
  EXPECT_TRUE(is_bot_name("小哨", extra));
  EXPECT_TRUE(is_bot_name("HELPER", extra));
  EXPECT_FALSE(is_bot_name("小哨", {}));
  const NormalizedText leading = normalize("@小哨 报到 12", extra);
  EXPECT_TRUE(leading.addressed);
  EXPECT_EQ(leading.text, "报到 12");
  EXPECT_TRUE(normalize("报到 12 @helper", extra).addressed);
  EXPECT_FALSE(normalize("@小哨 报到 12").addressed) << "not without the config";
}

TEST(NormalizeBidi, DirectionOverridesAreDropped) {
  EXPECT_EQ(normalize("吹哨 \u202e扫地\u202c 3人").text, "吹哨 扫地 3人");
}

TEST(BotNames, InvisibleCharactersDoNotHideAName) {
  EXPECT_TRUE(normalize("@吹哨\u200d 报到").addressed);
  EXPECT_TRUE(normalize("@吹\u00ad哨 报到").addressed);
}

TEST(ParserWithBotNames, AConfiguredNameIsNeverAPersonActedOn) {
  ParseContext context;
  context.bot_names = normalized_bot_names({"小哨"});
  const handlers::Command command = parse_command("@小哨 加分 @张三 5 帮忙", context);
  EXPECT_TRUE(command.addressed);
  EXPECT_EQ(command.mentions, std::vector<std::string>{"张三"});
}

TEST(FreeText, LosesStrayPunctuationButKeepsClosingBrackets) {
  EXPECT_EQ(clean_free_text("：清理楼道！！"), "清理楼道");
  EXPECT_EQ(clean_free_text("  清理   楼道 , 🧹 "), "清理 楼道");
  EXPECT_EQ(clean_free_text("清理楼道(东侧)"), "清理楼道(东侧)");
  EXPECT_EQ(clean_free_text("，。！"), "");
}

TEST(FreeText, FillerIsPunctuationEmojiAndSentenceParticles) {
  EXPECT_TRUE(is_filler("了！～👍"));
  EXPECT_FALSE(is_filler("中心"));
  EXPECT_TRUE(is_decoration("!~ 👍"));
  EXPECT_FALSE(is_decoration("了"));
}

TEST(Utf8, DecodesAndStepsBackOverMultiByteCharacters) {
  const std::string text = "a报😀";
  EXPECT_EQ(decode_utf8(text, 1).value, U'报');
  EXPECT_EQ(decode_utf8(text, 1).length, 3u);
  EXPECT_EQ(code_point_before(text, text.size()), U'😀');
  EXPECT_EQ(code_point_before(text, 4), U'报');
  EXPECT_EQ(code_point_before(text, 0), 0u);
}

}  // namespace
}  // namespace whistle::language
