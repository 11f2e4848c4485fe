#include "handlers/help.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "handlers/addressing.hpp"
#include "handlers/language/acknowledgement_asks.hpp"
#include "handlers/language/greeting_words.hpp"
#include "handlers/language/holder_phrases.hpp"
#include "handlers/language/nearest_commands.hpp"
#include "handlers/language/own_report_phrases.hpp"
#include "handlers/language/resident_phrases.hpp"
#include "handlers/language/scam_words.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/people_names.hpp"
#include "handlers/people_to_turn_to.hpp"
#include "handlers/redemption_rules.hpp"
#include "handlers/rights.hpp"
#include "handlers/shift_swap.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/ticket_category.hpp"
#include "handlers/ticket_intake.hpp"
#include "handlers/ticket_rate.hpp"
#include "handlers/ticket_work.hpp"

namespace whistle::handlers {

namespace {

// The commands open in this version, in the order help lists them. Each has templates
// `command_<intent>` (its word), `help_<intent>` (a usage line, `help_<intent>_private` for a
// private chat where it differs) and `keywords_<intent>` (words a confused user might type).
enum class Who {
  anyone,
  leaders,  ///< leaders of the chat's node or above (in private: of any node)
  staff,    ///< the community's service-center staff
  workers,  ///< leaders, and the members of a responder (物业) who work its tickets
  binders,  ///< leaders of the chat's node or above, in a group bound with 绑定 (not by the config)
  keepers,  ///< who keeps the catalog: the staff, and the community's own leaders
};

struct MenuEntry {
  Intent intent;
  Who who;
};

constexpr std::array kMenu{
    MenuEntry{Intent::whistle, Who::leaders},      MenuEntry{Intent::report_in, Who::anyone},
    MenuEntry{Intent::withdraw, Who::anyone},      MenuEntry{Intent::tasks, Who::anyone},
    MenuEntry{Intent::check_in, Who::anyone},      MenuEntry{Intent::check_out, Who::anyone},
    MenuEntry{Intent::points, Who::anyone},        MenuEntry{Intent::ranking, Who::anyone},
    MenuEntry{Intent::catalog, Who::anyone},       MenuEntry{Intent::redeem, Who::anyone},
    MenuEntry{Intent::cancel_redeem, Who::anyone}, MenuEntry{Intent::edit, Who::leaders},
    MenuEntry{Intent::sign_code, Who::leaders},    MenuEntry{Intent::confirm, Who::leaders},
    MenuEntry{Intent::adjust, Who::leaders},       MenuEntry{Intent::finish, Who::leaders},
    MenuEntry{Intent::cancel, Who::leaders},       MenuEntry{Intent::pickup, Who::staff},
    MenuEntry{Intent::stock, Who::keepers},        MenuEntry{Intent::ticket, Who::anyone},
    MenuEntry{Intent::progress, Who::anyone},      MenuEntry{Intent::rate, Who::anyone},
    MenuEntry{Intent::claim, Who::anyone},         MenuEntry{Intent::accept, Who::workers},
    MenuEntry{Intent::resolve, Who::workers},      MenuEntry{Intent::send_back, Who::workers},
    MenuEntry{Intent::dispatch, Who::leaders},     MenuEntry{Intent::escalate, Who::leaders},
    MenuEntry{Intent::close, Who::leaders},        MenuEntry{Intent::tickets, Who::workers},
    MenuEntry{Intent::stats, Who::leaders},        MenuEntry{Intent::bind, Who::binders},
    MenuEntry{Intent::unbind, Who::binders},       MenuEntry{Intent::help, Who::anyone}};

// A leader here is one of the chat's node or above; in private, one of any node.
bool is_leader_here(const Context& context) {
  if (context.node) return leads_node_or_above(context, context.message.sender, context.node->id);
  return !nodes_led_by(context, context.message.sender).empty();
}

bool is_staff_here(const Context& context) {
  return context.community && is_staff_of(context, context.message.sender, *context.community);
}

// A member of a responder works its tickets: in its own chat, or in private.
bool is_responder_member_here(const Context& context) {
  if (context.responder) return context.responders.is_member(context.responder->id, context.message.sender);
  return context.message.is_private && !context.responders.of_member(context.message.sender).empty();
}

// 绑定/解绑 change only what was said in a chat: in a group the config binds (or a responder's, or
// in private) there is nothing for them to do, so they are not offered.
bool may_rebind_here(const Context& context, bool leader) {
  if (!leader || context.message.is_private || context.responder || !context.node) return false;
  const std::optional<store::ChatBinding> binding = context.org.binding_of(context.message.chat);
  return binding && binding->bound_by;
}

std::vector<Intent> menu_for(const Context& context) {
  const bool leader = is_leader_here(context);
  const bool staff = is_staff_here(context);
  const bool worker = leader || is_responder_member_here(context);
  const bool binder = may_rebind_here(context, leader);
  const bool keeper =
      staff || (context.community &&
                context.people.has_role(context.message.sender, *context.community, store::Role::leader));
  // 物业's group is where its tickets are worked: no task there to report in to, and no 兑换 (an
  // exploratory run of people changing, 2026-12-07: 帮助 there listed 报到, 签到 and 兑换 to a worker).
  const bool responders_group = context.responder && !context.message.is_private;
  std::vector<Intent> intents;
  for (const MenuEntry& entry : kMenu) {
    if (responders_group && entry.who == Who::anyone && entry.intent != Intent::progress &&
        entry.intent != Intent::help)
      continue;
    if (entry.who == Who::anyone || (entry.who == Who::leaders && leader) ||
        (entry.who == Who::staff && staff) || (entry.who == Who::workers && worker) ||
        (entry.who == Who::binders && binder) || (entry.who == Who::keepers && keeper))
      intents.push_back(entry.intent);
  }
  return intents;
}

std::string quoted_words(const Services& services, const std::vector<Intent>& intents) {
  std::string words;
  for (Intent intent : intents) {
    words += services.text("command_quote", {{"command", command_word(services, intent)}});
  }
  return words;
}

// The words of the templates' `keywords_<intent>` (what a confused user might type for it), kept
// alive while the hint words point into them.
struct TemplateHintWords {
  std::vector<std::string> words;
  std::vector<language::HintWord> hints;
};

TemplateHintWords template_hint_words(const Context& context, const std::vector<Intent>& intents) {
  TemplateHintWords out;
  std::vector<Intent> owners;
  for (Intent intent : intents) {
    const std::string key = "keywords_" + std::string(intent_name(intent));
    if (!context.templates.has(key)) continue;
    std::istringstream words(context.text(key));
    for (std::string word; words >> word;) {
      out.words.push_back(std::move(word));
      owners.push_back(intent);
    }
  }
  for (std::size_t i = 0; i < out.words.size(); ++i)
    out.hints.push_back(language::HintWord{owners[i], out.words[i]});
  return out;
}

// Up to three of the commands this person may use here nearest the line, by the command table's
// keywords and the templates' hint words; empty when none is near.
std::vector<language::NearCommand> nearest_usable(const Context& context, const std::string& line) {
  const std::vector<Intent> usable = menu_for(context);
  const TemplateHintWords extra = template_hint_words(context, usable);
  language::NearestOptions options;
  options.allowed = usable;
  options.extra = extra.hints;
  return language::nearest_commands(line, options);
}

// The place an example names: the first the reader leads, so that "吹哨 3号楼 …" shown to the leader of
// 3号楼2单元 is not refused when typed as shown (an exploratory run of newcomers, 2026-12-06).
std::string place_for_examples(const Context& context) {
  const std::vector<store::OrgNode> led = nodes_led_by(context, context.message.sender);
  if (context.node && leads_node_or_above(context, context.message.sender, context.node->id))
    return context.node->name;
  return led.empty() ? context.text("help_example_place") : led.front().name;
}

// The template `prefix` + the intent's name, its private form where one exists; the place for the
// two commands whose examples name one (the others' lines need no look at the reader's roles).
std::string with_place(const Context& context, const std::string& key, Intent intent) {
  const bool own = context.message.is_private && context.templates.has(key + "_private");
  if (intent != Intent::whistle && intent != Intent::bind) return context.text(own ? key + "_private" : key);
  return context.text(own ? key + "_private" : key, {{"place", place_for_examples(context)}});
}

// The command's example, with the private form where the template has one.
std::string example_of(const Context& context, Intent intent) {
  return with_place(context, "example_" + std::string(intent_name(intent)), intent);
}

std::string help_line(const Context& context, Intent intent) {
  return with_place(context, "help_" + std::string(intent_name(intent)), intent);
}

}  // namespace

Reply points_rules(Context& context) {
  const config::Rules& rules = context.config.rules;
  const std::string no_show =
      rules.no_show_points > 0
          ? context.text("points_rules_no_show", {{"points", std::to_string(rules.no_show_points)}})
          : std::string();
  return reply_to_sender(
      context, context.text("points_rules", {{"mention", mention_of(context.people, context.message.sender)},
                                             {"wish_points", std::to_string(rules.wish_points)},
                                             {"publish_day", std::to_string(rules.publish_day)},
                                             {"no_show", no_show}}));
}

namespace {

// "我想当志愿者", "怎么成为志愿者": reporting in to a task is how, and where the tasks are.
Reply volunteering(Context& context) {
  return reply_to_sender(
      context,
      context.text("volunteering_help", {{"mention", mention_of(context.people, context.message.sender)}}));
}

}  // namespace

std::vector<Reply> handle_help(Context& context, const Command& command) {
  // "？" among neighbours is a reaction to someone's message: a 17-line menu there is noise.
  if (said_in_passing(context.message, command)) return {};
  // The help rules that answer one question are told apart by their words (intent_rules_setup.cpp).
  // "年底前还能兑换吗" asks how long points last as well (a review of stop 66: the menu).
  if (command.text.find("积分") != std::string::npos || command.text.find("兑换") != std::string::npos ||
      command.text.find("还能换") != std::string::npos)
    return {points_rules(context)};
  if (command.text.find("志愿者") != std::string::npos) return {volunteering(context)};
  std::string text =
      context.text("help_header", {{"mention", mention_of(context.people, context.message.sender)}});
  for (Intent intent : menu_for(context)) {
    text += "\n" + help_line(context, intent);
  }
  return {reply_to_sender(context, std::move(text))};
}

namespace {

// "你好", "在吗", "谢谢啊": said to the bot, they are owed a word back, not "没看懂" and a hint of
// 评价 (an exploratory run, 2026-12-05).
constexpr std::array<std::string_view, 8> kGreetings{"你好",   "您好",  "在吗", "在不在",
                                                     "有人吗", "hello", "hi",   "喂"};
// A plea with nothing told yet ("帮帮我", "我不会用"): asked what happened, in plain words. An old man
// at 5 a.m. was offered 「帮助」 and the command menu, and gave up (an exploratory run of old people
// living alone, stop 68).
constexpr std::array<std::string_view, 10> kPleas{"帮帮我", "帮帮忙",   "帮帮我吧", "帮我一下", "我不会用",
                                                  "不会用", "我不会弄", "不会弄",   "怎么弄",   "我该怎么办"};

std::string_view said_plainly(std::string_view text) {
  return language::without_words_at_end(text,
                                        {" ", "!", "?", "。", "！", "？", "~", "啊", "呀", "哈", "哦", "啦"});
}

template <std::size_t N>
bool is_one_of(std::string_view text, const std::array<std::string_view, N>& words) {
  return std::find(words.begin(), words.end(), text) != words.end();
}

// "你好，我是新来的单元长，怎么用", "这个怎么用啊": how to use the bot, asked in a clause of its own
// after whatever comes first (an exploratory run of newcomers, 2026-12-06: 没看懂 with unrelated
// suggestions). Not "兑换码怎么用" or "灭火器怎么用", which ask about something else (a review,
// 2026-12-07).
constexpr auto kHowToUse =
    std::to_array<std::string_view>({"怎么用", "怎么使用", "如何使用", "咋用", "怎么操作", "如何操作"});
// What may stand before it and still mean the bot: "这个怎么用", "这个小程序怎么使用".
constexpr auto kTheBot = std::to_array<std::string_view>({"", "这个", "你", "您", "机器人", "这个机器人",
                                                          "小程序", "这个小程序", "吹哨", "吹哨助手", "请问",
                                                          "请问这个", "请问你", "这", "这玩意", "这东西"});
// A leader sending a notice, or a task to the groups below, in their words: "帮我发个通知",
// "怎么让下面楼栋都收到任务" (the same run: offered as a report, or 没看懂). Not "大家都收到了吗".
// The verb with its object, not 发 or 公告 alone: "公告栏旁边的路灯坏了，刚发现" is a report (a final read,
// 2026-12-07).
constexpr auto kSendingNotice = std::to_array<std::string_view>(
    {"发通知", "发个通知", "发一个通知", "发一条通知", "发一下通知", "发公告", "发个公告", "发布通知",
     "发布公告", "转发通知", "群发", "下个通知", "通知一下大家", "通知大家"});
constexpr auto kToGroupsBelow = std::to_array<std::string_view>(
    {"下面楼栋", "下面的楼栋", "下面各", "下面的群", "下级群", "怎么下发", "各楼栋都收到", "各单元都收到"});

bool asks_how_to_use(std::string_view plain) {
  std::string_view text = language::without_words_at_end(plain, {"呢", "吗", "嘛", "的", "啊", "呀"});
  // The last clause: after the last comma or space ("你好，我是新来的单元长，怎么用"). What comes before it
  // is a greeting or who is asking, not a thing ("兑换码，怎么用" asks about the code; a final read).
  std::string_view before;
  for (const std::string_view mark : {",", "，", " ", "。", "!"}) {
    const std::size_t at = text.rfind(mark);
    if (at == std::string_view::npos) continue;
    before = plain.substr(0, (text.data() - plain.data()) + at);
    text = text.substr(at + mark.size());
  }
  before = language::trim_spaces(before);
  const bool greets = before.empty() || before.starts_with("你好") || before.starts_with("您好") ||
                      before.starts_with("我是") || before.starts_with("我刚") ||
                      before.starts_with("请问") || before.starts_with("新来的") || before.starts_with("喂");
  if (!greets) return false;
  return std::any_of(kHowToUse.begin(), kHowToUse.end(), [&](std::string_view how) {
    return text.ends_with(how) && std::find(kTheBot.begin(), kTheBot.end(),
                                            text.substr(0, text.size() - how.size())) != kTheBot.end();
  });
}

// "我去" said to the bot under a whistle's post: going along, or an exclamation (我去！); "我可以",
// "好 我来" answer a neighbour as often, and are not read as sign-ups (a review, 2026-12-07), but said
// to the bot they get how to join, not 没看懂.
constexpr std::array<std::string_view, 3> kGoingAlong = {"我去", "我也去", "我要去"};
constexpr std::array<std::string_view, 7> kOffersToCome = {"我可以",   "我可以的", "我来",  "我来吧",
                                                           "算我一个", "我有空",   "我也来"};

// "好 我来", "没问题，算我一个": an offer to come, after a nod or not; "我可以报修吗" is no offer.
bool offers_to_come(std::string_view plain) {
  const std::string_view offer =
      language::without_words_at_start(plain, {"好的", "好", "行", "没问题", "可以", "嗯", " ", ",", "，"});
  return is_one_of(offer, kOffersToCome);
}

// A nod or going words in a group with an open task: how to report in for it.
std::optional<Reply> how_to_join(Context& context, std::string_view plain, const std::string& mention) {
  if (context.message.is_private) return std::nullopt;
  const language::HolderSays says = language::holder_says(plain);
  const bool nods = language::answers_yes(plain) || language::only_acknowledges(plain) ||
                    says == language::HolderSays::may_take_on || says == language::HolderSays::takes_on ||
                    is_one_of(plain, kGoingAlong) || offers_to_come(plain);
  if (!nods) return std::nullopt;
  const std::vector<const store::ListedTask*> open = context.tasks.open_in_chat_view(context.message.chat);
  if (open.empty()) return std::nullopt;
  if (open.size() > 1)
    return reply_to_sender(context, context.text("unknown_join_which", {{"mention", mention}}));
  const std::optional<store::Task> task = context.tasks.by_id(open.front()->id);
  if (!task) return std::nullopt;
  // Already in: a nod back, not how to join (a review, 2026-12-07: 没看懂).
  const std::optional<store::Signup> signup = context.signups.find(task->id, context.message.sender);
  if (signup && signup->state == store::SignupState::waitlisted) return std::nullopt;  // the plain nod
  if (signup && signup->state == store::SignupState::signed_up)
    return reply_to_sender(
        context,
        context.text("unknown_nod_joined", {{"mention", mention}, {"task", std::to_string(task->number)}}));
  return reply_to_sender(context, context.text("unknown_join_task", {{"mention", mention},
                                                                     {"task", std::to_string(task->number)},
                                                                     {"title", task->title}}));
}

}  // namespace

std::optional<std::vector<Reply>> answer_newcomers_question(Context& context, const Command& command) {
  if (command.text.empty() || (!context.message.is_private && !is_addressed(context.message, command)))
    return std::nullopt;
  const std::string_view plain = said_plainly(command.text);
  if (asks_how_to_use(plain)) {
    Command help = command;
    help.intent = Intent::help;
    return handle_help(context, help);
  }
  // "租户可以参加活动吗", "我没有本地户口能当志愿者吗", "我是外地的 在这打工 能参加吗": anyone living here
  // may (an exploratory run of renters, stop 70: the menu).
  static constexpr auto kMayIJoin = std::to_array<std::string_view>(
      {"当志愿者", "做志愿者", "参加活动", "能参加", "可以参加", "能报名", "可以报名", "能不能参加"});
  static constexpr auto kNotFromHere =
      std::to_array<std::string_view>({"租户", "租客", "租的", "租房", "外地", "户口", "新来", "刚搬", "新搬",
                                       "不是业主", "不是本小区", "打工"});
  if (language::holds_any_of(plain, kMayIJoin) && language::holds_any_of(plain, kNotFromHere))
    return std::vector<Reply>{volunteering(context)};
  const bool trouble = category_of(context.config, command.text) || language::describes_trouble(command.text);
  const bool notice =
      language::holds_any_of(plain, kSendingNotice) || language::holds_any_of(plain, kToGroupsBelow);
  // "反诈提醒 近期有冒充社区…", "辟谣：3号楼明天不停水": a warning names the trouble that is not happening
  // (an exploratory run of scams, stop 70: 辟谣 was offered back to its leader as a report).
  const bool warning = language::warns_of_a_scam_or_rumour(plain);
  if (((warning && !language::calls_for_sign_ups(plain)) || (notice && !trouble)) &&
      !nodes_led_by(context, context.message.sender).empty())
    return std::vector<Reply>{reply_to_sender(
        context, context.text("unknown_notice_leader", {{"mention", sender_mention(context)}}))};
  return std::nullopt;
}

// "还是没人来报名": volunteers awaited, not help.
constexpr auto kTaskWords =
    std::to_array<std::string_view>({"报名", "报到", "签到", "志愿者", "参加", "活动", "任务"});

std::vector<Reply> handle_unknown(Context& context, const Command& command) {
  if (!is_addressed(context.message, command)) return {};
  // "@吹哨 谁能替我一下今晚的班": how the place moves.
  if (std::optional<Reply> swap = answer_shift_swap(context, command)) return {std::move(*swap)};
  // "@李网格长 这个你看下" quoting the bot's post: said to a colleague, not to the bot (an exploratory
  // run of the leaders' side, 2026-12-07: the group read 没看懂).
  if (!context.message.is_private && !context.message.mentions_bot && !context.message.mentions.empty() &&
      !command.addressed)
    return {};
  // A bare "@吹哨" leaves no words: the bot's own name is no hint of a command.
  const std::string mention = mention_of(context.people, context.message.sender);
  const std::string_view plain = said_plainly(command.text);
  // "@吹哨 还是没人来" with nothing reported to the bot (a danger told only to the neighbours reaches
  // the leader quietly): what to do now, and how to tell the bot (an exploratory run of emergencies,
  // 2026-12-07: the menu).
  // Only the lament itself ("还是没人来", "怎么还没人管啊"): "楼下的车还没人挪" is about a car (a recheck,
  // 2026-12-07).
  constexpr std::size_t kLament = 8 * 3;
  std::string_view lament = plain;
  while (lament.starts_with("@") && lament.find(' ') != std::string_view::npos)
    lament = language::trim_spaces(lament.substr(lament.find(' ')));  // "@陈单元长 还是没人来"
  if (lament.size() <= kLament && language::says_nobody_came(lament) &&
      !language::holds_any_of(lament, kTaskWords)) {
    // With a report of theirs still open, its progress; "还没有收到你反映的事" would be untrue (a review,
    // 2026-12-07).
    for (const store::Ticket& ticket : context.tickets.of_reporter(context.message.sender, 5)) {
      if (ticket.is_closed()) continue;
      Command progress = command;
      progress.intent = Intent::progress;
      progress.ticket = ticket.number;
      return handle_progress(context, progress);
    }
    return {reply_to_sender(context, context.text("unknown_nobody_came", {{"mention", mention}}))};
  }
  if (is_one_of(plain, kGreetings))
    return {reply_to_sender(context, context.text("unknown_greeting", {{"mention", mention}}))};
  if (is_one_of(plain, kPleas) || language::without_words_at_end(plain, {"这个"}) == "我不会弄")
    return {reply_to_sender(context, context.text("unknown_plea", {{"mention", mention}}))};
  // "@吹哨 新年快乐": wished back, not the menu.
  if (const std::optional<std::string_view> greeting = language::season_greeting(plain))
    return {
        reply_to_sender(context, context.text("unknown_season_greeting",
                                              {{"mention", mention}, {"greeting", std::string(*greeting)}}))};
  // "叫你们领导来", "你就是个摆设": the leaders to turn to, not the menu.
  if (std::optional<Reply> turn_to = answer_whom_to_turn_to(context, command)) return {std::move(*turn_to)};
  // "我是新来的": welcomed, and told whom to register with.
  if (std::optional<Reply> welcome = answer_newcomer(context, command)) return {std::move(*welcome)};
  // "谢谢你们照顾我妈", "来电了 谢谢师傅": thanks with a word of what for, not the menu (the same run); not
  // thanks before a question ("谢谢 积分什么时候到").
  constexpr std::size_t kShortThanks = 16;
  static constexpr auto kAsking =
      std::to_array<std::string_view>({"吗", "?", "什么", "怎么", "多少", "几", "哪", "谁"});
  const bool thanks_for_something =
      language::holds_thanks(plain) && language::characters(plain) <= kShortThanks &&
      !language::describes_trouble(plain) && !language::mentions_bots_own_work(plain) &&
      !language::holds_any_of(plain, kAsking);
  if (language::is_only_thanks(plain) || thanks_for_something) {
    // "@吹哨 谢谢小张" in the group of a report awaiting its rating: how to rate it. The wish closed
    // unrated a week later and its volunteer lost the points (the same run).
    if (!context.message.is_private) {
      if (const std::optional<std::int64_t> waiting = ticket_awaiting_rating(context))
        return {reply_to_sender(context,
                                context.text("rate_thanks_in_group",
                                             {{"mention", mention}, {"ticket", std::to_string(*waiting)}}))};
    }
    return {reply_to_sender(context, context.text("unknown_thanks", {{"mention", mention}}))};
  }
  // "收到", "好的", "我去看看" said to the bot in a group where a task is open (a reply to its post,
  // mostly): how to join, not a hint about reports (a regression hunt of the volunteer loop,
  // 2026-12-07). Nothing is signed up: 收到 acknowledges a notice as often.
  if (auto hint = how_to_join(context, plain, mention)) return {std::move(*hint)};
  // "好的", "嗯嗯", "不用了" after the bot's answer, with no question of its own waiting: a nod back,
  // not "没看懂".
  // "收到 我马上过去" from a leader told of a danger, with no ticket to take (the same run: 没看懂 and
  // a 接单 T5 hint): a nod back.
  if (language::answers_yes(plain) || language::answers_no(plain) || language::only_acknowledges(plain) ||
      language::holder_says(plain) == language::HolderSays::may_take_on) {
    const bool leader = !context.people.nodes_with_role(context.message.sender, store::Role::leader).empty();
    return {reply_to_sender(
        context, context.text(leader ? "unknown_nod_leader" : "unknown_nod", {{"mention", mention}}))};
  }
  const std::vector<language::NearCommand> nearest =
      command.text.empty() ? std::vector<language::NearCommand>{} : nearest_usable(context, command.text);
  if (nearest.empty()) {
    // Nothing is near: the short menu of what this person may use here.
    return {reply_to_sender(
        context, context.text("unknown_menu", {{"mention", mention},
                                               {"commands", quoted_words(context, menu_for(context))}}))};
  }
  std::string commands;
  for (const language::NearCommand& near : nearest) {
    if (!commands.empty()) commands += "\n";
    commands += context.text("unknown_hint_command", {{"keyword", std::string(near.keyword)},
                                                      {"example", example_of(context, near.intent)}});
  }
  // "怎么报修啊" asks how: answered with how, not with "没看懂". So does its last clause, after who is asking
  // ("我是新来的 怎么报名": a review of stop 70).
  const std::size_t apart = plain.find_last_of(" ,");
  const std::string_view last = apart == std::string_view::npos ? plain : plain.substr(apart + 1);
  const auto how = [](std::string_view words) {
    return words.starts_with("怎么") || words.starts_with("如何") || words.starts_with("咋");
  };
  const bool asks_how = how(plain) || how(last);
  return {reply_to_sender(context, context.text(asks_how ? "unknown_howto" : "unknown_hint",
                                                {{"mention", mention}, {"commands", commands}}))};
}

}  // namespace whistle::handlers
