#include "handlers/whistle.hpp"

#include <algorithm>
#include <string>

#include "handlers/attendance_jobs.hpp"
#include "handlers/language/acknowledgement_asks.hpp"
#include "handlers/language/resident_phrases.hpp"
#include "handlers/language/scam_words.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/people_names.hpp"
#include "handlers/place_lookup.hpp"
#include "handlers/places_per_node.hpp"
#include "handlers/report_in.hpp"
#include "handlers/report_offer.hpp"
#include "handlers/rights.hpp"
#include "handlers/task_jobs.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"
#include "handlers/ticket_intake.hpp"
#include "handlers/whistle_limits.hpp"

namespace whistle::handlers {

namespace {

std::string node_names(const std::vector<store::OrgNode>& nodes, const Services& services) {
  std::vector<std::string> names;
  for (const store::OrgNode& node : nodes) {
    names.push_back(node.name);
  }
  return join_list(services, names);
}

// Whether `place` appears in `text` as the end of a word (the command's text is normalized).
bool stands_as_a_word(std::string_view text, std::string_view place) {
  for (std::size_t at = text.find(place); at != std::string_view::npos; at = text.find(place, at + 1)) {
    if (language::ends_a_word(text, at + place.size())) return true;
  }
  return false;
}

// Where a whistle goes: the chat's node, or in a private chat the place named (or the only
// node the person leads). Empty with the reply that asks where.
std::optional<store::OrgNode> whistle_node(Context& context, const Command& command,
                                           std::vector<Reply>& replies) {
  if (context.node) {
    // "吹哨 3号楼2单元 楼道消毒" in the building's group: a leader covering a unit below whistles
    // for that unit, and it is posted in the unit's group too (an exploratory run of roles
    // changing, 2026-12-06: the unit's 报到 found nothing open).
    // Only a place standing as a word of its own names the unit ("吹哨 3号楼2单元 楼道消毒"): "全楼清雪
    // 3号楼2单元门口集合" meets at its door, and a whistle sent down stays the group's (the final read).
    if (command.place && !command.broadcast && stands_as_a_word(command.text, *command.place)) {
      // "2单元" in 3号楼's group is its 3号楼2单元.
      const std::vector<store::OrgNode> below = context.org.descendants(context.node->id);
      if (std::optional<store::OrgNode> named = node_named(context, *command.place, below)) {
        for (const store::OrgNode& node : below) {
          if (node.id == named->id) return named;
        }
      }
    }
    return context.node;
  }

  const std::string mention = mention_of(context.people, context.message.sender);
  const std::vector<store::OrgNode> led = nodes_led_by(context, context.message.sender);
  if (command.place) {
    if (std::optional<store::OrgNode> node = node_named(context, *command.place, subtrees_of(context, led))) {
      return node;
    }
    replies.push_back(reply_to_sender(
        context, context.text("whistle_place_unknown", {{"mention", mention},
                                                        {"place", *command.place},
                                                        {"places", node_names(led, context)}})));
    return std::nullopt;
  }
  if (led.size() == 1) return led.front();
  const std::string_view key = led.empty() ? "whistle_not_a_leader" : "whistle_where";
  replies.push_back(reply_to_sender(
      context, context.text(key, {{"mention", mention}, {"places", node_names(led, context)}})));
  return std::nullopt;
}

Reply no_right(Context& context, const store::OrgNode& node) {
  const std::vector<std::string> leaders = leaders_up_from(context, node.id);
  const std::string_view key = leaders.empty() ? "whistle_no_right_nobody" : "whistle_no_right";
  std::string text = context.text(key, {{"mention", mention_of(context.people, context.message.sender)},
                                        {"node", node.name},
                                        {"leaders", names_of(context, leaders)}});
  // A leader of somewhere else hears where they may whistle: 陈单元长 typed the help's own example,
  // 吹哨 3号楼 …, and was sent to three other people (an exploratory run of newcomers, 2026-12-06).
  if (const std::vector<store::OrgNode> led = nodes_led_by(context, context.message.sender); !led.empty())
    text += context.text("whistle_no_right_own_places",
                         {{"places", node_names(led, context)}, {"place", led.front().name}});
  return reply_to_sender(context, std::move(text));
}

store::Task new_task(const Context& context, const Command& command, const store::OrgNode& node,
                     const std::string& chat) {
  store::Task task;
  task.community = node.community;
  task.node = node.id;
  task.chat = chat;
  task.creator = context.message.sender;
  task.title = *command.title;
  task.place = command.place;
  // refuse_out_of_range has seen the count and points: no count is no limit, no points are 0.
  task.places = command.count;
  task.points = command.points.value_or(0);
  task.start = command.start;
  task.end = command.end;
  if (task.start && !task.end && command.minutes) {
    task.end = *task.start + std::int64_t{*command.minutes} * 60;
  }
  task.created_at = context.now;
  return task;
}

// The chats a whistle is announced in beyond the first: the node's other chats when whistled in
// private or for a node below the group's, and every chat below the node with 全网格/下发. Each is
// recorded as a posting.
struct Postings {
  std::vector<std::string> chats;
  std::size_t below = 0;  // how many of them belong to nodes below
};

Postings post_elsewhere(Context& context, const Command& command, const store::Task& task) {
  Postings postings;
  const auto add = [&](const std::string& chat) {
    if (chat == task.chat ||
        std::find(postings.chats.begin(), postings.chats.end(), chat) != postings.chats.end()) {
      return false;
    }
    context.tasks.post(task.id, chat);
    postings.chats.push_back(chat);
    return true;
  };
  // Whistled in private, or in a group above the task's node: the node's own groups.
  if (context.message.is_private || (context.node && context.node->id != task.node)) {
    for (const std::string& chat : context.org.chats_of(task.node)) {
      add(chat);
    }
  }
  if (command.broadcast) {
    for (const store::OrgNode& below : context.org.descendants(task.node)) {
      for (const std::string& chat : context.org.chats_of(below.id)) {
        if (add(chat)) ++postings.below;
      }
    }
  }
  return postings;
}

// A whistle sent again within this window, word for word, is the same one sent twice.
constexpr std::int64_t kResendWindow = 10 * 60;

// The open task of this chat that `wanted` repeats: the same leader's, with the same title, time,
// place, places and points, whistled moments ago. A double tap or a resend over a slow network made
// two tasks and split the volunteers between them (an exploratory run of corrections, 2026-12-06).
std::optional<std::int64_t> same_whistle_just_sent(Context& context, const store::Task& wanted) {
  // The chat's list as memory holds it; a task is read only when its title and time match.
  for (const store::ListedTask* listed : context.tasks.open_in_chat_view(wanted.chat)) {
    if (listed->title != wanted.title || listed->start != wanted.start || listed->end != wanted.end) continue;
    const std::optional<store::Task> task = context.tasks.by_id(listed->id);
    if (!task || task->creator != wanted.creator || wanted.created_at - task->created_at > kResendWindow)
      continue;
    if (task->place == wanted.place && task->places == wanted.places && task->points == wanted.points)
      return task->number;
  }
  return std::nullopt;
}

// The leader's own open task of this chat, whistled moments ago, that `wanted` looks like a
// correction of: the same title at another time, place or count, or another title at the same
// time. A leader who resent a whistle with the time put right got a second task and volunteers
// split between them (an exploratory run of corrections, 2026-12-06); which was meant is asked
// in the post, not guessed: two sessions of one job are whistled this way too.
std::optional<std::int64_t> whistle_it_may_correct(Context& context, const store::Task& wanted,
                                                   bool said_correction) {
  // The closest first: the same title at the same time (a whistle put right in its place or
  // count), then the same time, then the same title; the latest of equals. Naming merely the latest
  // sent a leader to cancel another time's task that a volunteer held (a review, 2026-12-07).
  std::optional<std::pair<int, std::int64_t>> best;
  for (const store::ListedTask* listed : context.tasks.open_in_chat_view(wanted.chat)) {
    const int closeness = (listed->start == wanted.start ? 2 : 0) + (listed->title == wanted.title ? 1 : 0);
    // "吹哨 更正：…" says it puts one right: one of the same title or time, however long ago it was
    // whistled, or else one of moments ago (a review, 2026-12-07: an unrelated older task was named).
    if (closeness == 0 && !said_correction) continue;
    const std::optional<store::Task> task = context.tasks.by_id(listed->id);
    if (!task || task->creator != wanted.creator) continue;
    const bool moments_ago = wanted.created_at - task->created_at <= kResendWindow;
    if (said_correction ? closeness == 0 && !moments_ago : closeness == 0 || !moments_ago) continue;
    best = std::max(best.value_or(std::pair{0, std::int64_t{0}}), std::pair{closeness, task->number});
  }
  if (!best) return std::nullopt;
  return best->second;
}

}  // namespace

std::vector<Reply> relay_task_down(Context& context, const store::Task& task,
                                   const std::optional<std::string>& words) {
  const std::vector<std::string> posted = context.tasks.posted_chats(task.id);
  std::vector<std::string> added;
  for (const store::OrgNode& below : context.org.descendants(task.node)) {
    for (const std::string& chat : context.org.chats_of(below.id)) {
      if (std::find(posted.begin(), posted.end(), chat) != posted.end() ||
          std::find(added.begin(), added.end(), chat) != added.end())
        continue;
      context.tasks.post(task.id, chat);
      added.push_back(chat);
    }
  }
  const std::string number = std::to_string(task.number);
  const std::string mention = mention_of(context.people, context.message.sender);
  const std::optional<store::OrgNode> node = context.org.node(task.node);
  if (added.empty()) {
    return {reply_to_sender(
        context,
        context.text("relay_nothing_below",
                     {{"task", number}, {"mention", mention}, {"node", node ? node->name : task.node}}))};
  }
  std::string relayed =
      context.text("whistle_relayed", {{"task", number},
                                       {"summary", task_summary_text(context, task, context.now)},
                                       {"from", node ? node->name : task.node}});
  // "下发 1 请各单元长组织报名": the leader's words go with it.
  if (words && !words->empty()) relayed += context.text("relay_words", {{"words", *words}});
  std::vector<Reply> replies{reply_to_sender(
      context,
      context.text("relay_done",
                   {{"task", number}, {"mention", mention}, {"count", std::to_string(added.size())}}))};
  for (const std::string& chat : added)
    replies.push_back(Reply{chat, relayed, {}});
  return replies;
}

std::vector<Reply> handle_whistle(Context& context, const Command& command) {
  std::vector<Reply> replies;
  const std::optional<store::OrgNode> node = whistle_node(context, command, replies);
  if (!node) return replies;
  if (!leads_node_or_above(context, context.message.sender, node->id)) {
    // A volunteer filling the first line of the 接龙 a whistle opened: their sign-up for it.
    if (command.jielong_name && !context.message.is_private) {
      Command sign_up;
      sign_up.text = command.text;
      sign_up.addressed = command.addressed;
      sign_up.intent = Intent::report_in;
      sign_up.implicit = true;
      sign_up.title = command.jielong_name;
      return handle_report_in(context, sign_up);
    }
    // "吹哨 我跟你说啊 我们楼上那家 天天晚上 咚咚咚的 … 你们管管吧": a resident calling the bot by name
    // and telling a trouble, with no count and no points of a task (a time may be read from 晚上), is
    // offered the report (an exploratory run of neighbour disputes, 2026-12-07: refused as an
    // unauthorised whistle).
    if (!command.count && !command.points && command.title) {
      // In their own words, the time words the whistle took out of them included.
      const std::size_t call = command.text.find("吹哨");
      const std::string words(language::trim_spaces(
          call == std::string::npos
              ? std::string_view(command.text)
              : std::string_view(command.text).substr(call + std::string_view("吹哨").size())));
      if (language::describes_trouble(*command.title)) return {offer_report(context, words)};
      // "吹哨 这是不是诈骗", "吹哨 有人冒充物业收钱", "吹哨 积分会清零吗": a question or a scam told to the
      // bot by name is answered as said to it (an exploratory run of scams, stop 70: refused as a whistle).
      if (language::asks_about_a_scam(words) || words.find("吗") != std::string::npos ||
          words.find('?') != std::string::npos) {
        Command said = command;
        said.intent = Intent::unknown;
        said.text = words;
        said.title.reset();
        said.addressed = true;
        return handle_unknown_line(context, said);
      }
    }
    return {no_right(context, *node)};
  }

  const std::string mention = mention_of(context.people, context.message.sender);
  if (!command.title || command.title->empty()) {
    return {reply_to_sender(context, context.text("whistle_no_title", {{"mention", mention}}))};
  }
  // "吹哨 辟谣 明天不停水", "吹哨 反诈提醒 不要点陌生链接": a warning with no count nor time asks nobody to
  // come; it had been posted to nine groups as a task to sign up for (an exploratory run of scams, stop 70).
  // Not a call for hands to do the warning's work ("吹哨 反诈宣传 需要志愿者 明天": the final read of stop
  // 70).
  const bool calls_hands =
      language::calls_for_sign_ups(command.text) || command.text.find("招") != std::string::npos ||
      command.text.find("需要") != std::string::npos || command.text.find("人手") != std::string::npos;
  if (!command.count && !command.points && !command.time_names_clock && !command.count_per_level &&
      !calls_hands && language::warns_of_a_scam_or_rumour(command.text))
    return {reply_to_sender(context, context.text("unknown_notice_leader", {{"mention", mention}}))};
  const std::optional<CountPerNode> per_node = count_per_node(context, command, *node);
  Command counted = command;
  if (per_node) counted.count = per_node->total;
  // A count, points or time that cannot be meant creates nothing and says what is wrong.
  if (std::optional<Reply> refusal = refuse_out_of_range(context, counted)) return {std::move(*refusal)};

  // A group whistle is posted where it was said; a private one in the node's own group.
  std::string home = context.message.chat;
  if (context.message.is_private) {
    const std::vector<std::string> chats = context.org.chats_of(node->id);
    if (chats.empty()) {
      return {reply_to_sender(context,
                              context.text("whistle_no_chat", {{"mention", mention}, {"node", node->name}}))};
    }
    home = chats.front();
  }

  store::Task wanted = new_task(context, counted, *node, home);
  if (per_node) wanted.per_node = per_node->per_node;
  if (const std::optional<std::int64_t> same = same_whistle_just_sent(context, wanted)) {
    return {reply_to_sender(
        context, context.text("whistle_duplicate", {{"task", std::to_string(*same)}, {"mention", mention}}))};
  }
  const std::optional<std::int64_t> corrected = whistle_it_may_correct(context, wanted, command.correction);
  const store::Task task = context.tasks.create(std::move(wanted));
  const Postings postings = post_elsewhere(context, command, task);
  schedule_task_reminder(context, task, context.now);
  schedule_attendance_jobs(context, task, context.now);

  const std::string number = std::to_string(task.number);
  const std::string summary = task_summary_text(context, task, context.now);
  std::string relay = postings.below > 0
                          ? context.text("whistle_relay_note", {{"count", std::to_string(postings.below)}})
                          : std::string();
  // "… 下发" in a unit's group had nowhere to go and said nothing of it: the leader whistled for the
  // whole building and the unit alone had the task (an exploratory run of people changing, 2026-12-07).
  if (command.broadcast && postings.below == 0) {
    const std::optional<store::OrgNode> parent =
        node->parent.empty() ? std::nullopt : context.org.node(node->parent);
    relay = context.text("whistle_broadcast_nowhere",
                         {{"node", node->name}, {"parent", parent ? parent->name : node->name}});
  }
  if (per_node) relay = per_node->note + relay;
  // No points named pays +0 at 验收, which a new leader found out only then (an exploratory run of
  // newcomers, 2026-12-06). "0分" said is meant and gets no note.
  if (!command.points) relay += context.text("whistle_no_points_note", {{"task", number}});
  // "每周六上午9点": one task is made, the first; the group reads that the next is whistled again
  // (an exploratory run of a week's rota, 2026-12-07: the leader was never told).
  if (command.time_repeats)
    relay += context.text("whistle_once_note", {{"when", task_when_text(context, task, context.now)}});
  // How to add points is the leader's to read, not the residents' (a review, 2026-12-06): said in
  // the answer to a private whistle; a group's post says only that there are none.
  const std::string points_note =
      command.points ? std::string() : "\n" + context.text("whistle_no_points_leader", {{"task", number}});
  const std::string correction_note =
      corrected
          ? "\n" + context.text(command.correction ? "whistle_correction_of" : "whistle_maybe_correction",
                                {{"task", number}, {"earlier", std::to_string(*corrected)}})
          : std::string();
  if (context.message.is_private) {
    replies.push_back(reply_to_sender(
        context, context.text("whistle_sent", {{"task", number}, {"node", node->name}, {"relay", relay}}) +
                     points_note + correction_note));
  }
  const std::string posted =
      context.text("whistle_posted", {{"task", number}, {"summary", summary}, {"relay", relay}});
  const std::string posted_home = context.message.is_private ? posted : posted + correction_note;
  const std::string relayed =
      context.text("whistle_relayed", {{"task", number}, {"summary", summary}, {"from", node->name}}) +
      // Each unit's group reads that its places are its own: 需3人 alone read as a pool (a review), and
      // that no points are set.
      (per_node ? per_node->note : std::string()) +
      (command.points ? std::string() : context.text("whistle_no_points_note", {{"task", number}}));
  replies.push_back(Reply{home, posted_home, {}});
  // The node's own other chats come first in the postings, then the chats below it.
  const std::size_t own = postings.chats.size() - postings.below;
  for (std::size_t i = 0; i < postings.chats.size(); ++i) {
    replies.push_back(Reply{postings.chats[i], i < own ? posted : relayed, {}});
  }
  return replies;
}

}  // namespace whistle::handlers
