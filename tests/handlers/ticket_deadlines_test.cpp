// The ticket loop's deadlines as jobs on a virtual clock (docs/tickets.md ("Ticket deadlines")): the answer
// window climbs an unaccepted ticket one level at a time up to the community's responder, a
// reminder goes out three quarters into each window, the top is told once per deadline, a missed
// solve deadline climbs once, and the quiet hours pause general tickets but never urgent ones.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "handler_fixture.hpp"
#include "handlers/task_text.hpp"
#include "handlers/ticket_clock.hpp"
#include "handlers/ticket_flow.hpp"
#include "ticket_deadline_support.hpp"

namespace whistle::handlers::testing {
namespace {

constexpr std::int64_t kMinute = 60;

const std::string kReporterChat = "generic:@u-zhang";

bool names_ticket(const Reply& reply, const store::Ticket& ticket) {
  return reply.text.rfind("【工单T" + std::to_string(ticket.number) + "】", 0) == 0;
}

class TicketDeadlinesTest : public HandlerTest {};

TEST_F(TicketDeadlinesTest, AnUnacceptedUtilitiesTicketClimbsUnitBuildingGridCommunityThenTheResponder) {
  const Services s = services();
  MadeTicket made = make_ticket(s, "b3u2", "utilities", kMonday0900);
  ASSERT_EQ(made.ticket.assignee_person, "generic:u-chen");
  ASSERT_EQ(made.ticket.answer_by, kMonday0900 + 2 * kHour);

  struct Level {
    std::string node;
    std::string leader;
  };
  const std::vector<Level> ladder{{"b3", "u-qian"}, {"g1", "u-li"}, {"c1", "u-wang"}};
  std::int64_t assigned = kMonday0900;
  std::string holder = "generic:u-chen";
  std::string at_node = "b3u2";
  for (std::size_t i = 0; i < ladder.size(); ++i) {
    SCOPED_TRACE(ladder[i].node);
    // Three quarters into the window the holder is reminded, in private; nothing climbs yet.
    const std::vector<Reply> reminded = run_jobs(assigned + 90 * kMinute);
    ASSERT_EQ(reminded.size(), 1u);
    EXPECT_EQ(reminded[0].chat, private_chat_of(holder));
    EXPECT_EQ(reminded[0].mentions, std::vector<std::string>{holder});
    EXPECT_TRUE(names_ticket(reminded[0], made.ticket));
    EXPECT_EQ(reload(s, made.ticket).node, at_node);

    const std::vector<Reply> climbed = run_jobs(assigned + 2 * kHour);
    const store::Ticket now = reload(s, made.ticket);
    const std::string leader = qualified(ladder[i].leader);
    EXPECT_EQ(now.node, ladder[i].node);
    EXPECT_EQ(now.assignee_person, leader);
    EXPECT_EQ(now.state, store::TicketState::assigned);
    EXPECT_EQ(now.climbs, static_cast<int>(i) + 1);
    EXPECT_EQ(now.answer_by, assigned + 4 * kHour);
    EXPECT_EQ(to_chat(climbed, private_chat_of(leader)).size(), 1u);
    EXPECT_EQ(to_chat(climbed, qualified(ladder[i].node)).size(), 1u);
    EXPECT_EQ(to_chat(climbed, kReporterChat).size(), 1u);
    for (const Reply& reply : climbed)
      EXPECT_TRUE(names_ticket(reply, made.ticket)) << reply.text;
    assigned += 2 * kHour;
    holder = leader;
    at_node = ladder[i].node;
  }

  // From the community it goes to the community's default responder, 物业: its group and members.
  ASSERT_EQ(to_chat(run_jobs(assigned + 90 * kMinute), private_chat_of("generic:u-wang")).size(), 1u);
  const std::vector<Reply> to_property = run_jobs(assigned + 2 * kHour);
  store::Ticket now = reload(s, made.ticket);
  EXPECT_EQ(now.assignee_responder, "wuye");
  EXPECT_FALSE(now.assignee_person.has_value());
  EXPECT_EQ(now.climbs, 4);
  EXPECT_EQ(to_chat(to_property, "generic:wuye").size(), 1u);
  EXPECT_EQ(to_chat(to_property, "generic:@u-shifu").size(), 1u);
  EXPECT_EQ(to_chat(to_property, kReporterChat).size(), 1u);
  assigned += 2 * kHour;

  // The responder's members are reminded; then at the top the community's leaders are told once.
  const std::vector<Reply> member_reminded = run_jobs(assigned + 90 * kMinute);
  ASSERT_EQ(member_reminded.size(), 1u);
  EXPECT_EQ(member_reminded[0].chat, "generic:@u-shifu");
  const std::vector<Reply> top = run_jobs(assigned + 2 * kHour);
  now = reload(s, made.ticket);
  EXPECT_EQ(now.climbs, 4);
  EXPECT_EQ(now.assignee_responder, "wuye");
  EXPECT_EQ(to_chat(top, "generic:@u-wang").size(), 1u);
  EXPECT_EQ(to_chat(top, "generic:c1").size(), 1u);
  EXPECT_TRUE(to_chat(top, kReporterChat).empty());
  EXPECT_EQ(events_of(s, made.ticket, "climbed"), 4);
  EXPECT_EQ(events_of(s, made.ticket, "overdue_at_top"), 1);

  // Nothing further on the answer clock. The solve clock (24 hours) still has its own deadline:
  // the member is told it is overdue, the top hears it once more, nothing climbs. Run this late, the
  // solve reminder ("before …", a time long past) says nothing: the overdue notice says it all.
  const std::vector<Reply> later = run_jobs(kMonday0900 + 30 * 24 * kHour);
  now = reload(s, made.ticket);
  EXPECT_EQ(now.climbs, 4);
  EXPECT_EQ(events_of(s, made.ticket, "climbed"), 4);
  EXPECT_EQ(events_of(s, made.ticket, "overdue_at_top"), 2);
  EXPECT_EQ(to_chat(later, "generic:@u-wang").size(), 1u);
  EXPECT_EQ(to_chat(later, "generic:@u-shifu").size(), 1u);  // overdue; the stale reminder is not sent
  EXPECT_TRUE(run_jobs(kMonday0900 + 60 * 24 * kHour).empty());
}

// A server down through the reminder and the deadline runs both on start: "accept before 11:00"
// told at 12:30, beside the climb, said nothing true (an exploratory run, 2026-12-06).
TEST_F(TicketDeadlinesTest, AnAnswerReminderRunAfterItsDeadlineSaysNothingAndTheTicketClimbs) {
  const Services s = services();
  MadeTicket made = make_ticket(s, "b3u2", "utilities", kMonday0900);
  const std::vector<Reply> late = run_jobs(kMonday0900 + 3 * kHour + 30 * kMinute);
  EXPECT_TRUE(std::none_of(late.begin(), late.end(), [](const Reply& reply) {
    return reply.chat == "generic:@u-chen";
  })) << "no reminder to the holder it has already passed by";
  const store::Ticket now = reload(s, made.ticket);
  EXPECT_EQ(now.climbs, 1);
  EXPECT_EQ(now.node, "b3");
}

TEST_F(TicketDeadlinesTest, AnAcceptedTicketNeverClimbsOnTheAnswerDeadline) {
  const Services s = services();
  MadeTicket made = make_ticket(s, "b3u2", "utilities", kMonday0900);
  accept(s, made.ticket, kMonday0900 + kHour);

  EXPECT_TRUE(run_jobs(kMonday0900 + 2 * kHour).empty());  // neither the reminder nor the climb
  const store::Ticket now = reload(s, made.ticket);
  EXPECT_EQ(now.node, "b3u2");
  EXPECT_EQ(now.climbs, 0);
  EXPECT_EQ(events_of(s, made.ticket, "climbed"), 0);
}

TEST_F(TicketDeadlinesTest, AMissedSolveDeadlineRemindsAndClimbsOnceWithoutRestartingTheSolveClock) {
  const Services s = services();
  MadeTicket made = make_ticket(s, "b3u2", "utilities", kMonday0900);
  accept(s, made.ticket, kMonday0900 + kHour);

  // Three quarters of 24 hours: the holder is reminded.
  const std::vector<Reply> reminded = run_jobs(kMonday0900 + 18 * kHour);
  ASSERT_EQ(reminded.size(), 1u);
  EXPECT_EQ(reminded[0].chat, "generic:@u-chen");
  EXPECT_TRUE(names_ticket(reminded[0], made.ticket));

  const std::vector<Reply> overdue = run_jobs(kMonday0900 + 24 * kHour);
  store::Ticket now = reload(s, made.ticket);
  EXPECT_EQ(to_chat(overdue, "generic:@u-chen").size(), 1u);  // the holder hears it is overdue
  EXPECT_EQ(to_chat(overdue, "generic:@u-qian").size(), 1u);  // the building's leader oversees it now
  EXPECT_EQ(to_chat(overdue, "generic:b3").size(), 1u);
  EXPECT_EQ(to_chat(overdue, kReporterChat).size(), 1u);
  EXPECT_EQ(now.node, "b3");
  EXPECT_EQ(now.climbs, 1);
  // Still with whoever took it on, still being done: no answer window, nothing to climb on.
  EXPECT_EQ(now.state, store::TicketState::accepted);
  EXPECT_EQ(now.assignee_person, "generic:u-chen");
  EXPECT_EQ(now.solve_from, kMonday0900);
  EXPECT_EQ(now.solve_by, kMonday0900 + 24 * kHour);
  EXPECT_FALSE(jobs_.pending(std::string(kTicketSolveDeadline), ticket_job_payload(now, now.solve_from)));
  EXPECT_FALSE(jobs_.pending(std::string(kTicketAnswerDeadline), ticket_job_payload(now, now.stage)));

  // Nothing fires again: a job waiting for parts does not climb level by level as if nobody had it.
  EXPECT_TRUE(run_jobs(kMonday0900 + 30 * 24 * kHour).empty());
  EXPECT_EQ(reload(s, made.ticket).climbs, 1);
  EXPECT_EQ(events_of(s, made.ticket, "climbed"), 1);
}

// Its holder, overseen from above, may still send it up for help (the final read of stop 70: told he
// handles it and need not).
TEST_F(TicketDeadlinesTest, TheHolderOfAnOverseenJobMayStillSendItUp) {
  const Services s = services();
  MadeTicket made = make_ticket(s, "b3u2", "utilities", kMonday0900);
  const std::string number = std::to_string(made.ticket.number);
  say("b3u2", "u-chen", "陈单元长", read("接单 T" + number, kMonday0900 + kHour), kMonday0900 + kHour);
  run_jobs(kMonday0900 + 24 * kHour);
  ASSERT_EQ(reload(s, made.ticket).node, "b3");
  say("b3u2", "u-chen", "陈单元长", read("上报 T" + number + " 需要社区协调", kMonday0900 + 25 * kHour),
      kMonday0900 + 25 * kHour);
  EXPECT_EQ(reload(s, made.ticket).node, "g1");
}

// A job 物业 took on climbs to oversee it once, and the leader above reads who has it and the latest
// note: it had climbed as "2小时内无人接单" to the top, and 物业 was asked to 接单 its own job (an
// exploratory run of the repair side, stop 69).
TEST_F(TicketDeadlinesTest, AResponderJobOverdueStaysTheResponderAndTheLeaderAboveReadsItsLatestNote) {
  const Services s = services();
  MadeTicket made = make_ticket(s, "b3u2", "utilities", kMonday0900);
  const std::string number = std::to_string(made.ticket.number);
  say("b3u2", "u-chen", "陈单元长", read("派单 T" + number + " 物业", kMonday0900 + 10 * kMinute),
      kMonday0900 + 10 * kMinute);
  say("wuye", "u-shifu", "刘师傅", read("接单 T" + number, kMonday0900 + 30 * kMinute),
      kMonday0900 + 30 * kMinute);
  ASSERT_EQ(reload(s, made.ticket).state, store::TicketState::accepted);
  say("wuye", "u-shifu", "刘师傅", read("T" + number + " 阀门坏了 要换配件", kMonday0900 + kHour),
      kMonday0900 + kHour, true);

  const std::vector<Reply> overdue = run_jobs(kMonday0900 + 24 * kHour);
  const store::Ticket now = reload(s, made.ticket);
  EXPECT_EQ(now.assignee_responder, "wuye");
  EXPECT_EQ(now.state, store::TicketState::accepted);
  EXPECT_EQ(now.node, "b3");
  const std::vector<Reply> to_leader = to_chat(overdue, "generic:@u-qian");
  ASSERT_EQ(to_leader.size(), 1u);
  EXPECT_NE(to_leader[0].text.find("阀门坏了 要换配件"), std::string::npos) << to_leader[0].text;
  EXPECT_EQ(to_chat(overdue, "generic:@u-shifu").size(), 1u);
  // The group and the resident are not read the worker's notes.
  for (const Reply& reply : overdue) {
    if (reply.chat != "generic:@u-qian")
      EXPECT_EQ(reply.text.find("阀门坏了"), std::string::npos) << reply.chat << ": " << reply.text;
  }
  for (const Reply& reply : run_jobs(kMonday0900 + 10 * 24 * kHour))
    EXPECT_FALSE(names_ticket(reply, made.ticket)) << reply.chat << ": " << reply.text;

  // The leader above writes in its history, as its holder does (a review of stop 70: only hinted at).
  say("b3", "u-qian", "钱楼栋长", read("T" + number + " 知道了 等配件", kMonday0900 + 25 * kHour),
      kMonday0900 + 25 * kHour, true);
  EXPECT_EQ(events_of(s, made.ticket, "noted"), 2);

  // The worker still sees it among his jobs and finishes it.
  const std::vector<Reply> mine =
      say("wuye", "u-shifu", "刘师傅", read("我的工单", kMonday0900 + 26 * kHour), kMonday0900 + 26 * kHour);
  ASSERT_FALSE(mine.empty());
  EXPECT_NE(mine[0].text.find("T" + number), std::string::npos) << mine[0].text;
}

// A climb does not restart the solve clock: whoever takes it on after is told it is already past,
// not asked to finish by a time an hour gone.
TEST_F(TicketDeadlinesTest, AcceptedAfterItsSolveDeadlineTheHolderIsToldItIsOverdue) {
  const Services s = services();
  MadeTicket made = make_ticket(s, "b3u2", "utilities", kMonday0900);
  accept(s, made.ticket, kMonday0900 + kHour);
  run_jobs(kMonday0900 + 24 * kHour);  // climbs to 3号楼, to be overseen
  const std::string number = std::to_string(made.ticket.number);
  // The building's leader gives it to himself, then takes it on.
  say("b3", "u-qian", "钱楼栋长", read("派单 T" + number + " @钱楼栋长", kMonday0900 + 25 * kHour),
      kMonday0900 + 25 * kHour);
  const std::int64_t at = kMonday0900 + 25 * kHour + kMinute;
  const std::vector<Reply> replies = say("b3", "u-qian", "钱楼栋长", read("接单 T" + number, at), at);
  ASSERT_FALSE(replies.empty());
  EXPECT_EQ(replies[0].text, rendered("ticket_accept_done_overdue",
                                      {{"ticket", number},
                                       {"mention", "@钱楼栋长"},
                                       {"solve_by", local_time_text(s, kMonday0900 + 24 * kHour, at)}}));
}

TEST_F(TicketDeadlinesTest, ARestartedSolveClockLeavesTheOldJobsWithoutEffect) {
  const Services s = services();
  MadeTicket made = make_ticket(s, "b3u2", "utilities", kMonday0900);
  accept(s, made.ticket, kMonday0900 + kHour);
  // A reopen restarts the clock at 12:00 hours in (the rating helper's 回炉 does this).
  store::Ticket reopened = reload(s, made.ticket);
  start_solve_clock(s, reopened, kMonday0900 + 12 * kHour);
  s.tickets.save(reopened);

  EXPECT_TRUE(run_jobs(kMonday0900 + 24 * kHour).empty());  // the old reminder and deadline
  EXPECT_EQ(reload(s, made.ticket).climbs, 0);
  EXPECT_EQ(run_jobs(kMonday0900 + 30 * kHour).size(), 1u);  // the new reminder
  run_jobs(kMonday0900 + 36 * kHour);
  EXPECT_EQ(reload(s, made.ticket).climbs, 1);
}

TEST_F(TicketDeadlinesTest, AResolvedOrClosedTicketHearsNothingFromItsSolveClock) {
  const Services s = services();
  MadeTicket resolved = make_ticket(s, "b3u2", "utilities", kMonday0900, "水管漏水");
  MadeTicket closed = make_ticket(s, "b3u1", "utilities", kMonday0900, "停电了");
  for (MadeTicket* made : {&resolved, &closed})
    accept(s, made->ticket, kMonday0900 + kHour);
  store::Ticket done = reload(s, resolved.ticket);
  done.state = store::TicketState::resolved;
  ++done.stage;
  s.tickets.save(done);
  store::Ticket shut = reload(s, closed.ticket);
  shut.state = store::TicketState::closed;
  shut.outcome = store::TicketOutcome::unresolved;
  ++shut.stage;
  s.tickets.save(shut);

  EXPECT_TRUE(run_jobs(kMonday0900 + 30 * kHour).empty());
  EXPECT_EQ(reload(s, resolved.ticket).climbs, 0);
  EXPECT_EQ(reload(s, closed.ticket).climbs, 0);
}

TEST_F(TicketDeadlinesTest, AGeneralTicketAssignedAt2300IsDueAt0900AndRemindedAt0830) {
  const Services s = services();
  MadeTicket made = make_ticket(s, "b3u2", "general", kMonday2300);
  EXPECT_EQ(made.ticket.answer_by, kTuesday0900);
  // Its private word to the leader is not a group post: it goes at once.
  EXPECT_EQ(to_chat(made.told, "generic:@u-chen").size(), 1u);

  EXPECT_TRUE(run_jobs(kTuesday0900 - 31 * kMinute).empty());
  EXPECT_EQ(run_jobs(kTuesday0900 - 30 * kMinute).size(), 1u);  // 07:00 + 1.5 hours
  const std::vector<Reply> climbed = run_jobs(kTuesday0900);
  EXPECT_EQ(to_chat(climbed, "generic:b3").size(), 1u);  // daytime: the group post goes at once
  EXPECT_EQ(reload(s, made.ticket).node, "b3");
}

TEST_F(TicketDeadlinesTest, AGeneralTicketsGroupPostInTheQuietHoursWaitsUntil0700) {
  const Services s = services();
  // Given to 物业 at 23:00 (as a 快单 category would be): the members hear at once, the group at 07:00.
  MadeTicket made = make_ticket(s, "b3u2", "general", kMonday2300 - kHour);
  store::Ticket ticket = reload(s, made.ticket);
  const store::ResponderRow property = *responders_.find("wuye");
  give_to_responder(s, ticket, property, std::nullopt, kMonday2300);
  const std::vector<Reply> told = tell_responder(s, ticket, property, kMonday2300);
  EXPECT_EQ(to_chat(told, "generic:@u-shifu").size(), 1u);
  EXPECT_TRUE(to_chat(told, "generic:wuye").empty());

  EXPECT_TRUE(to_chat(run_jobs(kTuesday0700 - 1), "generic:wuye").empty());
  const std::vector<Reply> morning = run_jobs(kTuesday0700);
  ASSERT_EQ(to_chat(morning, "generic:wuye").size(), 1u);
  EXPECT_TRUE(names_ticket(to_chat(morning, "generic:wuye")[0], made.ticket));
}

TEST_F(TicketDeadlinesTest, AGeneralTicketClimbingAt2200PostsToTheNewGroupAt0700) {
  const Services s = services();
  MadeTicket made = make_ticket(s, "b3u2", "general", kMonday0900 + 11 * kHour);  // 20:00
  ASSERT_EQ(made.ticket.answer_by, kMonday0900 + 13 * kHour);                     // 22:00

  const std::vector<Reply> climbed = run_jobs(kMonday0900 + 13 * kHour);
  EXPECT_EQ(to_chat(climbed, "generic:@u-qian").size(), 1u);  // the new leader, in private: at once
  EXPECT_TRUE(to_chat(climbed, kReporterChat).empty());       // the resident, in the morning
  EXPECT_TRUE(to_chat(climbed, "generic:b3").empty());
  const std::vector<Reply> morning = run_jobs(kTuesday0700);
  EXPECT_EQ(to_chat(morning, "generic:b3").size(), 1u);
  EXPECT_EQ(to_chat(morning, kReporterChat).size(), 1u);
}

TEST_F(TicketDeadlinesTest, AUtilitiesTicketClimbingAllNightTellsTheResidentOnceInTheMorning) {
  const Services s = services();
  MadeTicket made = make_ticket(s, "b3u2", "utilities", kMonday0900 + 11 * kHour + 31 * kMinute);  // 20:31
  std::size_t to_resident = 0;
  for (int hours = 2; hours <= 10; hours += 2) {  // 22:31, 00:31, 02:31, 04:31, 06:31
    const std::vector<Reply> climbed = run_jobs(made.ticket.created_at + hours * kHour);
    EXPECT_FALSE(climbed.empty());  // the leaders hear at once
    to_resident += to_chat(climbed, kReporterChat).size();
  }
  EXPECT_EQ(to_resident, 0u);
  const std::vector<Reply> morning = run_jobs(kTuesday0700);
  ASSERT_EQ(to_chat(morning, kReporterChat).size(), 1u);
  EXPECT_TRUE(names_ticket(to_chat(morning, kReporterChat)[0], made.ticket));
}

TEST_F(TicketDeadlinesTest, AResponderALeaderDispatchedToLettingTheWindowPassClimbsAboveThatLeader) {
  const Services s = services();
  MadeTicket made = make_ticket(s, "b3u2", "general", kMonday0900);
  store::Ticket ticket = reload(s, made.ticket);
  // 陈单元长 sent it to 物业 at 09:10 (派单 T1 物业); nobody there answers.
  give_to_responder(s, ticket, *responders_.find("wuye"), "generic:u-chen", kMonday0900 + 10 * kMinute);

  const std::vector<Reply> climbed = run_jobs(kMonday0900 + 10 * kMinute + 2 * kHour);
  EXPECT_EQ(reload(s, made.ticket).node, "b3");  // not back to the unit that dispatched it
  EXPECT_EQ(reload(s, made.ticket).assignee_person, "generic:u-qian");
  EXPECT_EQ(to_chat(climbed, "generic:@u-qian").size(), 1u);
  EXPECT_TRUE(to_chat(climbed, "generic:@u-chen").empty());
}

TEST_F(TicketDeadlinesTest, AGroupPostHeldForTheMorningIsDroppedWhenTheTicketMovedOnInTheNight) {
  const Services s = services();
  MadeTicket made = make_ticket(s, "b3u2", "general", kMonday0900 + 11 * kHour);  // 20:00
  run_jobs(kMonday0900 + 13 * kHour);  // 22:00: climbs to 3号楼, its group post held for 07:00
  accept(s, reload(s, made.ticket), kTuesday0700 - kHour);  // 钱楼栋长 took it at 06:00

  // "请接单" in the morning would ask for what is done; the post goes nowhere.
  EXPECT_TRUE(to_chat(run_jobs(kTuesday0700), "generic:b3").empty());
}

// tickets.md: a danger ticket goes to the leaders, never to a responder, and its climb stops at the
// community rather than handing a fall to 物业.
TEST_F(TicketDeadlinesTest, ADangerTicketNobodyTakesStopsAtTheCommunityAndNeverReachesTheResponder) {
  say_privately("u-ma", "马奶奶", read("报事 3号楼2单元 我老伴摔倒了起不来"), kMonday2300);
  std::optional<store::Ticket> ticket = tickets_.by_number("c1", 1);
  ASSERT_TRUE(ticket && ticket->danger);
  std::vector<Reply> told;
  for (std::int64_t at = kMonday2300; at <= kMonday2300 + 12 * kHour; at += 30 * kMinute) {
    std::vector<Reply> run = run_jobs(at);
    told.insert(told.end(), run.begin(), run.end());
  }
  ticket = tickets_.by_number("c1", 1);
  EXPECT_EQ(ticket->node, "c1");
  EXPECT_FALSE(ticket->assignee_responder.has_value());
  EXPECT_EQ(ticket->assignee_person, "generic:u-wang");
  EXPECT_TRUE(to_chat(told, "generic:wuye").empty());
  EXPECT_TRUE(to_chat(told, "generic:@u-shifu").empty());
  EXPECT_GE(events_of(services(), *ticket, "overdue_at_top"), 1);
}

// A 点单 is a need for a volunteer's hands: it stops at the community as a 微心愿 does (an exploratory
// run of old people living alone, stop 68: "想请志愿者每周帮他买一次菜" reached 物业's group, whose worker
// sent it back).
TEST_F(TicketDeadlinesTest, AnOrderNobodyTakesStopsAtTheCommunityAndNeverReachesTheResponder) {
  say_privately("u-ma", "马奶奶", read("点单 3号楼2单元 腿脚不好下不了楼 想请志愿者帮忙买菜"), kMonday2300);
  std::optional<store::Ticket> ticket = tickets_.by_number("c1", 1);
  ASSERT_TRUE(ticket && ticket->kind == "order");
  std::vector<Reply> told;
  for (std::int64_t at = kMonday2300; at <= kMonday2300 + 48 * kHour; at += kHour) {
    std::vector<Reply> run = run_jobs(at);
    told.insert(told.end(), run.begin(), run.end());
  }
  ticket = tickets_.by_number("c1", 1);
  EXPECT_EQ(ticket->node, "c1");
  EXPECT_FALSE(ticket->assignee_responder.has_value());
  EXPECT_TRUE(to_chat(told, "generic:wuye").empty());
  EXPECT_TRUE(to_chat(told, "generic:@u-shifu").empty());
}

TEST_F(TicketDeadlinesTest, AnUrgentTicketNeverPauses) {
  const Services s = services();
  MadeTicket made = make_ticket(s, "b3u2", "urgent", kMonday2300);
  EXPECT_EQ(made.ticket.answer_by, kMonday2300 + 2 * kHour);
  EXPECT_EQ(made.ticket.solve_by, kMonday2300 + 24 * kHour);

  EXPECT_EQ(run_jobs(kMonday2300 + 90 * kMinute).size(), 1u);  // 00:30: the reminder
  const std::vector<Reply> climbed = run_jobs(kMonday2300 + 2 * kHour);
  EXPECT_EQ(to_chat(climbed, "generic:b3").size(), 1u);  // 01:00, posted at once
  EXPECT_EQ(reload(s, made.ticket).node, "b3");
}

}  // namespace
}  // namespace whistle::handlers::testing

namespace whistle::handlers::testing {
namespace {

// The demo's ladder with 3号楼 left without a leader.
constexpr std::string_view kBuildingWithoutLeader = R"(
[[node]]
id = "c1"
level = "community"
name = "锦华家园社区"
chats = ["generic:c1"]
leaders = ["generic:u-wang"]

[[node]]
id = "g1"
level = "grid"
parent = "c1"
name = "第一网格"
chats = ["generic:g1"]
leaders = ["generic:u-li"]

[[node]]
id = "b3"
level = "building"
parent = "g1"
name = "3号楼"
chats = ["generic:b3"]

[[node]]
id = "b3u2"
level = "unit"
parent = "b3"
name = "3号楼2单元"
chats = ["generic:b3u2"]
leaders = ["generic:u-chen"]

[[responder]]
id = "wuye"
name = "物业"
node = "c1"
chats = ["generic:wuye"]
members = ["generic:u-shifu"]

[[person]]
id = "generic:u-zhang"
name = "张三"
)";

TEST(TicketDeadlinesLadder, ALevelWithoutALeaderIsSkipped) {
  OwnCommunity community(config::parse_config(kBuildingWithoutLeader, "building-without-leader.toml"));
  const Services s = community.services();
  MadeTicket made = make_ticket(s, "b3u2", "utilities", kMonday0900);
  ASSERT_EQ(made.ticket.assignee_person, "generic:u-chen");

  const JobsRun run = community.run_jobs(kMonday0900 + 2 * kHour);
  EXPECT_TRUE(run.failures.empty());
  const store::Ticket now = reload(s, made.ticket);
  EXPECT_EQ(now.node, "g1");  // 3号楼 has nobody to tell: straight to the grid
  EXPECT_EQ(now.assignee_person, "generic:u-li");
  EXPECT_EQ(now.climbs, 1);
  EXPECT_EQ(to_chat(run.replies, "generic:@u-li").size(), 1u);
  EXPECT_EQ(to_chat(run.replies, "generic:g1").size(), 1u);
  EXPECT_TRUE(to_chat(run.replies, "generic:b3").empty());
}

}  // namespace
}  // namespace whistle::handlers::testing
