#include "handlers/own_report_lines.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <string>
#include <string_view>

#include "handlers/language/heating_words.hpp"
#include "handlers/language/normalize.hpp"
#include "handlers/language/own_report_phrases.hpp"
#include "handlers/language/private_numbers.hpp"
#include "handlers/language/resident_phrases.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/language/utf8.hpp"
#include "handlers/people_names.hpp"
#include "handlers/task_lists.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/ticket_category.hpp"
#include "handlers/ticket_flow.hpp"
#include "handlers/ticket_intake.hpp"
#include "handlers/ticket_work.hpp"
#include "handlers/ticket_work_common.hpp"

namespace whistle::handlers {

namespace {

// A word added by hand ("还有就是我家住302") comes slower than a photo sent after the words.
constexpr std::int64_t kWordsJoinWindow = 30 * 60;

// How a resident adds to the report they just made, at the start of the line.
constexpr std::array<std::string_view, 14> kAddingWords{
    "还有", "补充",   "另外",   "我刚才说错了", "说错了",     "刚才说错了", "我家住",
    "我住", "地址是", "打错了", "写错了",       "刚才打错了", "更正",       "我打错了"};

// How a reporter corrects what they just reported, in the group, to no one in particular: "补充一下，是
// 3楼不是2楼", "说错了，是3楼". Not 还有 or 另外, which start the neighbours' talk as often.
constexpr std::array<std::string_view, 11> kCorrectingWords{
    "补充",   "更正",   "我刚才说错了", "刚才说错了", "说错了",  "还有就是",
    "地址是", "打错了", "写错了",       "刚才打错了", "我打错了"};

// "不是3号楼 是5号楼", "不是502 是602": the most natural correction, a 不是 and what it is instead (an
// exploratory run of how people type, stop 68: 没看懂 with a hint of 排行, the ticket left at 3号楼).
// Of a place or a number only ("不是你 是刘阿姨", "不是要钱 是免费的" are talk), and said, not asked ("…的
// 电梯吧": a neighbour guessing at someone else's report). A review of stop 68 found both joined.
bool says_not_this_but_that(std::string_view text) {
  constexpr std::size_t kShortCorrection = 30;
  if (!text.starts_with("不是") || language::characters(text) > kShortCorrection) return false;
  const std::string_view plain = language::trim_spaces(text);
  if (plain.ends_with("吧") || plain.ends_with("吗") || plain.ends_with("?")) return false;
  const std::string_view rest = text.substr(std::string_view("不是").size());
  for (const std::string_view instead : {" 是", ",是", "，是", "而是", " 应该是", ",应该是"}) {
    const std::size_t at = rest.find(instead);
    if (at == std::string_view::npos) continue;
    const std::string_view that = rest.substr(at + instead.size());
    const bool names_a_place =
        that.find_first_of("0123456789") != std::string_view::npos ||
        language::holds_any_of(that, std::to_array<std::string_view>({"楼", "单元", "室", "层", "号", "门"}));
    return names_a_place;
  }
  return false;
}

// A correction of where, said in a group: "补充一下，是3楼不是2楼", "说错了，是402室". Not talk to
// someone (@张三, 大家), a task's notice (集合, 报到), nor a new trouble ("还有就是楼下的路灯也坏了"),
// which a review found joined to the reporter's last ticket (2026-12-06).
bool corrects_a_place(std::string_view text) {
  const auto holds = [text](std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(),
                       [text](std::string_view word) { return text.find(word) != std::string_view::npos; });
  };
  if (holds({"@", "大家", "各位", "邻居们", "报到", "活动", "集合", "签到", "群"})) return false;
  if (language::describes_trouble(text)) return false;
  return holds({"楼", "层", "室", "单元", "门", "住", "地址", "位置", "不是"}) ||
         text.find_first_of("0123456789") != std::string_view::npos;
}

// Words that point at a report made before, not at whoever should act ("你们", "师傅").
constexpr std::array<std::string_view, 6> kEarlierReport{"上次", "那个", "报的", "反映的", "说的", "工单"};

// The characters of a question that say nothing of what it is about: "我报的那个水管怎么样了" is about
// 水管, "灯修好了吗" about 灯.
constexpr std::u32string_view kQuestionCharacters =
    U"我你们他的那这个报反映了吗么嘛呢啊呀吧没有还再又怎样么什啥时候几点来去人管修好处理解决弄能"
    U"师傅上次说事问题情况到底催一下快进度展结果消息理谁会要工单查"
    // A chase's own words: "帮我催一下", "都两天了还没人来修", "投诉你们" (not 电话: 电梯 is a thing).
    U"帮都天两三几星期周半久等投诉";

// The characters of taking a report back that say nothing of what it is about: "不用来了 我儿子回来
// 已经修好了" names nothing. What is left counts as a thing only when the categories know it or a
// report holds it (ask_which_to_withdraw): "电梯自己修好了" names 电梯, "电脑自己修好了" nothing.
constexpr std::u32string_view kWithdrawalCharacters =
    U"不用自己已经儿子女家里帮忙谢撤回刚才算取消销需麻烦找弄通";

// What a question names, as runs of its own characters ("我报的那个水管怎么样了" names 水管, "灯修好了吗"
// 灯, "有人管吗" nothing). One character names a thing when it is a category's keyword (灯 of
// "我家楼道的灯修好了吗") or all the question names; a 楼 of 楼上漏水 matched a report of 楼道灯坏了
// (a review, 2026-12-06).
std::vector<std::string> things_named(const config::Config& config, std::string_view text,
                                      std::u32string_view also_saying_nothing = {}) {
  std::vector<std::string> runs;
  std::string run;
  for (std::size_t at = 0; at <= text.size();) {
    const language::CodePoint cp =
        at < text.size() ? language::decode_utf8(text, at) : language::CodePoint{U' ', 1};
    const bool keeps = language::is_cjk(cp.value) &&
                       kQuestionCharacters.find(cp.value) == std::u32string_view::npos &&
                       also_saying_nothing.find(cp.value) == std::u32string_view::npos;
    if (keeps) {
      run.append(text.substr(at, cp.length));
    } else if (!run.empty()) {
      runs.push_back(std::move(run));
      run.clear();
    }
    at += cp.length;
  }
  if (runs.size() > 1)
    std::erase_if(runs, [&](const std::string& words) {
      return words.size() < 6 && category_of(config, words) == nullptr;  // one CJK character
    });
  return runs;
}

// Whether the words name what the report holds: the words themselves, or a keyword of the categories
// both hold ("暖气片" and "卧室暖气" of "暖气不热": a review of stop 67 found each a second ticket).
bool names_what_report_holds(const config::Config& config, std::string_view words,
                             const std::string& report) {
  return report.find(words) != std::string::npos ||
         holds_any_keyword(report, category_keywords_in(config, words));
}

// "水管修好了没" with the lamp and the pipe open: the one report whose words hold a thing the
// question names (水管), when exactly one does.
std::optional<std::int64_t> report_holding(const std::vector<store::Ticket>& reports,
                                           const std::vector<std::string>& things) {
  std::optional<std::int64_t> found;
  for (const store::Ticket& ticket : reports) {
    const bool holds = std::any_of(things.begin(), things.end(), [&](const std::string& words) {
      return ticket.text.find(words) != std::string::npos;
    });
    if (!holds) continue;
    if (found) return std::nullopt;
    found = ticket.number;
  }
  return found;
}

}  // namespace

std::optional<std::int64_t> report_named_among(const config::Config& config,
                                               const std::vector<store::Ticket>& reports,
                                               std::string_view text,
                                               std::u32string_view also_saying_nothing) {
  // One character names a thing here only when it is a category's keyword: the 电 left of 电工 (工 is
  // a question's character) named the lift (a review, 2026-12-06).
  std::vector<std::string> things = things_named(config, text, also_saying_nothing);
  std::erase_if(things, [&](const std::string& words) {
    return words.size() < 6 && category_of(config, words) == nullptr;
  });
  return report_holding(reports, things);
}

std::optional<std::int64_t> own_report_named(Context& context, std::string_view text) {
  std::vector<store::Ticket> open = context.tickets.of_reporter(context.message.sender, kOwnReportsLooked);
  std::erase_if(open, [](const store::Ticket& ticket) { return ticket.is_closed(); });
  return report_holding(open, things_named(context.config, text));
}

namespace {

// How long after one chase the holder hears of the next: a resident typing 催一下 five times in a
// minute is one nudge, the next morning's another.
constexpr std::int64_t kChaseNudgeSeconds = 2 * 60 * 60;

// "都三天了 你们到底管不管": whoever holds the report hears, in private and in the resident's words,
// that it was chased (an exploratory run of residents' reports, 2026-12-06: the resident saw its
// progress and nobody else knew). Not once it is done and waits for a rating, nor again within
// kChaseNudgeSeconds; the history keeps each nudge.
}  // namespace

std::vector<Reply> tell_holders_of_chase(Context& context, std::int64_t number, const std::string& words,
                                         std::string_view key) {
  if (!context.community) return {};
  const std::optional<store::Ticket> ticket = context.tickets.by_number(*context.community, number);
  if (!ticket || ticket->is_closed() || ticket->state == store::TicketState::resolved) return {};
  const std::vector<std::string> holders = ticket_holders(context, *ticket);
  if (holders.empty()) return {};
  for (const store::TicketEvent& event : context.tickets.events(ticket->id)) {
    if (event.kind == "chased" && context.now - event.at < kChaseNudgeSeconds) return {};
  }
  record_ticket_event(context, *ticket, "chased", context.message.sender, words, context.now);
  std::vector<Reply> told;
  for (const std::string& holder : holders) {
    told.push_back(Reply{private_chat_of(holder),
                         context.text(key, {{"ticket", std::to_string(ticket->number)},
                                            {"mention", mention_of(context.people, holder)},
                                            {"text", ticket->text},
                                            {"words", words},
                                            {"who", display_name(context.people, context.message.sender)}}),
                         {holder}});
  }
  return told;
}

namespace {

// A leak's report ("卫生间漏水 楼下都滴水了"): what "还在往下滴" is still there of.
bool holds_water(std::string_view report) {
  return language::holds_any_of(report, std::array<std::string_view, 4>{"漏", "滴", "渗", "水"});
}

std::optional<std::vector<Reply>> progress_of_own_report(Context& context, const Command& command,
                                                         bool names_trouble) {
  const bool cold_home = language::tells_cold_home(command.text);
  if (command.text.empty() || (!language::asks_after_own_report(command.text) && !cold_home))
    return std::nullopt;
  // "楼道里的垃圾堆了一个星期了没人管" is a new problem told the usual way: a question after one's
  // report refers back to it (上次, 那个, 我报的) or names no trouble of its own.
  if (names_trouble && !language::refers_back(command.text) && !cold_home) return std::nullopt;
  const std::vector<store::Ticket> recent =
      context.tickets.of_reporter(context.message.sender, kOwnReportsLooked);
  std::vector<store::Ticket> open = recent;
  std::erase_if(open, [](const store::Ticket& ticket) { return ticket.is_closed(); });
  // "人呢" in a group where a task is open, from someone with no report open: the volunteers awaited,
  // answered with the group's tasks and their counts (a regression hunt of the volunteer loop,
  // 2026-12-07: "你还没有反映过问题").
  if (open.empty() && !context.message.is_private &&
      !context.tasks.open_in_chat_view(context.message.chat).empty()) {
    if (!language::chases_own_report(command.text)) return std::nullopt;
    Command tasks = command;
    tasks.intent = Intent::tasks;
    tasks.task.reset();
    return handle_tasks(context, tasks);
  }
  // "上次那个水管的事" points at a report made before, and is told there is none.
  // A chase points back too, however many are open (the final read, 2026-12-06: with two open, "都两天了
  // 你们到底管不管" was 没看懂 where "催一下" listed both).
  const bool points_back =
      language::chases_own_report(command.text) ||
      std::any_of(kEarlierReport.begin(), kEarlierReport.end(),
                  [&](std::string_view word) { return command.text.find(word) != std::string::npos; });
  // The report the words name ("灯修好了吗": the lamp's), open or, failing that, done: its progress
  // says how it ended.
  const std::vector<std::string> things = things_named(context.config, command.text);
  std::optional<std::int64_t> named = report_holding(open, things);
  if (!named) named = report_holding(recent, things);
  // A chase with one report open is about it, whatever it says of the trouble again ("催一下 门还是坏的"
  // named 是坏 as a thing and was 没看懂), unless it names a trouble of another kind that report does not
  // hold ("电梯坏了两天了还没人修" beside the lamp's: a new report).
  // The trouble still there is that report's when it names what the report holds ("灯还是不亮" of "楼道灯
  // 坏了"); "水管还是漏" beside the lamp's is a report of its own (a review of stop 67: folded into the
  // lamp's and lost). Naming nothing, it is the report's only as a question of it ("还冻着呢 有人管吗"):
  // "还是冷啊", "我还是没好" chase nothing (the final read).
  // A cold home said beside one's heating report is that report's too ("家里才16度，冻死了").
  const std::string_view persisting = language::what_persists(command.text);
  bool persists_here = false;
  if (open.size() == 1) {
    const bool still_there =
        language::says_trouble_persists(command.text) &&
        (persisting.empty()
             ? language::asks_of_own_report(command.text) ||
                   (language::water_still_running(command.text) && holds_water(open.front().text))
             : names_what_report_holds(context.config, persisting, open.front().text));
    const bool cold_beside_heating = language::tells_cold_home(command.text) &&
                                     names_what_report_holds(context.config, "暖气", open.front().text);
    persists_here = still_there || cold_beside_heating;
  }
  if (!named && open.size() == 1 && (language::chases_own_report(command.text) || persists_here) &&
      std::none_of(things.begin(), things.end(), [&](const std::string& thing) {
        return category_of(context.config, thing) != nullptr &&
               !names_what_report_holds(context.config, thing, open.front().text);
      }))
    named = open.front().number;
  // A thing no report of theirs holds is not about their reports, unless the words point back (上次,
  // 我报的): a trouble named with the question ("水管漏水了 有人管吗") is offered as a report of its
  // own, and "电脑修好了吗" or "这狗有人管吗" from someone whose report is the lamp got the lamp's
  // progress (the reviews of 2026-12-06).
  if ((names_trouble || !things.empty()) && !named && !points_back) return std::nullopt;
  Command progress = command;
  progress.intent = Intent::progress;
  // The report named, or the one open: its progress; otherwise the list of one's own (我的工单),
  // which says when there is none. Never the offer of a new report made of the question.
  progress.ticket = named;
  if (!named && open.size() == 1) progress.ticket = open.front().number;
  std::vector<Reply> replies = handle_progress(context, progress);
  if (progress.ticket &&
      (language::chases_own_report(command.text) || language::says_trouble_persists(command.text))) {
    std::vector<Reply> nudged =
        tell_holders_of_chase(context, *progress.ticket, command.text, "ticket_chased");
    // The resident hears that the chase was passed on, with the progress: in private, where the
    // progress goes, and never in the group (it tells the neighbours whom their report is with).
    const auto own = std::find_if(replies.begin(), replies.end(), [&](const Reply& reply) {
      return reply.chat == private_chat_of(context.message.sender);
    });
    if (!nudged.empty() && own != replies.end()) {
      std::vector<std::string> names;
      for (const Reply& nudge : nudged)
        names.push_back(display_name(context.people, nudge.mentions.front()));
      own->text += context.text("ticket_chase_passed_on", {{"who", join_list(context, names)}});
    }
    append(replies, std::move(nudged));
  }
  return replies;
}

// "还有就是我家住302", "我刚才说错了是卫生间的水龙头": a word added right after one's own report joins
// it, as a photo does, and whoever holds it hears. Said to the bot in private or by name, within
// `window`; the group's own correction words are narrower (`add_to_own_report_in_group`).
// A number to call back (`我电话是…`) adds to it too, where the report's words are said to the bot.
template <std::size_t N>
std::optional<std::vector<Reply>> add_to_report_just_made(Context& context, const Command& command,
                                                          const std::array<std::string_view, N>& words,
                                                          std::int64_t window, bool contact_adds = false) {
  const std::string_view text = command.text;
  const bool adds = std::any_of(words.begin(), words.end(),
                                [&](std::string_view word) { return text.starts_with(word); }) ||
                    says_not_this_but_that(text) || (contact_adds && language::gives_contact_details(text));
  if (!adds || language::turns_to_another_matter(text)) return std::nullopt;
  const std::optional<store::Ticket> ticket = ticket_just_reported(context, window);
  if (!ticket) return std::nullopt;
  context.tickets.add_event(
      ticket->id, store::TicketEvent{"attachment", context.message.sender, std::string(text), context.now});
  Values values = work_values(context, *ticket);
  const std::string added = language::with_chinese_punctuation(std::string(text));
  // Said back in a group, a number is masked as the posts mask it (a review, 2026-12-07).
  values.emplace_back("words", context.message.is_private ? added : language::mask_private_numbers(added));
  // A report kept private (said so, or 匿名反映 in a group) is answered in private, as 进度 is (a review
  // of stop 67: "@吹哨 还有就是我家住302" named its anonymous reporter with the ticket in the group).
  std::vector<Reply> replies = answer_keeping_private(context, context.text("ticket_words_added", values),
                                                      ticket->reported_in_private);
  set_value(values, "words", added);
  // Whoever holds it hears, 物业's workers too: a callback number reached nobody when 物业 held it.
  for (const std::string& holder : ticket_holders(context, *ticket)) {
    if (holder == context.message.sender) continue;
    set_value(values, "mention", mention_of(context.people, holder));
    replies.push_back(
        Reply{private_chat_of(holder), context.text("ticket_words_added_holder", values), {holder}});
  }
  return replies;
}

// "不用来了 我儿子已经修好了": which open report is meant, and how to take it back. Asked, not
// done: closing is not undone, and the line may be about something else.
// The one open urgent report whose category (by the community's keywords) is a thing's named. Only
// urgent ones: a category of utilities holds the lamp and the lift alike ("电梯自己修好了" is not
// about the lamp's report).
std::optional<std::int64_t> report_of_same_category(const config::Config& config,
                                                    const std::vector<store::Ticket>& reports,
                                                    const std::vector<std::string>& things) {
  std::optional<std::int64_t> found;
  for (const store::Ticket& report : reports) {
    const config::Category* category = category_of(config, report.text);
    if (category == nullptr || category->urgency_class != "urgent") continue;
    const bool same = std::any_of(things.begin(), things.end(), [&](const std::string& thing) {
      return category_of(config, thing) == category;
    });
    if (!same) continue;
    if (found) return std::nullopt;  // two of that kind: the words do not say which
    found = report.number;
  }
  return found;
}

std::optional<std::vector<Reply>> ask_which_to_withdraw(Context& context, const Command& command) {
  if (command.text.empty() || !language::withdraws_own_report(command.text)) return std::nullopt;
  std::vector<store::Ticket> open = context.tickets.of_reporter(context.message.sender, kOwnReportsLooked);
  std::erase_if(open, [](const store::Ticket& ticket) {
    return ticket.is_closed() || ticket.state == store::TicketState::resolved;
  });
  // "水管的事不用管了" with the lamp and the pipe open is about the pipe; "电梯自己好了" from someone
  // whose report is the lamp is not about the lamp (the fourth review, 2026-12-06). Only a trouble
  // the community's categories know, or one a report holds, counts as named: who mended it (邻居,
  // 物业, 老伴), when (今天早上) and 投诉 or 那条 name nothing, and read as things they dropped every
  // withdrawal (a review of that change).
  std::vector<std::string> things = things_named(context.config, command.text, kWithdrawalCharacters);
  std::erase_if(things, [&](const std::string& words) {
    return category_of(context.config, words) == nullptr && !report_holding(open, {words});
  });
  if (!things.empty()) {
    std::optional<std::int64_t> named = report_holding(open, things);
    // "刚才报的煤气味是误会 撤回吧": the words run on past the trouble, which the one open report of
    // its category holds (an exploratory run of emergencies, 2026-12-07: offered as a new report).
    if (!named) named = report_of_same_category(context.config, open, things);
    if (!named) return std::nullopt;
    std::erase_if(open, [&](const store::Ticket& ticket) { return ticket.number != *named; });
  }
  if (open.empty()) return std::nullopt;
  const std::string mention = mention_of(context.people, context.message.sender);
  if (open.size() == 1) return ask_to_withdraw(context, open.front());
  std::vector<std::string> numbers;
  for (const store::Ticket& ticket : open)
    numbers.push_back("T" + std::to_string(ticket.number));
  return std::vector<Reply>{reply_to_sender(
      context, context.text("ticket_withdraw_which", {{"mention", mention},
                                                      {"tickets", join_list(context, numbers)},
                                                      {"ticket", std::to_string(open.front().number)}}))};
}

}  // namespace

std::vector<Reply> ask_to_withdraw(Context& context, const store::Ticket& ticket) {
  // A report made in private is quoted in private, as 进度 is.
  return answer_keeping_private(
      context,
      context.text("ticket_withdraw_ask", {{"mention", mention_of(context.people, context.message.sender)},
                                           {"ticket", std::to_string(ticket.number)},
                                           {"text", ticket_words(context, ticket)}}),
      ticket.reported_in_private);
}

// The reporter's latest ticket when this message follows it closely enough to belong to it.
std::optional<store::Ticket> ticket_just_reported(const Context& context, std::int64_t window) {
  std::vector<store::Ticket> latest = context.tickets.of_reporter(context.message.sender, 1);
  if (latest.empty()) return std::nullopt;
  const store::Ticket& ticket = latest.front();
  // In private it is the reporter's own chat, wherever they reported: a group report's phone number
  // sent after it in private was 没看懂 (an exploratory run of residents' reports, 2026-12-06). In a
  // group, only that group's report: another group's neighbours are not talking about it.
  const bool same_chat = ticket.chat == context.message.chat || context.message.is_private;
  // Done and waiting for its rating, it takes nothing more: "还有楼道里的扶手松动了" is a new trouble.
  if (!same_chat || ticket.is_closed() || ticket.state == store::TicketState::resolved) return std::nullopt;
  if (context.now < ticket.created_at || context.now - ticket.created_at > window) return std::nullopt;
  return ticket;
}

std::optional<std::vector<Reply>> add_to_own_report_in_group(Context& context, const Command& command) {
  if (context.message.is_private || !corrects_a_place(command.text)) return std::nullopt;
  return add_to_report_just_made(context, command, kCorrectingWords, kJoinWindow);
}

std::optional<std::vector<Reply>> answer_about_own_report(Context& context, const Command& command,
                                                          bool names_trouble) {
  if (auto added = add_to_report_just_made(context, command, kAddingWords, kWordsJoinWindow, true))
    return added;
  if (auto asked = progress_of_own_report(context, command, names_trouble)) return asked;
  return ask_which_to_withdraw(context, command);
}

}  // namespace whistle::handlers
