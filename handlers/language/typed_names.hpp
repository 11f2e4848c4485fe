#pragma once

// A person's name typed without an '@' before an amount of points ("给张三加5分 帮忙搬东西",
// "刘阿姨 扣2分 失约"), and the words after an amount that make a line a remark or a question about
// points rather than an order ("张三加5分了吗？", "刘阿姨扣3分我不同意"). Leaders type names as often
// as they @ them; a line beside an amount is as often talk about points (docs/language.md).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace whistle::language {

/// The name of 2–4 Chinese characters typed right before an adjustment's 加/扣 and its amount
/// ("加5分", "扣 3 积分") at `pos`, and where the 加 starts; empty when the words are not that, the
/// "name" is a pronoun, a crowd or a thing scored ("大家都加5分", "迟到扣2分"), or the words after the
/// amount remark on it (remarks_on_points).
struct TypedName {
  std::string name;
  std::size_t end = 0;
};
std::optional<TypedName> name_before_points(std::string_view text, std::size_t pos);

/// The name of 2–4 Chinese characters typed right before a sign-up word ("帮何大爷报个名", "替刘阿姨
/// 报到 1") at `pos`, and where that word starts; empty when the words are not that, the "name" is a
/// pronoun or a child's ("帮孩子报名", whose classes are no task), or more than a task's number follows
/// ("帮刘阿姨报名了吗" asks).
std::optional<TypedName> name_before_sign_up(std::string_view text, std::size_t pos);

/// A family member named before a sign-up word, said by someone else of the family ("我老伴也报个名",
/// "我爱人也 报到 1"): the member's word ("老伴") and where the sign-up word starts. Not two going
/// together ("我和老伴都去"), which the sender's own report-in answers.
std::optional<TypedName> family_before_sign_up(std::string_view text, std::size_t pos);

/// A child or a brother or sister named after a sign-up as the one it is for ("报到 1 帮我家孩子报",
/// "报到 1 我儿子"): what the member is called ("孩子", "弟弟"). Empty for anything else ("报到 1 我带孩子
/// 一起" goes together).
std::optional<std::string> family_member_signed_up(std::string_view remark);

/// Whether a whole line says the speaker goes with a child or a brother or sister: signing up said
/// ("我和我弟都报名", "我和孩子一起参加"), or said to the bot (`addressed`: "我和孩子一起去",
/// "我带孩子一起去"): the speaker's own sign-up, the other asked to report in.
bool goes_with_family(std::string_view line, bool addressed);

/// Whether a sign-up's words name a child or a brother or sister going along ("带孩子", "和我弟").
bool names_family_going_along(std::string_view text);

/// Whether the words right after an amount ask or remark rather than give a reason: "了吗？", "？不至于
/// 吧", "也行", "的事明天再说", or a second amount ("，张三加3分"). What a reason says further on is
/// its own ("@张三 加5分 已经连续三周来打扫楼道" pays).
bool remarks_right_after_points(std::string_view rest);

/// Whether `rest` holds another amount of points ("，张三加3分", "@刘阿姨 加3分").
bool holds_another_amount(std::string_view rest);

/// remarks_right_after_points, or a remark's words anywhere in the rest ("张三加5分，刚才已经加过了"):
/// the stricter test a name typed without an '@' must pass to be read as an adjustment at all.
bool remarks_on_points(std::string_view rest);

}  // namespace whistle::language
