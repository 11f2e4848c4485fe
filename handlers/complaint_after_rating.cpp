#include "handlers/complaint_after_rating.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "handlers/language/calendar.hpp"
#include "handlers/language/normalize.hpp"
#include "handlers/language/resident_phrases.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/people_names.hpp"
#include "handlers/rights.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/ticket_category.hpp"
#include "handlers/ticket_flow.hpp"
#include "handlers/ticket_intake.hpp"
#include "handlers/ticket_rating_outcome.hpp"

namespace whistle::handlers {

namespace {

constexpr std::size_t kTicketsLookedAt = 20;

// "投诉那个师傅": a complaint named as one, about who did the work. Not 物业 alone: "投诉物业
// 收费不透明" is a report of its own, and was recorded on the lamp's ticket (the final read, 2026-12-07).
constexpr std::array<std::string_view, 3> kComplaintWords = {"投诉", "举报", "告状"};
constexpr std::array<std::string_view, 6> kWorkerWords = {"师傅",   "工人",   "修的人",
                                                          "来修的", "维修的", "干活的"};

// Someone other than whoever did the work: "楼上那家人态度很差", "快递员态度不好", "投诉隔壁装修的工人"
// were filed against 物业's 师傅 (a review, 2026-12-07).
constexpr std::array<std::string_view, 21> kOtherParties = {
    "楼上", "楼下", "隔壁", "邻居", "对门", "对面", "快递", "外卖", "那家", "那户", "装修",
    "商户", "店家", "小贩", "司机", "保安", "保洁", "阿姨", "大爷", "大妈", "大姐"};

// Who a 师傅 is, said before it: another trade's ("开锁师傅", "送水的师傅") is another worker; they were
// filed against 物业's (a review, 2026-12-07).
bool names_another_master(std::string_view line) {
  constexpr std::string_view kMaster = "师傅";
  constexpr std::array<std::string_view, 10> kTrades = {"开锁", "送水", "送气", "搬家", "家政",
                                                        "装修", "换锁", "修车", "保洁", "配钥匙"};
  for (std::size_t at = line.find(kMaster); at != std::string_view::npos; at = line.find(kMaster, at + 1)) {
    // "送水的师傅" as "送水师傅"; not any "…的师傅": "昨天来的师傅", "你们派的师傅" are ours (the final
    // read).
    std::string_view before = line.substr(0, at);
    if (before.ends_with("的")) before.remove_suffix(std::string_view("的").size());
    if (std::any_of(kTrades.begin(), kTrades.end(),
                    [&](std::string_view trade) { return before.ends_with(trade); }))
      return true;
  }
  return false;
}

bool complains(std::string_view line) {
  if (language::says_problem_remains(line) || complains_of_someone_else(line)) return false;
  if (language::complains_of_work(line)) return true;
  return language::holds_any_of(line, kComplaintWords) && language::holds_any_of(line, kWorkerWords);
}

// The job "修下水道的师傅" names, between 修 and 的 ("下水道"), if the line names one that way.
std::optional<std::string_view> job_named(std::string_view line) {
  constexpr std::string_view kFix = "修";
  constexpr std::string_view kOf = "的";
  constexpr std::size_t kLongestJob = 6 * 3;
  const std::size_t fix = line.find(kFix);
  if (fix == std::string_view::npos) return std::nullopt;
  const std::size_t start = fix + kFix.size();
  const std::size_t of = line.find(kOf, start);
  if (of == std::string_view::npos || of == start || of - start > kLongestJob) return std::nullopt;
  // Only a job that names who did it: "修下水道的师傅"; not "师傅修了一下午的灯" (the final read).
  const std::string_view after = line.substr(of + kOf.size());
  if (!after.starts_with("师傅") && !after.starts_with("工人") && !after.starts_with("人"))
    return std::nullopt;
  return line.substr(start, of - start);
}

// Someone did work on it: a holder now, or whoever said 办结.
bool worked_on(const store::Ticket& ticket) {
  return ticket.resolved_by || ticket.assignee_responder ||
         (ticket.assignee_person && ticket.state == store::TicketState::accepted);
}

// The reporter's ticket the complaint is about: the latest one being done, or closed lately, whose
// words hold the job the line names ("修下水道的师傅乱收费" is not about the lamp's).
std::optional<store::Ticket> ticket_complained_of(Context& context, std::string_view line) {
  const std::int64_t recent = context.config.rules.rate_days * language::kSecondsPerDay;
  const std::optional<std::string_view> job = job_named(line);
  for (store::Ticket& ticket : context.tickets.of_reporter(context.message.sender, kTicketsLookedAt)) {
    if (!worked_on(ticket)) continue;
    if (job && ticket.text.find(*job) == std::string::npos) continue;
    // Being done, or waiting for its rating ("我要投诉那个师傅" is read as a report and never reaches
    // the rating's question; the final read, 2026-12-07).
    if (ticket.state == store::TicketState::accepted || ticket.state == store::TicketState::resolved)
      return std::move(ticket);
    if (ticket.is_closed() && ticket.closed_at && context.now - *ticket.closed_at <= recent)
      return std::move(ticket);
  }
  return std::nullopt;
}

// The nearest leader at or above the ticket's level who did not do the work complained of.
// Nor one the words name ("陈单元长态度不好" went to 陈单元长 himself; a review, 2026-12-07).
std::optional<std::string> leader_to_tell(Context& context, const store::Ticket& ticket,
                                          std::string_view line) {
  for (const std::string& leader : leaders_up_from(context, ticket.node)) {
    if (leader == ticket.resolved_by || leader == ticket.assignee_person) continue;
    const std::string name = display_name(context.people, leader);
    if (!name.empty() && line.find(name) != std::string_view::npos) continue;
    return leader;
  }
  return std::nullopt;
}

// Who did the work, as the leader knows them: "物业 刘师傅" when a responder's worker did it.
std::string worker_text(Context& context, const store::Ticket& ticket) {
  const std::string name = resolver_name(context, ticket);
  if (!ticket.assignee_responder || !ticket.resolved_by) return name;
  return name + " " + display_name(context.people, *ticket.resolved_by);
}

}  // namespace

bool complaint_is_about(const Context& context, const std::vector<store::Ticket>& tickets,
                        std::string_view line) {
  bool held = false;
  for (const std::string& keyword : category_keywords_in(context.config, line)) {
    const bool holds = std::any_of(tickets.begin(), tickets.end(), [&](const store::Ticket& ticket) {
      return holds_any_keyword(ticket.text, {keyword});
    });
    if (!holds) return false;
    held = true;
  }
  return held || !language::describes_trouble(line);
}

bool complains_of_someone_else(std::string_view line) {
  // "修下水道的师傅" names a job, which picks the ticket (ticket_complained_of), not another worker.
  return language::holds_any_of(line, kOtherParties) || (names_another_master(line) && !job_named(line));
}

std::optional<std::vector<Reply>> pass_on_complaint_about_work(Context& context, const Command& command) {
  if (!context.message.is_private || command.text.empty() || !complains(command.text)) return std::nullopt;
  const std::optional<store::Ticket> ticket = ticket_complained_of(context, command.text);
  if (!ticket || !complaint_is_about(context, {*ticket}, command.text)) return std::nullopt;
  const std::optional<std::string> leader = leader_to_tell(context, *ticket, command.text);
  if (!leader) return std::nullopt;
  const std::string words = language::with_chinese_punctuation(command.text);
  record_ticket_event(context, *ticket, "complained", context.message.sender, words, context.now);
  const std::string number = std::to_string(ticket->number);
  std::vector<Reply> replies;
  replies.push_back(
      reply_to_sender(context, context.text("ticket_complaint_passed_on",
                                            {{"ticket", number},
                                             {"mention", mention_of(context.people, context.message.sender)},
                                             {"text", ticket_words(context, *ticket)},
                                             {"leader", display_name(context.people, *leader)}})));
  replies.push_back(
      Reply{private_chat_of(*leader),
            context.text("ticket_complaint_to_leader", {{"ticket", number},
                                                        {"mention", mention_of(context.people, *leader)},
                                                        {"text", ticket_words(context, *ticket)},
                                                        {"place", ticket_place(context, *ticket)},
                                                        {"worker", worker_text(context, *ticket)},
                                                        {"words", words}}),
            {*leader}});
  return replies;
}

}  // namespace whistle::handlers
