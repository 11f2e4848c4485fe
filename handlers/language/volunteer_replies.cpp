#include "handlers/language/volunteer_replies.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "handlers/language/argument_readers.hpp"
#include "handlers/language/argument_words.hpp"
#include "handlers/language/shift_words.hpp"
#include "handlers/language/text_util.hpp"

namespace whistle::language {

namespace {

// "去不了了", "参加不了": how a volunteer says they cannot come.
constexpr auto kCannotCome = std::to_array<std::string_view>(
    {"去不了", "来不了", "参加不了", "去不成", "来不成", "不能去", "不能来", "不能参加", "没法参加", "没法去",
     "不去了", "不参加了", "请假", "请个假"});

// "明天去不了了", "周六来不了了": the day a volunteer cannot come, said first. Only a withdrawal is
// read past it: a day before other commands is their time ("明天 吹哨 …").
constexpr auto kDaysBeforeWithdrawal = std::to_array<std::string_view>(
    {"今天", "明天", "后天", "这周六", "这周日", "这周末", "周六", "周日", "周末", "星期六", "星期天",
     "星期日", "上午", "下午", "晚上", "明早", "到时候"});

// The words a volunteer's own command after a clause begins with.
constexpr auto kOwnTaskWords =
    std::to_array<std::string_view>({"报到", "报道", "报名", "参加", "请假", "取消", "退出", "签到", "签退"});

}  // namespace

// Wrappers that tell what happened before the command ("先走了", "来晚了", "抱歉").
bool tells_what_happened(std::string_view wrapper) {
  // The reasons before a withdrawal (intent_words.cpp's wrappers) too: "家里临时有事 +1" is a "me too,
  // I cannot come" (the final read, 2026-12-07).
  for (const std::string_view told :
       {"先走了", "我先走了", "来晚了", "我来晚了", "不好意思", "抱歉", "到了", "到啦", "已到", "有事",
        "有点事", "临时有事", "家里有事", "临时有点事", "家里临时有事", "突然有事"}) {
    if (wrapper == told) return true;
  }
  return false;
}

// After an apology a withdrawal that says they cannot come is one ("不好意思 临时有事，去不了了"),
// where "抱歉 退出" is talk.
bool says_cannot_come(std::string_view words) {
  return std::any_of(kCannotCome.begin(), kCannotCome.end(), [words](std::string_view phrase) {
    return words.find(phrase) != std::string_view::npos;
  });
}

std::size_t day_said_first(std::string_view body) {
  for (const std::string_view day : kDaysBeforeWithdrawal) {
    if (body.starts_with(day)) return day.size();
  }
  return 0;
}

bool starts_cannot_come(std::string_view words) {
  if (words.starts_with("我")) words.remove_prefix(std::string_view("我").size());
  // "明天有事去不了了": the reason between the day and the words.
  for (const std::string_view reason : {"家里有事", "临时有事", "有点事", "有事"}) {
    if (words.starts_with(reason)) {
      words = trim_spaces(words.substr(reason.size()));
      break;
    }
  }
  return std::any_of(kCannotCome.begin(), kCannotCome.end(),
                     [words](std::string_view phrase) { return words.starts_with(phrase); });
}

// "谁家有梯子？" "我可以": after these only a sign-up in so many words counts ("可以 我报名"; not "没问题
// 我来", nor the announcement "可以报名了").
bool answers_a_question(std::string_view wrapper) {
  for (const std::string_view answer : {"可以", "没问题", "我可以的", "我有空", "有空"}) {
    if (wrapper == answer) return true;
  }
  return false;
}

// How a child calls the leader, before the greeting that may follow ("阿姨好", "叔叔您好").
constexpr auto kPeopleAddressed =
    std::to_array<std::string_view>({"阿姨", "叔叔", "老师", "姐姐", "哥哥", "爷爷", "奶奶"});

bool addresses_a_person(std::string_view wrapper) {
  return std::any_of(kPeopleAddressed.begin(), kPeopleAddressed.end(),
                     [wrapper](std::string_view person) { return wrapper.starts_with(person); });
}

bool speaks_of_own_place(Intent intent, std::string_view said) {
  if (intent == Intent::report_in) return says_sign_up(said) || says_here_now(said);
  return (intent == Intent::withdraw || intent == Intent::check_in || intent == Intent::check_out) &&
         said.starts_with("我");
}

// The words after a person addressed and their greeting: "阿姨好 我来啦" → "我来啦".
std::string_view past_the_person_addressed(std::string_view text) {
  for (const std::string_view person : kPeopleAddressed) {
    if (!text.starts_with(person)) continue;
    text = without_words_at_start(text.substr(person.size()), {"您好", "你好", "好"});
    return trim_spaces(without_words_at_start(text, {",", " "}));
  }
  return text;
}

bool says_sign_up(std::string_view words) {
  return words.find("报名") != std::string_view::npos || words.find("报到") != std::string_view::npos ||
         words.find("参加") != std::string_view::npos;
}

bool says_arrived(std::string_view wrapper) {
  return wrapper == "到了" || wrapper == "到啦" || wrapper == "已到";
}

bool says_here_now(std::string_view text) {
  text = without_words_at_end(trim_spaces(text), {"!", "~", "."});
  // "阿姨好 我来啦" (a review of stop 69: "不用重复报到").
  text = past_the_person_addressed(text);
  for (const std::string_view said :
       {"我来啦", "我来了", "来啦", "来了", "我来咯", "我来喽", "我们来啦", "我们来了"}) {
    if (text == said) return true;
  }
  return false;
}

bool says_report_in_word(std::string_view words) {
  return words.starts_with("报到") || words.starts_with("报道") || words.starts_with("报个到");
}

bool is_own_place_intent(Intent intent) {
  return intent == Intent::report_in || intent == Intent::withdraw || intent == Intent::check_in ||
         intent == Intent::check_out;
}

bool holds_own_task_word(std::string_view words) {
  return std::any_of(kOwnTaskWords.begin(), kOwnTaskWords.end(),
                     [words](std::string_view word) { return words.find(word) != std::string_view::npos; });
}

bool starts_own_task_word(std::string_view words) {
  return std::any_of(kOwnTaskWords.begin(), kOwnTaskWords.end(),
                     [words](std::string_view word) { return words.starts_with(word); });
}

bool counts_or_tells_time(std::string_view words) {
  words = trim_spaces(words);
  // The units a task's number is never read before (天, 点, 张, 楼 … in argument_readers.cpp's
  // number_counts_something) are not repeated here: such a command is no command at all.
  for (const std::string_view unit : {"个", "人", "位", "分", "号", "的", "之前", "以前", "时"}) {
    if (words.starts_with(unit)) return true;
  }
  return false;
}

std::optional<LeaveCount> leave_with_a_count(std::string_view line) {
  line = trim_spaces(line);
  for (const std::string_view word : {"取消报名", "取消报到", "请假", "取消"}) {
    if (!line.starts_with(word)) continue;
    const std::string_view rest = trim_spaces(line.substr(word.size()));
    std::size_t digits = 0;
    int number = 0;
    while (digits < rest.size() && digits < 2 && rest[digits] >= '0' && rest[digits] <= '9')
      number = number * 10 + (rest[digits++] - '0');
    if (digits == 0 || number == 0) return std::nullopt;
    const std::string_view unit = trim_spaces(rest.substr(digits));
    // "请假1小时 晚点到" is coming late, "取消 1 份大米" an order: only days off and a task's hour.
    if (!number_counts_something(unit)) return std::nullopt;
    if (unit.starts_with("天")) return LeaveCount{number, LeaveCount::Unit::days};
    if (unit.starts_with("点") && number <= 24) return LeaveCount{number, LeaveCount::Unit::hour_of_day};
    return std::nullopt;
  }
  return std::nullopt;
}

bool ends_on_not_going(std::string_view line) {
  line = trim_spaces(line);
  while (!line.empty() && (line.back() == '.' || line.back() == '!' || line.back() == ' '))
    line.remove_suffix(1);
  for (const std::string_view words :
       {"去不了了", "来不了了", "去不成了", "去不了", "来不了", "参加不了了"}) {
    if (line.ends_with(words)) return true;
  }
  return false;
}

namespace {

// Whose the words before "去不了了" make it: the speaker's own ("我今天发烧了", "今晚的巡逻我", "今天",
// nothing), not another's ("我妈", "他", "王阿姨说她", "修电梯的师傅") nor a place's or a thing's
// ("医院", "兴趣班", "车坏了"): a review of stop 65 found "医院去不了了，谁能帮我买点药" withdrew the
// sender's place, and lost the errand asked for.
bool the_speaker_cannot(std::string_view before) {
  // The clause the words are in.
  const std::size_t mark = before.find_last_of(",.!;");
  std::string_view clause = trim_spaces(mark == std::string_view::npos ? before : before.substr(mark + 1));
  for (const std::string_view adverb : {"真的", "实在", "也", "都", "就", "恐怕"}) {
    if (clause.ends_with(adverb)) clause = trim_spaces(clause.substr(0, clause.size() - adverb.size()));
  }
  // "今晚的巡逻我", "明天我": the speaker said last.
  if (clause.ends_with("我")) return true;
  // "今天", "今晚", "明天", or nothing: the day alone (the speaker's reason in a clause before).
  for (const std::string_view day :
       {"今天", "今晚", "明天", "明早", "晚上", "上午", "下午", "这次", "到时候"}) {
    if (clause.starts_with(day)) clause = trim_spaces(clause.substr(day.size()));
  }
  if (clause.empty()) return true;
  // "发烧了", "单位临时加班": the speaker's own reason, said without 我 (the second review of stop 65).
  // A pupil's: homework, a class, an exam (an exploratory run of the winter holiday, stop 69).
  for (const std::string_view reason :
       {"发烧",   "感冒", "生病", "病了", "身体", "不舒服", "单位", "加班",
        "临时",   "家里", "有事", "突然", "腰疼", "腿疼",   "头疼", "要写作业",
        "写作业", "作业", "补课", "补习", "上课", "考试",   "学校"}) {
    if (clause.starts_with(reason)) return true;
  }
  // "我今天发烧了", "我感冒了": the speaker first, of no one else of theirs.
  if (!clause.starts_with("我")) return false;
  for (const std::string_view others :
       {"我妈", "我爸", "我家", "我们", "我老", "我女儿", "我儿子", "我孩子", "我爱人", "我媳妇", "我老婆",
        "我老公", "我朋友", "我同事", "我邻居"}) {
    if (clause.starts_with(others)) return false;
  }
  return true;
}

}  // namespace

bool says_now_cannot_come(std::string_view line) {
  line = trim_spaces(line);
  // A question or a request after it asks something else ("明天的体检我去不了了，怎么改期", "…谁能帮我
  // 买点药"), and a week away is no task's day now ("下周去不了了").
  // Nor is a maybe ("要是下雨我就去不了了", "我可能去不了了": the second review of stop 65).
  for (const std::string_view other :
       {"?", "吗", "怎么", "谁能", "能不能", "帮我", "下周", "下个月", "过几天", "以后", "要是", "如果",
        "万一", "可能", "也许", "说不定", "不一定"}) {
    if (line.find(other) != std::string_view::npos) return false;
  }
  for (const std::string_view words :
       {"去不了了", "来不了了", "去不成了", "参加不了了", "不能去了", "不能来了"}) {
    for (std::size_t at = line.find(words); at != std::string_view::npos; at = line.find(words, at + 1)) {
      // "我今天发烧了去不了了", "今晚的巡逻我去不了了，发烧": the words end the line or a clause of it;
      // "去不了医院了" goes nowhere else.
      const std::string_view after = trim_spaces(line.substr(at + words.size()));
      const bool ends_a_clause = after.empty() || after[0] == ',' || after[0] == '.' || after[0] == '!' ||
                                 after.starts_with("。") || after.starts_with("，");
      if (ends_a_clause && the_speaker_cannot(line.substr(0, at))) return true;
    }
  }
  // "我妈不让我去了", "家里不让去了": someone else's word, the speaker's place (the same run).
  for (const std::string_view words : {"不让我去了", "不让去了", "不让我来了", "不让我参加了"}) {
    if (line.ends_with(words)) return true;
  }
  return false;
}

// "元旦回老家了", "周五有事", "过年回老家", "单位元旦值班": one's own reason said without 我, a day or a
// holiday before it or not (an exploratory run of the turn of the year, stop 66: "元旦回老家了 请假 1"
// was silence, and the volunteer was made 失约 on 元旦).
bool tells_own_reason(std::string_view clause) {
  if (const std::size_t day = leading_day(clause)) {
    clause.remove_prefix(day);
  } else {
    for (const std::string_view holiday : {"过年", "放假", "假期", "节假日", "到时候"}) {
      if (clause.starts_with(holiday)) {
        clause.remove_prefix(holiday.size());
        break;
      }
    }
  }
  for (const std::string_view reason :
       {"回老家", "回家", "有事", "有点事", "加班",   "值班",   "出差", "出远门", "走亲戚", "看病", "生病",
        "病了",   "感冒", "发烧", "不在家", "在外地", "去外地", "旅游", "出去玩", "单位",   "公司"}) {
    if (clause.starts_with(reason)) return true;
  }
  return false;
}

// "扫完了", "干完活了", "太冷了 先撤了", "我先回了": the work done, or the speaker leaving it, told
// before a check-out (an exploratory run of winter, stop 67: "扫完了 签退" was silence).
bool tells_work_done_or_leaving(std::string_view clause) {
  if (clause.empty() || clause.size() > 10 * 3) return false;
  // The speaker's own: the clause begins with the work or the leaving, after 我 if at all. "老王走了",
  // "王姐扫完了", "饭做好了", "孩子作业写完了" are someone else's, or something else (two reviews of stop
  // 67 found the speaker checked out).
  if (clause.starts_with("我们")) clause.remove_prefix(std::string_view("我们").size());
  if (clause.starts_with("我")) clause.remove_prefix(std::string_view("我").size());
  for (const std::string_view start :
       {"扫完", "干完", "弄完", "搞完", "忙完", "打扫完", "清理完", "铲完", "巡逻完", "收工", "完事",
        "结束了", "太冷", "冻死", "累了", "先走", "先撤", "先回", "走了"}) {
    if (clause.starts_with(start)) return true;
  }
  return false;
}

namespace {

// What voice input wraps a sign-up in, read past: fillers, the leader addressed ("钱楼栋长 我报名",
// "钱楼栋长你好"), who the speaker is ("我是三号楼二单元五零二的张三"), the day repeated ("明天的"), a
// sign-up said twice ("我也去吧算我一个"). An exploratory run of how people type (stop 68) found only 1
// of 5 neighbours who answered a voice whistle in their own words on its list.
// `addressed_or_introduced` tells whether the leader was addressed, the speaker said who they are or a
// sign-up was said twice: with nothing else left, only then is it a sign-up for the one open task ("那我去",
// "明天我去" answer a neighbour's errand as often: the final read of stop 68).
std::string_view without_voice_wrapping(std::string_view words, bool& addressed_or_introduced) {
  static constexpr std::string_view kLeaderTitles[] = {"楼栋长", "单元长", "网格长", "书记", "主任", "楼长"};
  static constexpr std::string_view kSignUpsAgain[] = {"我也去吧", "我也去", "我也来"};
  static constexpr std::string_view kFillers[] = {"嗯嗯", "嗯",   "那个", "就是", "那", "我要",
                                                  "我想", "你好", "您好", "我去", "的", "吧"};
  constexpr std::size_t kCharacter = 3;
  constexpr std::size_t kLongestName = 4 * kCharacter;
  for (bool moved = true; moved && !words.empty();) {
    moved = false;
    words = trim_spaces(words);
    for (const std::string_view again : kSignUpsAgain) {
      if (words.starts_with(again)) {
        words.remove_prefix(again.size());
        addressed_or_introduced = moved = true;
        break;
      }
    }
    if (moved) continue;
    for (const std::string_view filler : kFillers) {
      if (words.starts_with(filler)) {
        words.remove_prefix(filler.size());
        moved = true;
        break;
      }
    }
    if (moved) continue;
    // "钱楼栋长", "王书记": a surname or a short name before a leader's title.
    for (const std::string_view title : kLeaderTitles) {
      const std::size_t at = words.find(title);
      if (at != std::string_view::npos && at <= 2 * kCharacter) {
        words.remove_prefix(at + title.size());
        addressed_or_introduced = moved = true;
        break;
      }
    }
    if (moved) continue;
    // "我是502的张三", "我是三号楼二单元五零二的张三": who is speaking, a name after the last 的.
    if (words.starts_with("我是")) {
      const std::size_t of = words.find("的");
      if (of == std::string_view::npos) return words;
      const std::string_view after = words.substr(of + std::string_view("的").size());
      std::size_t name = 0;
      while (name < after.size() && name < kLongestName && static_cast<unsigned char>(after[name]) >= 0x80)
        name += kCharacter;
      words = after.substr(std::min(name, after.size()));
      addressed_or_introduced = moved = true;
      continue;
    }
    const std::size_t day = leading_day(words);
    if (day > 0) {
      words.remove_prefix(day);
      moved = true;
    }
  }
  return trim_spaces(words);
}

}  // namespace

std::optional<std::string_view> task_words_of_sign_up(std::string_view text) {
  std::string_view words = without_end_punctuation(trim_spaces(text));
  bool signs_up = false;
  for (const std::string_view wrapper : {"我要", "我想", "嗯", "那个"}) {
    if (words.starts_with(wrapper)) words = trim_spaces(words.substr(wrapper.size()));
  }
  for (const std::string_view start : {"我报名参加", "我报名", "报名参加", "报名", "我参加", "参加"}) {
    if (words.starts_with(start)) {
      words.remove_prefix(start.size());
      signs_up = true;
      break;
    }
  }
  if (!signs_up) {
    for (const std::string_view end : {"算我一个", "加我一个", "报名参加", "我也报名", "我也参加", "我也去",
                                       "我也来", "我报名", "报名", "我参加", "我去", "我来", "+1"}) {
      if (words.ends_with(end)) {
        words.remove_suffix(end.size());
        signs_up = true;
        break;
      }
    }
  }
  if (!signs_up) return std::nullopt;
  // A sign-up word alone ("我去", "报名") is read as it always was, not here.
  if (trim_spaces(words).empty()) return std::nullopt;
  // "我是外地的不能报名", "我是真的不想报名", "钱楼栋长 我报名了吗": refused or asked, whatever wraps it (a
  // review of stop 68 found the speaker read past as "who is speaking" and signed up).
  for (const std::string_view talk : {"不", "没", "别", "吗", "呢", "?"}) {
    if (words.find(talk) != std::string_view::npos) return std::nullopt;
  }
  bool addressed_or_introduced = false;
  words = without_voice_wrapping(words, addressed_or_introduced);
  // "钱楼栋长 我报名", "明天的活动我参加": nothing of a title left, the chat's one open task.
  if (words == "活动" || words == "这个活动" || words == "这次活动" ||
      (words.empty() && addressed_or_introduced))
    return std::string_view();
  if (words.empty()) return std::nullopt;
  // "明早扫雪我去": the day only repeats the task's.
  words.remove_prefix(leading_day(words));
  for (const std::string_view part : {"早上", "上午", "下午", "晚上", "一早"}) {
    if (words.starts_with(part)) words.remove_prefix(part.size());
  }
  words = trim_spaces(words);
  // Two to eight characters of a title: not "报名表", "报名的人多吗", "报名截止了", "我也去".
  constexpr std::size_t kCharacter = 3;
  if (words.size() < 2 * kCharacter || words.size() > 8 * kCharacter ||
      words.find_first_of("0123456789?,. ") != std::string_view::npos)
    return std::nullopt;
  for (const std::string_view talk : {"吗", "呢", "不", "没", "了", "的", "也", "我", "你", "谁"}) {
    if (words.find(talk) != std::string_view::npos) return std::nullopt;
  }
  // A place is where, not what: "门口我去" of a task titled "扫雪 门口" (a review of stop 67).
  if (names_a_spot(words)) return std::nullopt;
  return words;
}

bool names_an_honour(std::string_view reason) {
  for (const std::string_view honour : {"优秀志愿者", "评优", "评先", "评选", "表彰", "先进个人", "先进集体",
                                        "志愿之星", "年度之星", "最美", "荣誉称号"}) {
    if (reason.find(honour) != std::string_view::npos) return true;
  }
  return false;
}

bool speaks_of_oneself(std::string_view before) {
  const auto own = [](std::string_view clause) {
    clause = trim_spaces(clause);
    for (const std::string_view start :
         {"我", "不好意思", "抱歉", "对不起", "实在", "临时", "突然", "家里", "有事"}) {
      if (clause.starts_with(start)) return true;
    }
    // "下午我也来", "那我顶上", "那就我去": 我 within a clause's first three characters (an
    // exploratory run of a snow day, 2026-12-07: silence, and the volunteer believed it done).
    const std::size_t me = clause.find("我");
    if (me != std::string_view::npos && me <= 2 * 3 && !clause.substr(me).starts_with("我们")) return true;
    return tells_own_reason(clause);
  };
  before = trim_spaces(before);
  if (own(before)) return true;
  const std::size_t last = before.find_last_of(",. !");
  return last != std::string_view::npos && own(before.substr(last + 1));
}

}  // namespace whistle::language
