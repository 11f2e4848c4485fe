#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "handlers/language/command.hpp"

namespace whistle::language {

/// How the words after a command keyword are read (see argument_readers.cpp for each reader; a
/// whistle's and an edit's in task_line_readers.cpp).
enum class Arguments {
  none,        ///< nothing but filler may follow: "商品", "帮助！"
  whole_line,  ///< the keyword is the whole line, filler aside: "1", "+1", "我来"
  task,        ///< an optional task reference, then a reason: "报到 12", "请假 12 家里有事"
  task_code,   ///< a task reference and a sign-in code: "签到 12 4831"
  task_people,  ///< a task reference, @-mentions, a reason: "确认 12 @张三", "不予确认 12 @王五 早退"
  people,       ///< optional @-mentions: "积分 @张三"
  month,        ///< an optional month: "排行 上月", "统计 10月"
  adjustment,   ///< @-mentions, an amount and a reason: "加分 @张三 5 帮助孤寡老人"
  item,         ///< a catalog item and a quantity: "兑换 大米 1"
  stock,        ///< an item, a price and a number of pieces: "上架 毛巾 20分 50件", "补货 毛巾 30"
  code,         ///< a pickup code: "核销 K7Q2", "取消兑换 K7Q2"
  ticket_text,  ///< the text of a new ticket: "报事 楼道灯坏了"
  ticket,       ///< an optional ticket reference, then a reason: "接单 T5", "办结 T5 已更换灯泡"
  ticket_assignee,  ///< a ticket reference and who takes it: "派单 T5 @王五", "派单 T5 物业"
  rating,           ///< a ticket reference, a score and a reason: "评价 T5 2 还是不亮"
  place,            ///< a place or node name: "绑定 3号楼2单元"
  whistle,  ///< a task: title, place, head count, time, length, points: "吹哨 清理楼道 5人 …"
  edit,     ///< a task reference and what changes: "修改 12 时间 明天下午3点"
  /// a question about a task's places, time or meeting place, its reference before the keyword:
  /// "还有名额吗", "1号满了吗", "几点开始？"
  task_question,
};

/// One line of the command table: a keyword, what it means, and how to read the rest.
struct IntentRule {
  std::string_view keyword;  ///< what the line starts with (ASCII letters in any case)
  Intent intent;             ///< what the line asks for
  Arguments arguments;       ///< how the rest of the line is read
  /// One extra word whose meaning depends on `arguments`:
  /// ticket_text → the ticket kind ("report", "order", "wish"); adjustment → "-" for a deduction,
  /// "+inside"/"-inside" when the amount sits inside the command word ("加3分"); whole_line → "implicit" for
  /// a reply that counts only where it fits; rating → the score the keyword itself gives ("5" for 满意), or
  /// "scored" when the line counts only with a score 1–5 after the keyword ("打4星", never "打110"); task /
  /// task_people / ticket → "required" when a common word ("完成", "取消", "确认", "已处理") counts only with
  /// a reference or @-mention, or "remark" when a reason may follow without a reference ("办结 已更换灯泡"),
  /// or "on_behalf" when it is asked for the people named ("代报 @何大爷 1"),
  /// ticket → "after_ticket" when only a ticket before it makes it a command, "question" the same for a
  /// question answered only where it fits ("T3谁在处理");
  /// item → "implicit" (a bare 换), "asks" when the words count only as a question about a reward
  /// ("能兑换大米吗"), "asks implicit" both; month → "publish" for 公示; task_question → "asks" when the
  /// keyword is itself a question ("几点开始"), "required" when it asks only after a reference ("1号满了吗":
  /// a bare 满了吗 is about anything), or both ("1号谁报名了"), "particle" when a question mark alone does
  /// not ask ("我报到了呢？" tells); none → "question" for a question answered
  /// with a list ("有几个工单没处理"), never offered in a hint; "question implicit" for one said to the
  /// others as well ("今天有什么活动": in a group with nothing open, not about our tasks); any → "undo"
  /// for a step taken back ("签退错了", "撤销核销", "取消加分"), read as its arguments say and never
  /// offered in a hint.
  std::string_view extra = {};
};

/// Every command the bot knows, as data: adding a command word is adding a line.
std::span<const IntentRule> intent_rules();

/// The rules whose keyword starts with `text`'s first character, longest keyword first: the
/// candidates a caller checks with starts_with_at(), without building a list.
std::span<const IntentRule* const> rules_by_first_character(std::string_view text);

/// The rules whose keyword starts `text` (ASCII letters compared in any case), longest keyword
/// first, so "取消报到" is tried before "取消" and "签到码" before "签到".
std::vector<const IntentRule*> rules_starting(std::string_view text);

/// A line without the words people put before a command (请, 麻烦, 帮我, 我要 …, at most three, as
/// the parser reads past them): where a handler looks for the command word the line was read by.
std::string_view without_wrappers(std::string_view text);

/// The other words of the language, each list in one place beside the command table.
struct Vocabulary {
  /// Words people put before a command without changing it: "我要报名", "麻烦签到一下", "查一下积分".
  std::span<const std::string_view> wrappers;
  /// Words after a command word that change nothing: "签到一下 12".
  std::span<const std::string_view> softeners;
  /// Mentions that address everyone, never a person: "@所有人".
  std::span<const std::string_view> everyone;
  /// Words before an @-mention that make it the person a command acts on: "给@老赵 加3分".
  std::span<const std::string_view> person_markers;
  /// Words between a task reference and its command: "12号任务结束".
  std::span<const std::string_view> reference_nouns;
  /// Words after "12号" that make it a place or a thing, not a task: 12号楼, 3号床, 5号门.
  std::span<const std::string_view> numbered_things;
  /// Words after the people of "给@张三 @李四 各加5分" that give each the same.
  std::span<const std::string_view> each_words;
  /// Labels before a sign-in code: "签到 12 签到码4831", "签到 12 验证码 4831".
  std::span<const std::string_view> code_labels;
  /// Words joining a label to its new value in an edit: "时间改为明天", "人数改成5", "12号改到周日".
  std::span<const std::string_view> edit_joiners;
  /// Brackets people put around a command word: "【吹哨】清理楼道", "[报到] 12".
  std::span<const std::pair<std::string_view, std::string_view>> brackets;
  /// Words that begin with a command word but are no command: 吹哨人 (a whistleblower), 投诉电话,
  /// 兑换券, 签到表.
  std::span<const std::string_view> not_commands;
  /// Endings of a question or a statement to the others in the chat ("绑定银行卡了吗", "上架新品了"):
  /// a command that takes a name (bind, redeem, stock, dispatch) whose words end so is chatter.
  std::span<const std::string_view> question_endings;
  /// Words that send a whistle to every child group: "全网格", "下发".
  std::span<const std::string_view> broadcast_words;
  /// Words before a responder's name in a dispatch: "派单 T5 给物业".
  std::span<const std::string_view> assignee_prefixes;
  /// Endings that make a ticket glued to its verb a question or suggestion ("报修要钱吗", "点单外卖吧").
  std::span<const std::string_view> asking_endings;
  /// Words that make a command's free words a question wherever they stand ("兑换哪个划算").
  std::span<const std::string_view> question_words;
  /// Words of a 接龙 header that count goods, answers or money, not volunteers ("团购", "统计").
  std::span<const std::string_view> not_sign_up_lists;
  /// Topics of residents' own lists (体检, 疫苗, 合唱): no sign-up unless the header names a task
  /// or its volunteers (volunteer_list_words).
  std::span<const std::string_view> residents_own_lists;
  std::span<const std::string_view> volunteer_list_words;
  /// Words right after a command word that tell of something done rather than ask for it:
  /// "结束了", "我投诉过", "公示了" are chatter.
  std::span<const std::string_view> done_markers;
  /// Words right after a command word that make it the subject of a sentence or part of a noun:
  /// "报修的师傅来了", "派单太慢了", "办结率多少", "吹哨时间".
  std::span<const std::string_view> about_markers;
  /// The commands a person says in that form about what they do now: "报到了", "签到了", "不去了".
  std::span<const Intent> said_when_done;
};

const Vocabulary& vocabulary();

/// The word lists a parse looks up at every try, each indexed by first character.
enum class IndexedWords { wrappers, not_commands, about_markers };

/// The words of `list` that `text` starts with, longest first.
std::vector<std::string_view> words_starting(IndexedWords list, std::string_view text);

/// Whether `text` starts with a word of `list` (words_starting() without the list).
bool starts_with_any(IndexedWords list, std::string_view text);

/// A satisfaction word and the score it gives, longest first so 不满意 is not read as 满意.
struct ScoreWord {
  std::string_view word;
  int score;
};
std::span<const ScoreWord> score_words();

/// A label of the pasted form ("事项：…", "人数：6人") and the slot its value fills.
enum class FormSlot { title, place, count, time, minutes, points, ignored };
struct FormLabel {
  std::string_view label;
  FormSlot slot;
  /// Only a label in the pasted form, with a colon: in "修改 12 活动改到明天" 活动 is the task.
  bool pasted_only = false;
};
/// The labels, longest first.
std::span<const FormLabel> form_labels();

}  // namespace whistle::language
