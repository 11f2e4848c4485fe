#include "handlers/language/argument_readers.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "handlers/language/argument_words.hpp"
#include "handlers/language/calendar.hpp"
#include "handlers/language/chinese_numbers.hpp"
#include "handlers/language/danger_words.hpp"
#include "handlers/language/mentions.hpp"
#include "handlers/language/month_expressions.hpp"
#include "handlers/language/places.hpp"
#include "handlers/language/quantities.hpp"
#include "handlers/language/references.hpp"
#include "handlers/language/shift_words.hpp"
#include "handlers/language/task_line_readers.hpp"
#include "handlers/language/task_questions.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/language/ticket_readers.hpp"
#include "handlers/language/time_expressions.hpp"
#include "handlers/language/typed_names.hpp"
#include "handlers/language/utf8.hpp"

namespace whistle::language {

namespace {

// "1", "+1", "我来", "满意": the keyword was the whole line.
// Said after "+1" or "算我一个" by someone on their way, or a second word for the same report-in:
// "+1 在路上", "算我一个，马上到", "我也来，报到" (an exploratory run of an urgent night, 2026-12-06:
// each was silence, and the person believed they were signed up).
bool says_on_the_way(std::string_view rest) {
  const std::string_view said = without_end_punctuation(trim_spaces(rest.substr(skip_separators(rest, 0))));
  // "算我一个 带铁锹", "+1 我带扫把", "我来 自带工具": a tool one brings (an exploratory run of winter,
  // stop 67: each was silence, while "报名 带铁锹" signed up). Not "+1 带娃真累", "我来 带你去" (a
  // review of the same stop: each signed up).
  for (const std::string_view bring : {"带", "我带", "我会带", "自带", "我自带", "我可以带"}) {
    if (said.starts_with(bring) && said.size() <= bring.size() + 8 * 3 &&
        holds_any_of(
            said, std::to_array<std::string_view>({"铁锹", "铁锨",   "扫把", "笤帚", "扫帚", "工具", "手套",
                                                   "铲",   "垃圾袋", "夹子", "梯子", "推车", "抹布", "水桶",
                                                   "钳子", "绳子",   "手电", "电筒", "喇叭", "袖标"})) &&
        !holds_any_of(said, std::to_array<std::string_view>({"?", "吗", "你", "孩子", "娃", "累", "玩"})))
      return true;
  }
  for (const std::string_view words :
       {"在路上", "在路上了", "马上到", "马上来", "马上过去", "马上就到", "这就来", "这就过去", "这就去",
        "准时到", "一定到", "报到", "报名", "我报名", "我也去", "一起去", "我去"}) {
    if (said == words) return true;
  }
  return false;
}

bool read_whole_line(const ArgumentInput& input, Command& command) {
  // Stricter than other commands: "我来吧" and "算我一个！" count, "我来了" may just mean "I have
  // arrived".
  // "我和老伴一起去？" asks.
  if (input.rest.find('?') != std::string_view::npos) return false;
  if (says_on_the_way(input.rest)) {
    if (input.rule.extra == "implicit") command.implicit = true;
    return true;
  }
  if (!is_filler(input.rest) || input.rest.find("了") != std::string_view::npos) return false;
  if (input.rule.extra == "implicit") command.implicit = true;
  return true;
}

bool names_a_task(std::string_view reference);

// "报到：新入住3号楼502住户，请多关照": a new resident reporting to the community, not to a task. A
// newcomer who offers to help ("报到，第一次参加，请多多关照", "报名，新搬来的，想出份力") is a sign-up.
bool introduces_oneself(std::string_view remark) {
  const auto holds = [remark](std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(), [remark](std::string_view word) {
      return remark.find(word) != std::string_view::npos;
    });
  };
  // 租户, 租客, 新邻居 say the same ("报到 新租户 请多关照": an exploratory run of renters, stop 70, found it
  // signing the tenant up for the unit's task).
  return holds({"入住", "住户", "新租户", "新租客", "的租户", "的租客", "新邻居", "新搬来", "新来的",
                "刚搬来"}) &&
         !holds({"参加", "出份力", "出力", "帮忙", "志愿", "服务", "活动", "能去", "能来", "有空", "我去",
                 "可以去", "我来", "参与", "也去", "也来"});
}

// "了吗", "了没有", "没", "了？", "满了吗", "啦？": whether it happened, asked — right after the
// command's word, whatever follows ("取消了吗？我怎么没收到通知", "结束了吗？还有人在干活"). Not
// a reason that holds 了没 or 了不 ("请假 1 孩子病了没人带", "去不了了不好意思"): a command.
bool asks_whether_it_happened(std::string_view remark) {
  const std::string_view text = trim_spaces(skip_softeners(remark));
  const std::size_t stop = text.find_first_of("?,.!~");
  const bool question_mark = stop != std::string_view::npos && text[stop] == '?';
  const std::string_view clause = trim_spaces(text.substr(0, stop));
  for (const std::string_view asked : {"了吗", "了么", "了嘛", "满了吗", "满了么", "满了没"}) {
    if (clause.starts_with(asked)) return true;
  }
  for (const std::string_view asked : {"没", "没有", "了没", "了没有", "了不", "满了没有"}) {
    if (clause == asked) return true;
  }
  return question_mark && (clause == "了" || clause == "啦" || clause == "满了");
}

bool read_task(const ArgumentInput& input, Command& command) {
  std::string text(skip_softeners(input.rest));
  const bool people = input.rule.arguments == Arguments::task_people;
  if (people) add_mentions(command, text, input.context);
  std::size_t at = skip_separators(text, 0);
  // After a leading "#12" the words are the code and the remark ("#12 签到 4831").
  auto reference = input.anchored ? std::nullopt : read_task_reference(text, at);
  // "去不了了 请假 2", "不去了，取消报名 2": the reason first, then the withdrawal with its number
  // (an exploratory run of an urgent night, 2026-12-06: the 2 was read as the reason).
  if (!reference && !input.anchored && command.intent == Intent::withdraw) {
    for (const std::string_view word : {"取消报名", "取消报到", "请假", "取消"}) {
      if (!starts_with_at(text, at, word)) continue;
      reference = read_task_reference(text, skip_separators(text, at + word.size()));
      break;
    }
  }
  if (reference) {
    // "请假 1 天", "取消 1 点那场", "取消 1 张": the number counts days, tells the time or counts
    // tickets, and is no task (a review, 2026-12-07: each withdrew from task 1).
    // Only for a volunteer's own place: "撤销 2 天 下雨" still calls task 2 off (a review, 2026-12-07).
    const bool own_place = command.intent == Intent::withdraw || command.intent == Intent::report_in ||
                           command.intent == Intent::check_in || command.intent == Intent::check_out;
    if (own_place && number_counts_something(std::string_view(text).substr(reference->end))) return false;
    command.task = reference->number;
    at = reference->end;
  } else if (const auto ticket = input.anchored || input.rule.extra == "named"
                                     ? std::nullopt
                                     : read_ticket_reference(text, at, false)) {
    // "撤销 T5": T5 is a ticket everywhere, so the handler says so rather than taking the chat's
    // only open task for it. ("取消 T3" is the withdrawal's: 取消 calls a task off only when named.)
    // "完成 T1" is plainly the holder's 办结.
    command.ticket = ticket->number;
    if (command.intent == Intent::finish && input.rule.keyword == "完成") command.intent = Intent::resolve;
    set_reason(command, std::string_view(text).substr(ticket->end));
    return true;
  }
  if (input.rule.extra == "named" && !(reference && names_a_task(std::string_view(text).substr(0, at))))
    return false;
  if ((reference || input.anchored) && input.rule.arguments == Arguments::task_code) {
    const std::size_t code_start = skip_separators(text, at);
    std::size_t code_at = code_start;
    for (const std::string_view label : vocabulary().code_labels) {
      if (starts_with_at(text, code_at, label)) {
        code_at = skip_separators(text, code_at + label.size());
        break;
      }
    }
    if (const auto code = read_code(text, code_at)) {
      command.code = code->first;
      at = code->second;
    }
  }
  const std::string_view remark = std::string_view(text).substr(at);
  // Without a reference only filler may follow ("报到了！"); "报到中心" is no report-in. Common
  // words ("完成", "取消", "确认") need a reference or @-mention to be a command at all.
  const bool anchored = input.anchored || reference || !command.mentions.empty();
  // Words set apart from the command are a remark ("报到 张三", "请假 家里有事"); glued to it they
  // make another word ("报到中心").
  // Voice input writes none between them: after a reply that is whole ("我到了在楼下", "去不了了家里有事";
  // an exploratory run of how people type, stop 68) the words run on are its remark.
  const bool set_apart =
      (!input.rest.empty() && (input.rest[0] == ' ' || input.rest[0] == ',' || input.rest[0] == ':')) ||
      (input.rule.extra == "implicit" && input.rule.keyword.ends_with("了"));
  if (!anchored && (input.rule.extra == "required" || (!is_filler(remark) && !set_apart))) return false;
  // "恢复 1", "1号恢复": a cancel taken back, with nothing after it but 吧 — "1号恢复供水了", "恢复 1 个小时
  // 了" are news (a review, 2026-12-07: each restored task 1).
  if (input.rule.extra == "restore" &&
      (!anchored || !is_filler(without_words_at_end(trim_spaces(remark), {"吧"}))))
    return false;
  // Only after 报到, which a newcomer says to the community: "报名 我是新来的" signs up.
  if (!anchored && command.intent == Intent::report_in && !input.rule.keyword.starts_with("报名") &&
      introduces_oneself(remark))
    return false;
  // "我退出了", "退出了": told of a game, a meeting or a group left, not asked of a task.
  if (!anchored && input.rule.keyword == "退出" && trim_spaces(remark).starts_with("了")) return false;
  // "1号活动取消了吗", "2号任务结束了吗", "1号报到了吗": a question about a task, answered with its
  // state. Read as the command, a leader's question cancelled one task and finished another six
  // days early (an exploratory run, 2026-12-06).
  // "取消 1？", "结束 1？": a question mark alone after what would end a place or a task asks about
  // it (an exploratory run, 2026-12-06: "取消 1？" withdrew the asker).
  const std::string_view marks = trim_spaces(remark);
  // "撤销 2？？", "取消 1?!" too.
  // "撤销 1 吗？", "1号要撤销吗？", "2号要结束吗": a bare question particle asks too (a review,
  // 2026-12-06: each called the task off or ended it). "请假 1 可以吗" is still a request.
  const std::string_view particle = trim_spaces(without_words_at_end(marks, {"?", "!"}));
  const bool question_mark_only = (marks.find('?') != std::string_view::npos &&
                                   marks.find_first_not_of("?!") == std::string_view::npos) ||
                                  particle == "吗" || particle == "么" || particle == "嘛";
  const bool ends_something = command.intent == Intent::withdraw || command.intent == Intent::cancel ||
                              command.intent == Intent::finish || command.intent == Intent::confirm ||
                              command.intent == Intent::refuse;
  if ((reference || input.anchored) &&
      (asks_whether_it_happened(remark) || (question_mark_only && ends_something))) {
    command.intent = Intent::tasks;
    command.code.reset();
    command.mentions.clear();
    return true;
  }
  if (!anchored && input.rule.extra == "implicit") command.implicit = true;
  if (input.rule.extra == "on_behalf") command.on_behalf = true;
  // "报到 1 @何大爷": the people named after a report-in's number are whom it is for or told to (the
  // handler tells a leader's 代报 from a volunteer's own report-in addressed to the leader).
  // So are those after a check-in's or a check-out's ("签到 1 @刘阿姨"): the handler refuses one for
  // someone else (an exploratory run of scams, stop 70: it checked the sender in, unsaid).
  const bool own_attendance = command.intent == Intent::report_in || command.intent == Intent::check_in ||
                              command.intent == Intent::check_out;
  if (own_attendance && reference && command.mentions.empty() && remark.find('@') != std::string_view::npos) {
    std::string after(remark);
    std::vector<std::string> named = take_mentions(after, input.context.bot_names);
    if (!named.empty() && is_filler(after)) {
      command.mentions = std::move(named);
      return true;
    }
  }
  // "报到 1 帮我家孩子报", "报到 1 我儿子": the sign-up is asked for the child, whose place is their own
  // (an exploratory run of the winter holiday, stop 69: the parent held it, and was made 失约).
  if (command.intent == Intent::report_in && command.mentions.empty()) {
    if (std::optional<std::string> member = family_member_signed_up(remark)) {
      command.mentions = {std::move(*member)};
      command.on_behalf = true;
      return true;
    }
  }
  set_reason(command, remark);
  return true;
}

// "12号任务", "#12活动": a reference that says it is a task.
bool names_a_task(std::string_view reference) {
  for (const std::string_view noun : vocabulary().reference_nouns) {
    if (reference.ends_with(noun)) return true;
  }
  return false;
}

// "积分", "积分 @张三"
bool read_people(const ArgumentInput& input, Command& command) {
  std::string text(skip_softeners(input.rest));
  add_mentions(command, text, input.context);
  // "积分 @张三 今年": someone's year (a review of stop 66: 没看懂).
  if (input.rule.intent == Intent::points) {
    if (const auto year = take_year(text, time_context(input.context))) command.year = year;
  }
  return is_filler(text);
}

// "排行 上月", "统计 10月"; as leaders say them: "统计下上个月", "统计一下10月的", "公示上月积分".
bool read_month(const ArgumentInput& input, Command& command) {
  std::string_view rest = skip_softeners(input.rest);
  if (rest.starts_with("下")) rest.remove_prefix(std::string_view("下").size());
  std::string text(rest);
  if (const auto month = take_month(text, time_context(input.context))) {
    command.month = YearMonth{month->year, month->month};
  } else if (const auto year = take_year(text, time_context(input.context))) {
    // "排行 今年", "统计 2026年", "年度排名" (an exploratory run of the turn of the year, stop 66: silence
    // or 没看懂, and a 书记 doing 年终评优 asked twelve months one by one).
    command.year = year;
  }
  // "各楼栋报名情况" (per_level 2), "哪些楼还没人报名" (missing 2): the level the sign-ups are counted by.
  for (const std::string_view kind : {std::string_view("per_level "), std::string_view("missing ")}) {
    if (!input.rule.extra.starts_with(kind)) continue;
    command.signups_per_level = input.rule.extra.back() - '0';
    command.signups_missing_only = kind == "missing ";
  }
  // The rule's own word names the year ("年度排名", "全年统计", "年终总结").
  if (!command.month && !command.year && input.rule.extra == "year") {
    std::string word(input.rule.keyword);
    command.year = take_year(word, time_context(input.context));
  }
  command.publish = input.rule.extra == "publish";
  // "统计 第一网格", "排行 3号楼": a level asked about by name (an exploratory run of a campaign,
  // 2026-12-06: silence). Not for 公示, which posts where it is said.
  if (!command.publish) {
    if (auto place = take_place(text, input.context.place_names)) command.place = std::move(place);
  }
  // What is counted, named after the month: "…的", "…积分", "…排名" say nothing more.
  return is_filler(without_words_at_end(trim_spaces(text), {"的", "积分", "排名", "排行", "情况", "数据"}));
}

// Where a room number written as a word at `pos` ends ("3-201", "2-1-302"), or `pos`.
std::size_t room_number_end(std::string_view text, std::size_t pos) {
  std::size_t at = pos;
  int parts = 0;
  while (true) {
    const std::size_t digits = at;
    while (at < text.size() && is_ascii_digit(static_cast<unsigned char>(text[at])))
      ++at;
    if (at == digits) return pos;
    ++parts;
    if (at < text.size() && text[at] == '-') {
      ++at;
      continue;
    }
    break;
  }
  const bool stands_apart = at == text.size() || text[at] == ' ' || text[at] == ',';
  // A room ends in its number ("3-201", "2-1-302"); "3-5" and "5-10" are ranges of an amount.
  std::size_t last_digits = 0;
  for (std::size_t i = at; i > pos && is_ascii_digit(static_cast<unsigned char>(text[i - 1])); --i)
    ++last_digits;
  return parts >= 2 && stands_apart && (last_digits >= 3 || parts >= 3) ? at : pos;
}

// "加分 @张三 5 帮助孤寡老人", "扣分 @李四 3 失约"
bool read_adjustment(const ArgumentInput& input, Command& command) {
  std::string text(input.rest);
  const bool deduct = input.rule.extra.starts_with("-");
  if (input.rule.extra.ends_with("inside")) {
    // "加3分 @张三", "给@老赵 加3分": the amount and 分 must follow the word at once.
    const std::size_t start = skip_spaces(text, 0);
    const auto number = read_number(text, start);
    if (!number || number->overflow || number->value < 1 || number->value > 9999) return false;
    std::size_t end = skip_spaces(text, start + number->length);
    if (starts_with_at(text, end, "积分")) {
      end += 6;
    } else if (starts_with_at(text, end, "分")) {
      end += 3;
    } else {
      return false;
    }
    // "@张三 加5分了吗？", "@刘阿姨 扣3分？不至于吧": asked or remarked on, not ordered (a review,
    // 2026-12-07: both versions paid).
    const std::string_view after = std::string_view(text).substr(end);
    if (holds_another_amount(after)) {
      command.several_amounts = true;
    } else if (remarks_right_after_points(after)) {
      return false;
    }
    command.points = static_cast<int>(deduct ? -number->value : number->value);
    text.erase(0, end);
    add_mentions(command, text, input.context);
    // "@张三 加5分 帮忙": the mention before the command is an addressee, so nobody is named here;
    // the amount makes it a command all the same, and the handler asks whom (never silence).
    set_reason(command, text);
    return true;
  }
  add_mentions(command, text, input.context);
  // Points go to someone: "加分！" alone is a cheer. With an amount set apart it is a command
  // to someone not @-mentioned ("加分 张三 5", "加分 @所有人 5"), and the handler asks whom.
  if (command.mentions.empty()) {
    const bool set_apart = !text.empty() && (text[0] == ' ' || text[0] == ',' || text[0] == ':');
    return set_apart && std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  }
  // "加分 @张三 -5": a sign against the command word's makes no amount at all (read as 5 it would
  // do the opposite of what was written); the handler asks for one. "扣分 @李四 -3" agrees.
  std::size_t first = skip_separators(text, 0);
  // "加分 @张三 3-201 5 帮忙": a room number right after the name is the rest of the nickname (a
  // group name with a space in it), never the amount.
  if (const std::size_t room_end = room_number_end(text, first); room_end != first) {
    text.erase(0, room_end);
    first = skip_separators(text, 0);
  }
  const bool contrary_sign = first + 1 < text.size() && text[first] == (deduct ? '+' : '-') &&
                             text[first + 1] >= '0' && text[first + 1] <= '9';
  const auto amount = take_amount(text);
  if (amount && !contrary_sign) command.points = deduct ? -*amount : *amount;
  set_reason(command, text);
  return true;
}

// Thanks and please said after an order ("兑换洗衣液两瓶，谢谢"): the quantity before them is the order's.
std::string without_courtesy_at_end(std::string text) {
  constexpr std::string_view kCourtesy[] = {"谢谢了", "谢谢", "谢了", "麻烦了", "麻烦你了", "辛苦了"};
  for (bool cut = true; cut;) {
    cut = false;
    const std::string_view trimmed = without_end_punctuation(text);
    for (const std::string_view word : kCourtesy) {
      if (trimmed.ends_with(word)) {
        text.resize(trimmed.size() - word.size());
        cut = true;
        break;
      }
    }
    while (!text.empty() && (text.back() == ',' || text.back() == ' '))
      text.pop_back();
  }
  return text;
}

// "兑换 大米 1", "兑换大米"
bool read_item(const ArgumentInput& input, Command& command) {
  if (input.rule.extra.starts_with("asks")) return false;
  std::string text = without_courtesy_at_end(std::string(skip_softeners(input.rest)));
  command.count = take_quantity(text);
  if (auto item = free_text(text)) command.item = std::move(item);
  // "我想换班", "能换个班吗": a shift swapped, no goods (the handler of unknown lines says how).
  if (command.item && names_a_shift(*command.item)) return false;
  // A bare 换 must name something; whether the catalog has it is the handler's to say.
  if (input.rule.extra == "implicit") {
    command.implicit = true;
    return command.item.has_value();
  }
  return true;
}

// "上架 毛巾 20分 50件", "补货 毛巾 30": the price is points, the rest a number of pieces.
bool read_stock(const ArgumentInput& input, Command& command) {
  std::string text(input.rest);
  command.points = take_points(text);
  command.count = take_quantity(text);
  if (auto item = free_text(text)) command.item = std::move(item);
  return true;
}

// "核销 K7Q2": codes are shown in capitals, people type them in either case.
bool read_pickup_code(const ArgumentInput& input, Command& command) {
  const std::string_view rest = skip_softeners(input.rest);
  std::size_t at = skip_separators(rest, 0);
  // "核销 取货码RMH7": staff read the code out with its label from the volunteer's phone.
  for (const std::string_view label : {std::string_view("取货码"), std::string_view("核销码")}) {
    if (starts_with_at(rest, at, label)) {
      at = skip_separators(rest, at + label.size());
      break;
    }
  }
  const auto code = read_code(rest, at);
  // "取货码" alone is the catalog's, "核销码" and "已核销" alone are talk; after them only a code as
  // the bot makes them (letters and digits both: "取货码 1234" is not one) is a pickup.
  if (!code) return input.rule.extra != "required" && is_filler(rest);
  const auto has = [&code](auto test) { return std::any_of(code->first.begin(), code->first.end(), test); };
  const bool letters_and_digits = has([](char c) { return is_ascii_digit(static_cast<unsigned char>(c)); }) &&
                                  has([](char c) { return is_ascii_alpha(static_cast<unsigned char>(c)); });
  if (input.rule.extra == "required" && !letters_and_digits) return false;
  set_reason(command, rest.substr(code->second));
  std::string upper = code->first;
  for (char& c : upper)
    c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  command.code = std::move(upper);
  return true;
}

// "绑定 3号楼2单元", "绑定 第一网格", "绑定 b3u2": a place we recognise, else the words as written.
bool read_place(const ArgumentInput& input, Command& command) {
  if (const auto place = find_place(input.rest, input.context.place_names)) {
    command.place = place->name;
  } else if (std::string raw = clean_free_text(input.rest); !raw.empty()) {
    command.place = std::move(raw);
  }
  return true;
}

// "绑定银行卡了吗", "上架商品有哪些", "兑换哪个划算": free words that end in a question or a
// statement to the others, or ask one anywhere.
bool asks_the_others(std::string_view rest) {
  for (const std::string_view word : vocabulary().question_words) {
    if (rest.find(word) != std::string_view::npos) return true;
  }
  std::string_view text = trim_spaces(rest);
  while (!text.empty() &&
         (text.back() == '?' || text.back() == ' ' || text.back() == '!' || text.back() == '.'))
    text.remove_suffix(1);
  for (const std::string_view ending : vocabulary().question_endings) {
    if (text.size() >= ending.size() && text.substr(text.size() - ending.size()) == ending) return true;
  }
  return false;
}

// "派单 T1 物业 刷卡那个读卡器可能进水了": the leader's note on the fault after the ticket and its taker
// ends as news to the others does, and it is the worker's all the same (an exploratory run of 物业's
// side, stop 69: silence, and 物业 never told). Only a question asks ("派单 T1 谁去？", "派单 T1 物业吗").
bool notes_a_ticket_dispatched(const ArgumentInput& input) {
  if (input.rule.arguments != Arguments::ticket_assignee) return false;
  const std::string_view rest = input.rest;
  const std::size_t at = skip_separators(rest, 0);
  const auto reference = read_ticket_reference(rest, at, false);
  if (!reference) return false;
  // Who takes it, then the note: one word alone is who ("派单 T1 大家帮忙看看" stays talk to the others).
  const std::string_view after = trim_spaces(rest.substr(reference->end));
  if (after.find_first_of(" ,@") == std::string_view::npos) return false;
  const std::string_view text = without_end_punctuation(trim_spaces(rest));
  // "是不是灯泡坏了" asks; a danger in the note is a danger first ("派单 T1 物业 楼道着火了": a review of
  // stop 69 found it dispatched as a lamp repair, no leader told).
  if (rest.find('?') != std::string_view::npos || rest.find("是不是") != std::string_view::npos ||
      contains_danger_word(rest))
    return false;
  for (const std::string_view word : vocabulary().question_words) {
    if (rest.find(word) != std::string_view::npos) return false;
  }
  for (const std::string_view ending : vocabulary().asking_endings) {
    if (text.ends_with(ending)) return false;
  }
  return true;
}

bool takes_free_words(Arguments arguments) {
  return arguments == Arguments::item || arguments == Arguments::stock || arguments == Arguments::place ||
         arguments == Arguments::ticket_assignee;
}

}  // namespace

// "报到 12", "签到 12 4831", "确认 12 @张三 @李四", "请假 12 家里有事".
// Whether the words after a bare number make it a count or a time: a unit standing as a word of its
// own ("天", "点那场", "张"), not the start of another ("天气原因", "张三的报名").
bool number_counts_something(std::string_view after) {
  after = trim_spaces(after);
  // "报到 1 楼物业": a building's number, whatever follows.
  for (const std::string_view building : {"楼", "层", "栋", "单元"}) {
    if (after.starts_with(building)) return true;
  }
  // "取消 1 份大米", "取消 2 箱水", "取消 1 桶油": a quantity whatever follows (reviews, 2026-12-07: the
  // task of that number was left).
  for (const std::string_view quantity : {"份", "斤", "箱", "桶", "瓶", "袋", "盒"}) {
    if (after.starts_with(quantity)) return true;
  }
  for (const std::string_view unit : {"天", "点", "张", "块", "元", "小时", "次", "周", "个月", "分钟"}) {
    if (!after.starts_with(unit)) continue;
    const std::string_view next = after.substr(unit.size());
    if (next.empty() || static_cast<unsigned char>(next[0]) < 0x80) return true;
    for (const std::string_view follows :
         {"那", "的", "后", "前", "开", "半", "多", "以", "左", "假", "票", "钟"}) {
      if (next.starts_with(follows)) return true;
    }
  }
  return false;
}

// "兑换大米？", "兑换大米要多少积分", "换洗衣液吗": a reward asked about, not ordered. A question
// mark alone spent 50 points (an exploratory run, 2026-12-06).
bool asks_about_a_reward(std::string_view rest) {
  for (const std::string_view word : vocabulary().question_words) {
    if (rest.find(word) != std::string_view::npos) return true;
  }
  const std::string_view text = trim_spaces(rest);
  // "兑换在哪里", "兑换去哪": where, asked ("兑换大米5斤的在哪领" names the reward first: a remark).
  if (text.starts_with("在哪") || text.starts_with("去哪") || text.starts_with("哪")) return true;
  if (text.ends_with('?')) return true;
  const std::string_view words = without_words_at_end(text, {" ", "!", ".", "~"});
  for (const std::string_view ending : {"吗", "么", "嘛", "呢"}) {
    if (words.ends_with(ending)) return true;
  }
  return false;
}

// The reward's name before the question ("大米" of "大米要多少积分"), for the catalog's answer about
// it alone; the whole catalog when the question names none ("兑换哪个划算").
bool read_reward_question(const ArgumentInput& input, Command& command) {
  std::string_view text = input.rest;
  for (const std::string_view word : vocabulary().question_words)
    text = text.substr(0, std::min(text.size(), text.find(word)));
  for (const std::string_view where : {"在哪", "去哪", "哪"})
    text = text.substr(0, std::min(text.size(), text.find(where)));
  text = without_words_at_end(trim_spaces(text), {"?", "!", ".", ",", " ", "吗", "么", "嘛", "呢", "啊", "呀",
                                                  "要", "需要", "得", "可以", "行", "能"});
  std::string words = without_courtesy_at_end(std::string(skip_softeners(text)));
  take_quantity(words);
  command.intent = Intent::catalog;
  command.item = free_text(words);
  // "能换个班吗": a shift swapped, no goods asked after.
  if (command.item && names_a_shift(*command.item)) return false;
  // "兑换商品？", "兑换东西？", "兑换啥？": what there is, asked.
  if (command.item && (*command.item == "商品" || *command.item == "礼品" || *command.item == "奖品" ||
                       *command.item == "东西" || *command.item == "积分" || *command.item == "啥"))
    command.item.reset();
  command.implicit = input.rule.extra.ends_with("implicit");
  return true;
}

bool read_arguments(const ArgumentInput& input, Command& command) {
  if (input.rule.intent == Intent::redeem && asks_about_a_reward(input.rest))
    return read_reward_question(input, command);
  if (takes_free_words(input.rule.arguments) && asks_the_others(input.rest) &&
      !notes_a_ticket_dispatched(input))
    return false;
  switch (input.rule.arguments) {
    case Arguments::none:
      // "怎么扣了我5分", "为什么扣我分": why points went, said of points or of nothing more ("怎么扣了这么
      // 多钱" is a bank's).
      // Among neighbours ("怎么扣了6分啊 我就压了一下线", of a driving licence) it is theirs.
      if (input.rule.extra == "entries") {
        command.implicit = true;
        return is_filler(without_words_at_end(input.rest, {"吗", "呢", "?", "啊", " "})) ||
               input.rest.find("分") != std::string_view::npos;
      }
      // "微心愿列表": the list of one kind of ticket.
      if (input.rule.extra == "wishes") command.kind = TicketKind::wish;
      if (input.rule.extra.ends_with("implicit")) command.implicit = true;
      // "有什么活动吗", "积分能换什么东西", "取货码是多少来着": a list asked for, with nothing more said.
      // Only a list: "解绑吗？" to the others is a question, not an unbinding.
      if (input.rule.intent == Intent::tasks || input.rule.intent == Intent::catalog ||
          input.rule.intent == Intent::tickets) {
        if (is_filler(without_words_at_end(input.rest, {"吗", "呢", "?", "东西", "来着", " "}))) return true;
        return input.rule.intent == Intent::tasks && read_task_question_after_noun(input, command);
      }
      // "积分怎么算的？", "积分会清零吗", "心愿积分多少": how points work, however the question ends.
      if (input.rule.extra == "points_rules") {
        const std::string_view asked = without_words_at_start(
            input.rest,
            {"怎么算", "怎么来", "怎么得", "是多少", "有多少", "多少", "是多久", "多久",   "多长时间", "怎么",
             "咋算",   "咋",     "是什么", "什么",   "发一下", "发下", "说一下", "讲一下", "介绍一下", " "});
        return is_filler(without_words_at_end(asked, {"吗", "呢", "?", "的", "啊", "呀", "么", " "}));
      }
      // "我能当志愿者吗", "怎么成为志愿者呢？".
      if (input.rule.extra == "volunteering")
        return is_filler(without_words_at_end(input.rest, {"吗", "呢", "?", "啊", "呀", "么", " "}));
      return is_filler(input.rest);
    case Arguments::whole_line:
      return read_whole_line(input, command);
    case Arguments::task:
    case Arguments::task_code:
    case Arguments::task_people:
      return read_task(input, command);
    case Arguments::people:
      return read_people(input, command);
    case Arguments::month:
      return read_month(input, command);
    case Arguments::adjustment:
      return read_adjustment(input, command);
    case Arguments::item:
      return read_item(input, command);
    case Arguments::stock:
      return read_stock(input, command);
    case Arguments::code:
      return read_pickup_code(input, command);
    case Arguments::ticket_text:
      return read_ticket_text(input, command);
    case Arguments::ticket:
      return read_ticket(input, command);
    case Arguments::ticket_assignee:
      return read_ticket_assignee(input, command);
    case Arguments::rating:
      return read_rating(input, command);
    case Arguments::place:
      return read_place(input, command);
    case Arguments::whistle:
      return read_whistle(input, command);
    case Arguments::task_question:
      return read_task_question(input, command);
    case Arguments::edit:
      return read_edit(input, command);
  }
  return false;
}

}  // namespace whistle::language
