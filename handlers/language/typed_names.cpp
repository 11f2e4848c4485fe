#include "handlers/language/typed_names.hpp"

#include <algorithm>
#include <array>
#include <span>

#include "handlers/language/chinese_numbers.hpp"
#include "handlers/language/references.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/language/utf8.hpp"

namespace whistle::language {

namespace {

// "大家都加5分", "他们扣3分", "今天加5分": what stands before 加 as often as a name and is none.
constexpr std::u32string_view kNotNameStarts = U"我你他她它大每各全所自这那今明昨本上下再又都也就请帮给为咱";
constexpr std::u32string_view kNotNameCharacters = U"们都也各每再又就还才";

// Words no person is called, which stand before 加N分/扣N分 as the thing scored: a command or an
// occasion ("吹哨加10分", "迟到扣2分", "评价满意加5分", "孩子考试加5分").
constexpr auto kThingsScored = std::to_array<std::string_view>(
    {"吹哨", "报到", "签到", "签退", "评价", "满意", "兑换", "失约", "迟到", "早退", "考试", "孩子",
     "作业", "成绩", "活动", "任务", "志愿", "每次", "一次", "什么", "啥",   "怎么", "谁"});

// How the words right after an amount start when they ask or remark on it ("加5分了吗", "扣3分？",
// "加10分也行", "加5分太少了", "扣3分不至于", "加5分的事", "加5分啊").
// A reason may start with 不, 也 or 太 ("不按时到场", "也帮了刘阿姨", "太热心了"): only these words of
// them remark.
constexpr auto kRemarkStarts = std::to_array<std::string_view>(
    {"了",   "吗",   "吧",   "呢",     "啊",     "呀",   "嘛",   "么",   "?",    "也行", "也可以", "也好",
     "太少", "太多", "太狠", "不至于", "不合适", "不行", "不对", "不够", "的事", "的话", "我不",   "我觉得"});

// A remark's words further on, for a name typed without an '@' (reviews, 2026-12-07:
// "刘阿姨扣3分我不同意", "张三加5分，刚才已经加过了", "刘阿姨扣3分 撤回 搞错了").
constexpr auto kRemarkWords = std::to_array<std::string_view>(
    {"?",    "吗",   "吧",   "呢",     "嘛",   "了没", "不至于", "不合适", "不行", "不对", "不用",
     "不太", "不够", "也行", "也可以", "也好", "太少", "太多",   "太狠",   "太高", "太低", "怎么样",
     "合适", "同意", "再说", "刚才",   "撤回", "搞错", "弄错",   "的事",   "算了"});

// "加5分", "扣 3 积分", "各加5分" at `pos`: the adjustment's words; where they end, or 0 when they
// are not there.
std::size_t points_end(std::string_view text, std::size_t pos) {
  for (const std::string_view verb : {"各加", "各扣", "加", "扣"}) {
    if (!text.substr(pos).starts_with(verb)) continue;
    std::size_t at = pos + verb.size();
    while (at < text.size() && text[at] == ' ')
      ++at;
    const auto number = read_number(text, at);
    if (!number || number->overflow) return 0;
    at += number->length;
    while (at < text.size() && text[at] == ' ')
      ++at;
    for (const std::string_view unit : {"积分", "分"}) {
      if (text.substr(at).starts_with(unit)) return at + unit.size();
    }
    return 0;
  }
  return 0;
}

bool names_a_thing(std::string_view name) {
  for (const std::string_view word : kThingsScored) {
    if (name.find(word) != std::string_view::npos) return true;
  }
  return false;
}

// A child's sign-ups are for classes and camps, never a volunteer's task; and what stands after 为/给/帮
// before 报名 as often as a name and is none ("为什么报名", "给社区报到", "帮别人报名": a review of stop 65).
constexpr auto kNotVolunteers = std::to_array<std::string_view>(
    {"孩子", "小孩", "儿子", "女儿", "闺女", "宝宝", "娃",   "学生", "同学", "什么", "啥",
     "谁",   "社区", "组织", "书记", "领导", "别人", "邻居", "楼下", "楼上", "老人", "朋友",
     "大家", "人家", "单位", "公司", "学校", "居委", "自己", "网格", "群里", "这个", "那个",
     "一下", "活动", "人民", "小区", "国家", "公益", "志愿", "服务", "比赛", "课"});

// "报个名", "报到 1" at `pos`, with only a task's number and filler after it.
bool sign_up_follows(std::string_view text, std::size_t pos) {
  for (const std::string_view verb : {"报个名", "报名", "报个到", "报到"}) {
    if (!text.substr(pos).starts_with(verb)) continue;
    std::size_t at = skip_separators(text, pos + verb.size());
    if (const auto reference = read_task_reference(text, at)) at = reference->end;
    return is_filler(text.substr(at));
  }
  return false;
}

// A name of 2–4 Chinese characters at `pos`, tried at each length with `verb_follows(name, verb)`
// at where the words after it start (spaces skipped: "给张三 加5分"): the first length it takes,
// else nothing. `verb_follows` answers 1 to take the name, -1 to refuse the line, 0 to try longer.
template <typename VerbFollows>
std::optional<TypedName> name_before(std::string_view text, std::size_t pos, VerbFollows verb_follows) {
  constexpr int kShortest = 2;
  constexpr int kLongest = 4;
  std::size_t at = pos;
  for (int characters = 1; characters <= kLongest; ++characters) {
    const CodePoint next = decode_utf8(text, at);
    if (next.length == 0 || !is_cjk(next.value) ||
        kNotNameCharacters.find(next.value) != std::u32string_view::npos)
      return std::nullopt;
    if (characters == 1 && kNotNameStarts.find(next.value) != std::u32string_view::npos) return std::nullopt;
    at += next.length;
    std::size_t verb = at;
    while (verb < text.size() && text[verb] == ' ')
      ++verb;
    if (characters < kShortest) continue;
    const std::string_view name = text.substr(pos, at - pos);
    const int verdict = verb_follows(name, verb);
    if (verdict < 0) return std::nullopt;
    if (verdict > 0) return TypedName{std::string(name), verb};
  }
  return std::nullopt;
}

// How far ahead of a name's start its verb can stand: 4 characters and a space.
constexpr std::size_t kNameAndVerbBytes = 5 * 3 + 2;

}  // namespace

std::optional<TypedName> name_before_sign_up(std::string_view text, std::size_t pos) {
  // Most lines hold no 报 where a name's end could stand.
  if (text.substr(pos, kNameAndVerbBytes).find("报") == std::string_view::npos) return std::nullopt;
  return name_before(text, pos, [&](std::string_view name, std::size_t verb) {
    if (!sign_up_follows(text, verb)) return 0;
    for (const std::string_view word : kNotVolunteers) {
      if (name.find(word) != std::string_view::npos) return -1;
    }
    return 1;
  });
}

namespace {

// A parent's child and a brother or sister, said with 我 or 我家 ("我儿子也 报到 1", "我家孩子也报名",
// "我弟也报名"): a bare 姐 is how a leader is called, and "帮孩子报个名" among parents is of a class. An
// exploratory run of the winter holiday (stop 69): "我儿子也 报到 1" signed the parent up, the child's place
// and hours going to them.
constexpr auto kChildren =
    std::to_array<std::string_view>({"儿子", "女儿", "闺女", "孩子", "小孩", "孙子", "孙女", "外孙女", "外孙",
                                     "小儿子", "大儿子", "小女儿", "大女儿"});
constexpr auto kSiblings =
    std::to_array<std::string_view>({"弟弟", "妹妹", "哥哥", "姐姐", "弟", "妹", "哥", "姐"});

// What the members are called in the answer: "请弟弟用自己的账号…".
std::string member_called(std::string_view member) {
  if (member == "妈" || member == "爸" || member == "弟" || member == "妹" || member == "哥" ||
      member == "姐")
    return std::string(member) + std::string(member);
  return std::string(member);
}

// The owner said before a member ("我家", "我"), and where the member starts.
std::size_t after_owner(std::string_view text, std::size_t at, bool& owned) {
  owned = false;
  for (const std::string_view owner : {"我家", "俺家", "我们家", "我", "俺"}) {
    if (text.substr(at).starts_with(owner)) {
      owned = true;
      return at + owner.size();
    }
  }
  return at;
}

// The family word at `at` (after its owner, when `owned`): "老伴", "儿子", "弟".
std::optional<std::string_view> family_word_at(std::string_view text, std::size_t at, bool owned) {
  for (const std::string_view member : {"老伴儿", "老伴", "爱人", "老公", "老婆", "媳妇", "老头子", "老头",
                                        "老太太", "那口子", "妈", "爸", "婆婆", "公公"}) {
    if (text.substr(at).starts_with(member)) return member;
  }
  // "帮孩子报个名" among parents is of a class or a camp (a review of stop 65): a child is the speaker's
  // own, said so.
  if (!owned) return std::nullopt;
  for (const std::string_view member : kChildren) {
    if (text.substr(at).starts_with(member)) return member;
  }
  for (const std::string_view member : kSiblings) {
    if (text.substr(at).starts_with(member)) return member;
  }
  return std::nullopt;
}

// The same, unless the word begins a word for friends: "哥们", "姐妹们", "妹子" (the final read of stop 69).
std::optional<std::string_view> family_member_at(std::string_view text, std::size_t at, bool owned) {
  const std::optional<std::string_view> member = family_word_at(text, at, owned);
  if (member && member->size() == 3) {
    for (const std::string_view friends : {"们", "妹", "子"}) {
      if (text.substr(at + member->size()).starts_with(friends)) return std::nullopt;
    }
  }
  return member;
}

bool is_child_or_sibling(std::string_view member) {
  return std::find(kChildren.begin(), kChildren.end(), member) != kChildren.end() ||
         std::find(kSiblings.begin(), kSiblings.end(), member) != kSiblings.end();
}

// A parent says who the child is after the sign-up ("帮我儿子报个名 他叫小明 初二"): words of who, not a
// question or news ("报名了吗", "报名的那个几点").
bool describes_the_child(std::string_view words) {
  for (const std::string_view word : {"了", "吗", "?", "呢", "几", "什么", "哪", "的"}) {
    if (words.find(word) != std::string_view::npos) return false;
  }
  return true;
}

bool sign_up_with_description_follows(std::string_view text, std::size_t pos) {
  for (const std::string_view verb : {"报个名", "报名", "报个到", "报到", "报一个"}) {
    if (!text.substr(pos).starts_with(verb)) continue;
    std::size_t at = skip_separators(text, pos + verb.size());
    if (const auto reference = read_task_reference(text, at)) at = reference->end;
    return describes_the_child(text.substr(at));
  }
  return false;
}

}  // namespace

std::optional<TypedName> family_before_sign_up(std::string_view text, std::size_t pos) {
  // Every line comes here: only one starting as a family member is said ("我…", "俺…", "老伴…").
  constexpr std::u32string_view kStarts = U"我俺老爱媳";
  if (kStarts.find(decode_utf8(text, pos).value) == std::u32string_view::npos) return std::nullopt;
  bool owned = false;
  const std::size_t at = after_owner(text, pos, owned);
  const std::optional<std::string_view> member = family_member_at(text, at, owned);
  if (!member) return std::nullopt;
  std::size_t verb = at + member->size();
  for (const std::string_view also : {"也要", "也想", "也", "要", "想"}) {
    if (text.substr(verb).starts_with(also)) {
      verb += also.size();
      break;
    }
  }
  while (verb < text.size() && text[verb] == ' ')
    ++verb;
  // "我妈报名了" tells the neighbours what is done.
  const bool follows = sign_up_follows(text, verb) ||
                       (is_child_or_sibling(*member) && sign_up_with_description_follows(text, verb));
  if (!follows || text.substr(verb).find("了") != std::string_view::npos) return std::nullopt;
  return TypedName{member_called(*member), verb};
}

std::optional<std::string> family_member_signed_up(std::string_view remark) {
  remark = trim_spaces(remark);
  for (const std::string_view lead : {"帮", "替", "给", "是"}) {
    if (remark.starts_with(lead)) {
      remark = trim_spaces(remark.substr(lead.size()));
      break;
    }
  }
  bool owned = false;
  const std::size_t at = after_owner(remark, 0, owned);
  // After a task's sign-up, "帮孩子报" is for the task whether 我 is said or not.
  const std::optional<std::string_view> member = family_member_at(remark, at, true);
  if (!member || !is_child_or_sibling(*member)) return std::nullopt;
  const std::string_view rest = trim_spaces(remark.substr(at + member->size()));
  for (const std::string_view words :
       {"", "报", "报名", "报个名", "报一个", "的", "也报", "也报名", "报的"}) {
    if (rest == words) return member_called(*member);
  }
  return std::nullopt;
}

bool goes_with_family(std::string_view line, bool addressed) {
  line = trim_spaces(line);
  if (!line.starts_with("我")) return false;
  std::size_t at = std::string_view("我").size();
  bool joined = false;
  for (const std::string_view with : {"带着", "领着", "和", "跟", "带", "与"}) {
    if (line.substr(at).starts_with(with)) {
      at += with.size();
      joined = true;
      break;
    }
  }
  if (!joined) return false;
  bool owned = false;
  at = after_owner(line, at, owned);
  // "我和弟弟都报名": after 和 a brother needs no 我 ("我和姐 …" is the speaker's sister all the same).
  std::optional<std::string_view> member = family_member_at(line, at, true);
  if (!member || !is_child_or_sibling(*member)) return false;
  at += member->size();
  for (const std::string_view count : {"两个人", "两个", "俩"}) {
    if (line.substr(at).starts_with(count)) {
      at += count.size();
      break;
    }
  }
  const std::string_view rest = without_words_at_end(trim_spaces(line.substr(at)), {"!", "."});
  // Among neighbours "我带孩子去", "我和孩子一起去吧" answer talk of a vaccine or a class as often (a
  // review of stop 69: each signed the parent up): only a sign-up said so, or said to the bot.
  for (const std::string_view words : {"一起报名", "都报名", "一起参加", "都参加", "报名"}) {
    if (rest == words) return true;
  }
  if (!addressed) return false;
  for (const std::string_view words : {"一起去", "都去", "一起来", "都来", "一块去", "一起", "去", "来"}) {
    if (rest == words) return true;
  }
  return false;
}

bool names_family_going_along(std::string_view text) {
  // "报到 1 我闺女也来", "报名 我儿子也去" (the same review: no note).
  for (const std::string_view also : {"也来", "也去", "也参加", "也报名"}) {
    const std::size_t at = text.find(also);
    if (at == std::string_view::npos) continue;
    for (const auto& members :
         {std::span<const std::string_view>(kChildren), std::span<const std::string_view>(kSiblings)}) {
      for (const std::string_view member : members) {
        if (at >= member.size() && text.substr(at - member.size(), member.size()) == member) return true;
      }
    }
  }
  for (const std::string_view with : {"带着", "领着", "和", "跟", "带"}) {
    for (std::size_t at = text.find(with); at != std::string_view::npos;
         at = text.find(with, at + with.size())) {
      bool owned = false;
      const std::size_t member_at = after_owner(text, at + with.size(), owned);
      const std::optional<std::string_view> member = family_member_at(text, member_at, true);
      if (!member || !is_child_or_sibling(*member)) continue;
      // Going along, not a word to them ("报名 跟我哥说一声": the final read of stop 69).
      const std::string_view after = trim_spaces(text.substr(member_at + member->size()));
      if (after.empty()) return true;
      for (const std::string_view along : {"一起", "都", "也", "俩", "两", "去", "来", "报名", "参加"}) {
        if (after.starts_with(along)) return true;
      }
    }
  }
  return false;
}

// A second person's amount in the same line ("何大爷加5分，张三加3分").
bool holds_another_amount(std::string_view rest) {
  for (std::size_t at = 0; at < rest.size(); ++at) {
    if (points_end(rest, at) != 0) return true;
  }
  return false;
}

bool remarks_right_after_points(std::string_view rest) {
  const std::string_view next = trim_spaces(rest);
  for (const std::string_view start : kRemarkStarts) {
    if (next.starts_with(start)) return true;
  }
  return holds_another_amount(rest);
}

bool remarks_on_points(std::string_view rest) {
  if (remarks_right_after_points(rest)) return true;
  for (const std::string_view word : kRemarkWords) {
    if (rest.find(word) != std::string_view::npos) return true;
  }
  return false;
}

std::optional<TypedName> name_before_points(std::string_view text, std::size_t pos) {
  // Every chat line comes here: most hold no 加 or 扣 where a name's end could stand, and are left at
  // once (a name read character by character cost 5% of the parser's storm mix).
  const std::string_view near = text.substr(pos, kNameAndVerbBytes);
  if (near.find("加") == std::string_view::npos && near.find("扣") == std::string_view::npos)
    return std::nullopt;
  return name_before(text, pos, [&](std::string_view name, std::size_t verb) {
    const std::size_t end = points_end(text, verb);
    if (end == 0) return 0;
    return names_a_thing(name) || remarks_on_points(text.substr(end)) ? -1 : 1;
  });
}

}  // namespace whistle::language
