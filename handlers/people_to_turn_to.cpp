#include "handlers/people_to_turn_to.hpp"

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "handlers/language/heating_words.hpp"
#include "handlers/language/newcomer_words.hpp"
#include "handlers/language/scam_words.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/ledger_scope.hpp"
#include "handlers/people_names.hpp"
#include "handlers/place_lookup.hpp"
#include "handlers/rights.hpp"
#include "handlers/task_lookup.hpp"

namespace whistle::handlers {

namespace {

// A person asked for: someone to talk to, not the bot. Not thanks to one ("谢谢领导", "领导辛苦了"),
// nor a leader saying who they are ("我是楼栋负责人，怎么吹哨"), nor how to sign up ("报名找谁"): a
// review of stop 65 found each answered with the leaders.
constexpr auto kPersonAskedFor = std::to_array<std::string_view>(
    {"叫你们领导", "找你们领导", "你们领导", "找领导", "领导呢", "找书记", "书记呢", "找主任", "人工", "真人",
     "活人", "找负责人", "负责人是谁", "负责人呢", "调解员", "找谁", "谁管", "电话多少", "电话是多少",
     "联系方式", "怎么联系",
     // A call asked of the bot, joining the group or the register, a leader asked for by title (an
     // exploratory run of old people living alone, stop 68: each met 没看懂 with 商品 or 排行 offered).
     "帮我打个电话", "帮我打电话", "打个电话给", "帮忙打个电话", "你能打电话", "能打电话吗", "给我儿子打",
     "给我女儿打", "给我闺女打", "单元长是谁", "楼栋长是谁", "楼长是谁", "网格长是谁", "书记是谁",
     "谁是单元长", "谁是楼栋长", "谁是楼长", "谁是网格长", "联系谁", "登记了吗", "有登记吗",
     // "房东联系不上 谁来管啊", "我要申诉" (an exploratory run of renters, stop 70: the menu).
     "谁来管", "申诉"});
// Where a newcomer registers and what the office does: the leaders keep the register (the same run). Not
// "I am no person" first: nobody asked for one.
constexpr auto kRegisterAsked = std::to_array<std::string_view>(
    {"怎么登记", "登记在哪", "在哪登记", "去哪登记", "哪里登记", "找谁登记", "想登记", "要登记", "登记一下",
     "怎么加入", "居住证", "暂住证", "居住证明", "流动人口登记", "备案", "办公室在哪", "几点上班",
     "服务中心在哪", "门禁卡"});
// Joining a group asked how ("怎么进群", "我妈能进群吗"; not "欢迎新邻居进群"), a leader asked for
// ("我要找陈单元 长"; not "我要找我家的猫", "我要找工作"): a review of stop 68.
constexpr auto kJoiningGroup =
    std::to_array<std::string_view>({"进群", "加群", "入群", "群怎么进", "拉我进", "拉进群", "拉进单元群"});
constexpr auto kAskingHow = std::to_array<std::string_view>({"怎么", "如何", "能", "可以", "想", "帮", "请"});
constexpr auto kLeaderTitles =
    std::to_array<std::string_view>({"单元长", "楼栋长", "楼长", "网格长", "书记", "主任", "社区", "领导"});
constexpr auto kPersonAskedAlone = std::to_array<std::string_view>({"调解", "转人工", "人工服务"});
constexpr auto kNotAskingForAPerson = std::to_array<std::string_view>(
    {"我是", "谢谢", "辛苦", "人工智能", "报名", "报到", "签到", "积分", "兑换"});

// The bot scolded. Short words stand alone ("滚"); the rest anywhere in a short line, and "有什么用"
// only of the bot ("你有什么用", "这机器人有什么用"; not "这个积分有什么用").
constexpr auto kScoldingAlone =
    std::to_array<std::string_view>({"滚", "滚开", "闭嘴", "垃圾", "废物", "没用", "有什么用", "有啥用"});
constexpr auto kScolding =
    std::to_array<std::string_view>({"摆设", "破机器人", "智障", "什么玩意", "你有什么用", "你有啥用",
                                     "你没用", "机器人有什么用", "机器人没用", "你就是个"});

// A line longer than this tells more than a scolding or a call for a person: it is read for what it
// tells ("找谁" in a report of a leak is the report's).
constexpr std::size_t kShortLine = 16;

bool equals_one_of(std::string_view text, std::span<const std::string_view> words) {
  for (const std::string_view word : words) {
    if (text == word) return true;
  }
  return false;
}

// The place whose leaders are named: the one the words name ("3号楼2单元的单元长是谁"), the chat's, or in
// private the sender's own (a role, else where their latest report was received), else the community.
std::optional<std::string> place_of_sender(Context& context) {
  if (const std::optional<store::OrgNode> named = node_named_in_words(context, context.message.text))
    return named->id;
  if (context.node) return context.node->id;
  const std::vector<std::string> nodes = nodes_of_person(context, context.message.sender);
  if (!nodes.empty()) return nodes.front();
  // A tenant who reported a leak in the unit's group, then asks in private whom to turn to: that
  // unit's leaders (an exploratory run of renters, stop 70: the 书记 alone).
  for (const store::Ticket& ticket : context.tickets.of_reporter(context.message.sender, 1)) {
    if (ticket.community == context.community &&
        (!ticket.reported_in_private || ticket.first_node != context.community))
      return ticket.first_node;
  }
  // A resident of no role: the community's own leaders.
  return context.community;
}

// The leaders of the sender's place, nearest first, the sender left out: "陈单元长、钱楼栋长…".
std::string leaders_to_turn_to(Context& context) {
  std::vector<std::string> names;
  if (const std::optional<std::string> node = place_of_sender(context)) {
    for (const std::string& leader : leaders_up_from(context, *node)) {
      if (leader != context.message.sender) names.push_back(display_name(context.people, leader));
    }
  }
  return join_list(context, names);
}

}  // namespace

std::optional<Reply> answer_newcomer(Context& context, const Command& command) {
  // "我是新来的", "新搬来的 请多关照", "新住户登记": who they are, with nothing asked that the bot could
  // place (an exploratory run of renters, stop 70: the menu). A trouble or a question is read first.
  if (language::characters(command.text) > kShortLine || !language::only_says_new_here(command.text))
    return std::nullopt;
  const std::string leaders = leaders_to_turn_to(context);
  return reply_to_sender(context,
                         context.text(leaders.empty() ? "unknown_newcomer_nobody" : "unknown_newcomer",
                                      {{"mention", sender_mention(context)}, {"leaders", leaders}}));
}

std::optional<Reply> answer_whom_to_turn_to(Context& context, const Command& command) {
  std::string_view plain = language::trim_spaces(command.text);
  while (!plain.empty() && std::string_view("!?.~ ").find(plain.back()) != std::string_view::npos)
    plain.remove_suffix(1);
  if (plain.empty() || language::characters(plain) > kShortLine) return std::nullopt;
  const bool scolds = equals_one_of(plain, kScoldingAlone) || language::holds_any_of(plain, kScolding);
  const bool asks_for_a_leader =
      plain.find("我要找") != std::string_view::npos && language::holds_any_of(plain, kLeaderTitles);
  const bool asks_to_join =
      language::holds_any_of(plain, kJoiningGroup) && language::holds_any_of(plain, kAskingHow);
  const bool registers = language::holds_any_of(plain, kRegisterAsked) || asks_to_join;
  const bool asks = equals_one_of(plain, kPersonAskedAlone) ||
                    ((language::holds_any_of(plain, kPersonAskedFor) || asks_for_a_leader || registers) &&
                     !language::holds_any_of(plain, kNotAskingForAPerson));
  if (!scolds && !asks) return std::nullopt;
  const std::string leaders = leaders_to_turn_to(context);
  const std::string mention = sender_mention(context);
  const std::string key = scolds      ? "unknown_scolded"
                          : registers ? "unknown_register_asked"
                                      : "unknown_person_asked";
  return reply_to_sender(context, context.text(leaders.empty() ? key + "_nobody" : key,
                                               {{"mention", mention}, {"leaders", leaders}}));
}

std::optional<Reply> answer_heating_question(Context& context, const Command& command) {
  if (!language::asks_about_heating_service(command.text)) return std::nullopt;
  const std::string leaders = leaders_to_turn_to(context);
  return reply_to_sender(
      context, context.text(leaders.empty() ? "unknown_heating_asked_nobody" : "unknown_heating_asked",
                            {{"mention", sender_mention(context)}, {"leaders", leaders}}));
}

std::optional<Reply> answer_rent_dispute(Context& context, const Command& command) {
  if (!language::tells_rent_quarrel(command.text)) return std::nullopt;
  const std::string leaders = leaders_to_turn_to(context);
  return reply_to_sender(
      context, context.text(leaders.empty() ? "unknown_rent_dispute_nobody" : "unknown_rent_dispute",
                            {{"mention", sender_mention(context)}, {"leaders", leaders}}));
}

std::optional<Reply> answer_scam_question(Context& context, const Command& command) {
  if (!language::asks_about_a_scam(command.text)) return std::nullopt;
  // Who is really 物业's: an impostor at the door or on the phone names a worker (an exploratory run of
  // scams, stop 70: "刘师傅是物业的吗" met 没看懂).
  std::string responders;
  if (context.community) {
    for (const store::ResponderRow& responder : context.responders.of_community(*context.community)) {
      std::vector<std::string> members;
      for (const std::string& member : responder.members)
        members.push_back(display_name(context.people, member));
      if (!members.empty())
        responders += context.text("unknown_scam_responder",
                                   {{"responder", responder.name}, {"members", join_list(context, members)}});
    }
  }
  return reply_to_sender(context,
                         context.text("unknown_scam_asked", {{"mention", sender_mention(context)},
                                                             {"leaders", leaders_to_turn_to(context)},
                                                             {"responders", responders}}));
}

}  // namespace whistle::handlers
