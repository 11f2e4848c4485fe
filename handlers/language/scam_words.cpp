#include "handlers/language/scam_words.hpp"

#include <array>
#include <string_view>

#include "handlers/language/text_util.hpp"

namespace whistle::language {

namespace {

// A scam named: asked about, or told of without money moving.
constexpr auto kScamWords = std::to_array<std::string_view>(
    {"骗子", "诈骗", "被骗", "骗人", "是不是骗", "是骗局", "骗局", "冒充", "片子啊", "騙", "钓鱼链接"});
// Whether something is really the community's: a message, a link, a caller, someone at the door.
constexpr auto kReallyOurs = std::to_array<std::string_view>(
    {"是社区的吗",   "是物业的吗",   "是社区发的吗", "是社区通知的吗", "社区有没有发", "社区发过",
     "社区会打电话", "社区会收费",   "社区会让",     "社区会发",       "物业会让",     "是真的物业",
     "是真物业",     "是社区的人吗", "是物业的人吗", "链接能点",       "能点吗",       "能下吗",
     "要不要点",     "点了那个链接", "这个号码是",   "是社区组织的",   "说是社区的",   "说是物业的",
     "说是社区",     "说是物业"});
// Said to the others to warn them, not asked: the leaders' notices and neighbours' warnings.
constexpr auto kWarning = std::to_array<std::string_view>(
    {"大家别信", "别信", "不要信", "别上当", "不要上当", "反诈提醒", "反诈宣传", "辟谣", "提醒大家",
     "大家注意", "温馨提示", "请勿", "谨防",
     // A joke or a complaint about points in the word (the second review of stop 70).
     "哈哈", "骗来的", "你骗人", "说好的"});

// Whether someone who speaks as an office holder is one: "这个王书记是真的吗" of a name copied from a
// leader's (the same run).
constexpr auto kTrueOrFalse =
    std::to_array<std::string_view>({"是真的吗", "是假的吗", "真的假的", "是不是真的"});
constexpr auto kOffices = std::to_array<std::string_view>(
    {"书记", "主任", "单元长", "楼栋长", "楼长", "网格长", "网格员", "物业", "社区", "师傅", "客服"});

}  // namespace

bool warns_of_a_scam_or_rumour(std::string_view text) {
  static constexpr auto kWarnings =
      std::to_array<std::string_view>({"反诈提醒", "反诈宣传", "防骗提醒", "防诈提醒", "辟谣", "谣言",
                                       "不要轻信", "请勿相信", "提高警惕", "谨防诈骗", "谨防上当"});
  return holds_any_of(text, kWarnings);
}

bool asks_about_a_scam(std::string_view text) {
  if (holds_any_of(text, kWarning)) return false;
  return holds_any_of(text, kScamWords) || holds_any_of(text, kReallyOurs) ||
         (holds_any_of(text, kTrueOrFalse) && holds_any_of(text, kOffices));
}

}  // namespace whistle::language
