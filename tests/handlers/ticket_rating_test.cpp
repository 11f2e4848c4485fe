// 评价 / 回炉 / the rating deadline, on tickets made through the store (ticket_rating_support).

#include <gtest/gtest.h>

#include "handlers/ticket_flow.hpp"
#include "ticket_rating_support.hpp"

namespace whistle::handlers::testing {
namespace {

constexpr std::int64_t kDay = 24 * kHour;
// The ticket is resolved an hour after it was opened at kMonday0900; ratings come after that.
constexpr std::int64_t kLater = kMonday0900 + 3 * kHour;

const std::string kZhangPrivate = "generic:@u-zhang";

std::optional<store::TicketEvent> last_event(const std::vector<store::TicketEvent>& events,
                                             const std::string& kind) {
  std::optional<store::TicketEvent> found;
  for (const store::TicketEvent& event : events) {
    if (event.kind == kind) found = event;
  }
  return found;
}

class TicketRating : public TicketRatingTest {
 protected:
  std::vector<Reply> zhang_says(const std::string& line, std::int64_t at = kLater) {
    return say("b3u2", "u-zhang", "张三", read(line, at), at);
  }
  std::vector<Reply> zhang_says_privately(const std::string& line, std::int64_t at = kLater) {
    return say_privately("u-zhang", "张三", read(line, at), at);
  }
  std::string ref(const store::Ticket& ticket) { return "T" + std::to_string(ticket.number); }
};

TEST_F(TicketRating, SatisfiedClosesItAndThanksTheResolver) {
  const store::Ticket resolved = resolved_ticket();
  ASSERT_EQ(resolved.state, store::TicketState::resolved);
  const std::vector<Reply> replies = zhang_says("评价 " + ref(resolved) + " 满意");

  const store::Ticket now = ticket(resolved.id);
  EXPECT_EQ(now.state, store::TicketState::closed);
  EXPECT_EQ(now.outcome, store::TicketOutcome::satisfied);
  EXPECT_EQ(now.rating, 5);
  EXPECT_EQ(now.ratings, 1);
  EXPECT_EQ(now.reopened, 0);
  EXPECT_EQ(now.stage, resolved.stage + 1);
  EXPECT_EQ(now.closed_at, kLater);
  ASSERT_FALSE(replies.empty());
  EXPECT_EQ(replies.front().chat, "generic:b3u2");
  EXPECT_TRUE(told(replies, "generic:@u-chen", "【工单" + ref(resolved) + "】"));
}

// Ratings in the words old residents type or say (an exploratory run of how people type, stop 68): the
// score then thanks was asked again, the score then the why run on was 没看懂, WeChat's [强] the menu.
TEST_F(TicketRating, ARatingWordWithThanksAfterItOrItsWhyRunOnRates) {
  const std::vector<std::pair<std::string, int>> said = {{"满意满意谢谢", 5},
                                                         {"嗯满意满意谢谢你们啊", 5},
                                                         {"不太满意来了三次才修好", 2},
                                                         {"嗯还可以吧就是来得有点晚", 4}};
  for (const auto& [line, score] : said) {
    const store::Ticket resolved = resolved_ticket({.text = "楼道灯坏了", .in_private = true});
    zhang_says_privately(line);
    const store::Ticket rated = ticket(resolved.number);
    EXPECT_EQ(rated.rating, std::optional<int>(score)) << line;
    if (score <= 3) {
      EXPECT_NE(last_event(tickets_.events(rated.id), "rated")->note.value_or("").find("三次"),
                std::string::npos);
      // Reopened, it is done again for the next line.
      resolve(rated.id, *rated.assignee_person, kLater + kHour);
      zhang_says_privately("满意", kLater + 2 * kHour);
    }
  }
}

// Said to the bot in the group, "@吹哨 满意满意谢谢" was told to say 满意 (a review of stop 68); and
// neither a question of 满意度 nor a new trouble after a 满意 is a rating.
TEST_F(TicketRating, TheWordsThatRateRateInTheGroupToTheBotAndQuestionsDoNot) {
  const store::Ticket in_group = resolved_ticket({.text = "楼道灯坏了"});
  // Of something else, in the group: no rating of the lamp (the final read of stop 68).
  zhang_says("@吹哨 物业服务不满意");
  EXPECT_FALSE(ticket(in_group.number).rating.has_value());
  zhang_says("@吹哨 满意满意谢谢");
  EXPECT_EQ(ticket(in_group.number).rating, std::optional<int>(5));
  const store::Ticket in_private = resolved_ticket({.text = "楼道灯坏了", .in_private = true});
  for (const char* not_a_rating :
       {"满意度是多少", "满意了吧你们", "不太满意的是楼上装修太吵", "满意满意谢谢 对了楼下水管也漏了"})
    zhang_says_privately(not_a_rating);
  EXPECT_FALSE(ticket(in_private.number).rating.has_value());
  EXPECT_EQ(ticket(in_private.number).state, store::TicketState::resolved);
}

TEST_F(TicketRating, WechatsThumbsUpIsAskedForTheWordThatRates) {
  const store::Ticket resolved = resolved_ticket({.text = "楼道灯坏了", .in_private = true});
  Message thumbs;
  thumbs.chat = kZhangPrivate;
  thumbs.is_private = true;
  thumbs.sender = "generic:u-zhang";
  thumbs.sender_name = "张三";
  thumbs.text = "[强][强]";
  thumbs.at = kLater;
  store::Transaction transaction(db_);
  const std::vector<Reply> replies = dispatcher_.handle(thumbs, read(thumbs.text, kLater), kLater);
  transaction.commit();
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text, rendered("rate_answer_unclear",
                                      {{"mention", "@张三"}, {"ticket", std::to_string(resolved.number)}}));
  EXPECT_EQ(ticket(resolved.number).state, store::TicketState::resolved);
}

// Two tickets awaiting a rating: "灯修好了 满意" was asked which one, and so was the "不满意 原因" the
// bot's own question asked for (an exploratory run of residents' reports, 2026-12-06). Words that
// name one of them rate it; words that name neither or both are asked about.
TEST_F(TicketRating, WithSeveralWaitingTheWordsThatNameOneRateIt) {
  const store::Ticket lamp = resolved_ticket({.text = "3号楼2单元楼道灯坏了", .in_private = true});
  const store::Ticket door = resolved_ticket({.text = "单元门的门禁坏了 刷卡没反应", .in_private = true});

  zhang_says_privately("满意");
  EXPECT_EQ(ticket(lamp.id).state, store::TicketState::resolved);
  EXPECT_EQ(ticket(door.id).state, store::TicketState::resolved);

  zhang_says_privately("灯修好了 满意");
  EXPECT_EQ(ticket(lamp.id).outcome, store::TicketOutcome::satisfied);
  EXPECT_EQ(ticket(door.id).state, store::TicketState::resolved);
}

TEST_F(TicketRating, TheQuestionAboutOneOfSeveralNamesItsTicketAndItsAnswerRatesIt) {
  const store::Ticket lamp = resolved_ticket({.text = "3号楼2单元楼道灯坏了", .in_private = true});
  const store::Ticket door = resolved_ticket({.text = "单元门的门禁坏了 刷卡没反应", .in_private = true});
  const std::vector<Reply> asked = zhang_says_privately("门禁还是不行 刷了还是没反应");
  ASSERT_EQ(asked.size(), 1u);
  EXPECT_TRUE(asked[0].text.find("不满意 " + ref(door)) != std::string::npos) << asked[0].text;

  // Answered as it asks.
  zhang_says_privately("不满意 " + ref(door) + " 还是刷不开");
  EXPECT_EQ(ticket(door.id).reopened, 1);
  EXPECT_EQ(ticket(lamp.id).state, store::TicketState::resolved);
}

// A character shared by chance decides nothing: the 电 of 电工 closed the lift's ticket, the 天 of 三天
// reopened it (a review, 2026-12-06).
TEST_F(TicketRating, WordsThatShareOnlyACharacterWithATicketAreAskedAbout) {
  const store::Ticket lift = resolved_ticket({.text = "3号楼2单元电梯不动了 好几天了", .in_private = true});
  const store::Ticket lamp = resolved_ticket({.text = "3号楼2单元楼道灯不亮", .in_private = true});
  for (const char* line : {"满意 电工师傅很负责", "不满意 等了三天才来人"}) {
    zhang_says_privately(line);
    EXPECT_EQ(ticket(lift.id).state, store::TicketState::resolved) << line;
    EXPECT_EQ(ticket(lamp.id).state, store::TicketState::resolved) << line;
  }
}

TEST_F(TicketRating, ThreeStarsIsUnsatisfiedFourIsSatisfied) {
  const store::Ticket resolved = resolved_ticket();
  zhang_says("评价 " + ref(resolved) + " 4星");
  EXPECT_EQ(ticket(resolved.id).outcome, store::TicketOutcome::satisfied);
  EXPECT_EQ(ticket(resolved.id).rating, 4);

  const store::Ticket second = resolved_ticket({.text = "电梯异响"});
  zhang_says("评价 " + ref(second) + " 3星");
  EXPECT_EQ(ticket(second.id).state, store::TicketState::accepted);
  EXPECT_EQ(ticket(second.id).reopened, 1);
}

TEST_F(TicketRating, UnsatisfiedReopensToTheResolverWithTheWords) {
  // 陈单元长 gave it to 何大爷, who resolved it; the unit's leader hears of the 回炉.
  const store::Ticket resolved = resolved_ticket({}, "generic:u-he");
  const std::vector<Reply> replies = zhang_says("评价 " + ref(resolved) + " 2 还是不亮");

  const store::Ticket now = ticket(resolved.id);
  EXPECT_EQ(now.state, store::TicketState::accepted);
  EXPECT_EQ(now.outcome, store::TicketOutcome::none);
  EXPECT_EQ(now.assignee_person, "generic:u-he");
  EXPECT_EQ(now.reopened, 1);
  EXPECT_EQ(now.rating, 2);
  EXPECT_EQ(now.rating_note, "还是不亮");
  EXPECT_EQ(now.solve_from, kLater);  // the solve clock restarted
  EXPECT_GT(now.stage, resolved.stage);
  EXPECT_EQ(now.node, "b3u2");
  const std::optional<store::TicketEvent> reopened = last_event(tickets_.events(now.id), "reopened");
  ASSERT_TRUE(reopened.has_value());
  EXPECT_EQ(reopened->note, "还是不亮");
  EXPECT_TRUE(told(replies, "generic:@u-he", "还是不亮"));
  EXPECT_TRUE(told(replies, "generic:@u-chen", "还是不亮"));
  EXPECT_EQ(replies.front().chat, "generic:b3u2");
  EXPECT_NE(replies.front().text.find("【工单" + ref(resolved) + "】"), std::string::npos);
}

TEST_F(TicketRating, UnsatisfiedGoesBackToTheResponderThatHadIt) {
  const store::Ticket opened = open_ticket({});
  give_to_wuye(opened.id, kMonday0900 + 10 * 60);
  const store::Ticket resolved = resolve(opened.id, "generic:u-shifu", kMonday0900 + kHour);
  const std::vector<Reply> rated = zhang_says("评价 " + ref(resolved) + " 不满意 还是不亮");

  const store::Ticket now = ticket(resolved.id);
  EXPECT_EQ(now.state, store::TicketState::accepted);
  EXPECT_EQ(now.assignee_responder, "wuye");
  EXPECT_FALSE(now.assignee_person.has_value());
  EXPECT_EQ(now.reopened, 1);
  EXPECT_TRUE(told(rated, "generic:@u-shifu", "还是不亮"));
  // The responder's group hears it is back, not the resident's words: they may accuse a worker.
  EXPECT_TRUE(told(rated, "generic:wuye", ref(resolved)));
  EXPECT_FALSE(told(rated, "generic:wuye", "还是不亮"));
}

TEST_F(TicketRating, ReopenedTwiceWithLimitTwoClimbsOneLevel) {
  config_.rules.reopen_limit = 2;
  const store::Ticket first = resolved_ticket();
  zhang_says("评价 " + ref(first) + " 1 还是不亮");
  EXPECT_EQ(ticket(first.id).node, "b3u2");
  EXPECT_EQ(ticket(first.id).climbs, 0);

  resolve(first.id, "generic:u-chen", kLater + kHour, "换了灯泡");
  const std::vector<Reply> replies = zhang_says("评价 " + ref(first) + " 1 又坏了", kLater + 2 * kHour);

  const store::Ticket now = ticket(first.id);
  EXPECT_EQ(now.reopened, 2);
  EXPECT_EQ(now.climbs, 1);
  EXPECT_EQ(now.node, "b3");
  EXPECT_EQ(now.assignee_person, "generic:u-qian");
  EXPECT_TRUE(told(replies, "generic:@u-qian", "【工单" + ref(first) + "】"));
}

// A 1 tapped for a 5: said again as satisfied within half an hour, before anyone acted on the
// 回炉, the ticket closes satisfied and the 回炉 leaves the counts; whoever it was sent to hears it
// is void.
TEST_F(TicketRating, AMistakenReopenIsPutRightBySatisfiedSoonAfter) {
  const store::Ticket resolved = resolved_ticket({}, "generic:u-he");
  zhang_says_privately("评价 " + ref(resolved) + " 1");
  ASSERT_EQ(ticket(resolved.id).state, store::TicketState::accepted);

  const std::vector<Reply> replies = zhang_says_privately("点错了，应该是满意", kLater + 5 * 60);
  const store::Ticket now = ticket(resolved.id);
  EXPECT_EQ(now.state, store::TicketState::closed);
  EXPECT_EQ(now.outcome, store::TicketOutcome::satisfied);
  EXPECT_EQ(now.rating, 5);
  EXPECT_EQ(now.reopened, 0);
  EXPECT_EQ(now.ratings, 1);
  ASSERT_FALSE(replies.empty());
  EXPECT_EQ(replies.front().chat, kZhangPrivate);
  EXPECT_TRUE(told(replies, "generic:@u-he", ref(resolved)));    // the resolver stands down
  EXPECT_TRUE(told(replies, "generic:@u-chen", ref(resolved)));  // the leader told of the 回炉
  // The solve clock the 回炉 started is void: nothing reminds or climbs later.
  // (The month's 公示 falls in these 30 days; nothing about the ticket may.)
  for (const Reply& reply : run_jobs(kLater + 30 * kDay))
    EXPECT_EQ(reply.text.find("【工单" + ref(resolved) + "】"), std::string::npos) << reply.chat;
  EXPECT_EQ(ticket(resolved.id).climbs, 0);
  EXPECT_EQ(ticket(resolved.id).state, store::TicketState::closed);
}

TEST_F(TicketRating, ABareSatisfiedOrStarsAfterTheReopenPutItRight) {
  const store::Ticket first = resolved_ticket();
  zhang_says_privately("评价 " + ref(first) + " 不满意");
  zhang_says_privately("满意", kLater + 60);
  EXPECT_EQ(ticket(first.id).outcome, store::TicketOutcome::satisfied);

  const store::Ticket second = resolved_ticket({.text = "电梯异响"});
  zhang_says_privately("评价 " + ref(second) + " 2", kLater + 120);
  zhang_says_privately("五星", kLater + 180);
  EXPECT_EQ(ticket(second.id).outcome, store::TicketOutcome::satisfied);
  EXPECT_EQ(ticket(second.id).rating, 5);
}

TEST_F(TicketRating, AMistakeSaidWithoutAScoreIsAskedAbout) {
  const store::Ticket resolved = resolved_ticket();
  zhang_says_privately("评价 " + ref(resolved) + " 1");
  const std::vector<Reply> replies = zhang_says_privately("刚才点错了", kLater + 60);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(told(replies, kZhangPrivate, ref(resolved)));
  EXPECT_EQ(ticket(resolved.id).state, store::TicketState::accepted);
}

// Too late, or after someone acted on the 回炉: the rating stands, as the resident is told.
TEST_F(TicketRating, AReopenIsNotTakenBackLateNorAfterTheWorkMovedOn) {
  const store::Ticket late = resolved_ticket();
  zhang_says_privately("评价 " + ref(late) + " 1");
  zhang_says_privately("点错了 满意", kLater + 31 * 60);
  EXPECT_EQ(ticket(late.id).state, store::TicketState::accepted);
  EXPECT_EQ(ticket(late.id).reopened, 1);

  const store::Ticket moved = resolved_ticket({.text = "电梯异响"});
  zhang_says_privately("评价 " + ref(moved) + " 1", kLater + 32 * 60);
  resolve(moved.id, "generic:u-chen", kLater + 35 * 60, "又换了一次");
  zhang_says_privately("评价 " + ref(moved) + " 满意", kLater + 36 * 60);  // rates the new 办结
  EXPECT_EQ(ticket(moved.id).reopened, 1);
  EXPECT_EQ(ticket(moved.id).outcome, store::TicketOutcome::satisfied);
}

// A complaint is no correction, nor is an everyday answer to the bot's "已退回重新办理" (a final
// read, 2026-12-06: each closed the ticket satisfied).
TEST_F(TicketRating, AComplaintOrAPlainAnswerAfterTheReopenCorrectsNothing) {
  const store::Ticket resolved = resolved_ticket();
  zhang_says_privately("评价 " + ref(resolved) + " 1");
  zhang_says_privately("弄错了吧，我哪里满意了", kLater + 60);
  zhang_says_privately("还行", kLater + 120);
  zhang_says_privately("点错了？我哪里满意了", kLater + 180);
  EXPECT_EQ(ticket(resolved.id).state, store::TicketState::accepted);
  EXPECT_EQ(ticket(resolved.id).reopened, 1);
}

TEST_F(TicketRating, InAGroupTheCorrectionNeedsItsSatisfiedWord) {
  const store::Ticket resolved = resolved_ticket();
  zhang_says("评价 " + ref(resolved) + " 1");
  EXPECT_TRUE(zhang_says("点错了", kLater + 60).empty());  // anyone's, in a group
  EXPECT_EQ(ticket(resolved.id).state, store::TicketState::accepted);
  zhang_says("刚才按错了，是满意的", kLater + 120);
  EXPECT_EQ(ticket(resolved.id).outcome, store::TicketOutcome::satisfied);
}

TEST_F(TicketRating, WishPointsArePaidOnceToTheClaimer) {
  const store::Ticket opened = open_ticket({.kind = "wish", .text = "想要一本新华字典"});
  claim(opened.id, "generic:u-liu");
  const store::Ticket resolved = resolve(opened.id, "generic:u-liu", kMonday0900 + kHour, "已送到");
  const std::vector<Reply> replies = zhang_says("评价 " + ref(resolved) + " 满意");

  EXPECT_EQ(ledger_.balance("c1", "generic:u-liu"), config_.rules.wish_points);
  EXPECT_TRUE(told(replies, "generic:@u-liu", std::to_string(config_.rules.wish_points)));
  // Rated again: nothing more.
  zhang_says("评价 " + ref(resolved) + " 满意", kLater + kHour);
  zhang_says_privately("满意", kLater + 2 * kHour);
  EXPECT_EQ(ledger_.balance("c1", "generic:u-liu"), config_.rules.wish_points);
}

TEST_F(TicketRating, WishPointsAreNotPaidWhenUnsatisfied) {
  const store::Ticket opened = open_ticket({.kind = "wish", .text = "想要一本新华字典"});
  claim(opened.id, "generic:u-liu");
  const store::Ticket resolved = resolve(opened.id, "generic:u-liu", kMonday0900 + kHour, "已送到");
  zhang_says("评价 " + ref(resolved) + " 不满意 送错了");

  EXPECT_EQ(ledger_.balance("c1", "generic:u-liu"), 0);
  EXPECT_EQ(ticket(resolved.id).assignee_person, "generic:u-liu");
}

TEST_F(TicketRating, NoWishPointsConfiguredMeansNoEntry) {
  config_.rules.wish_points = 0;
  const store::Ticket opened = open_ticket({.kind = "wish", .text = "想要一本新华字典"});
  claim(opened.id, "generic:u-liu");
  const store::Ticket resolved = resolve(opened.id, "generic:u-liu", kMonday0900 + kHour, "已送到");
  zhang_says("评价 " + ref(resolved) + " 满意");
  EXPECT_EQ(ticket(resolved.id).outcome, store::TicketOutcome::satisfied);
  EXPECT_EQ(ledger_.digest("c1").entries, 0);
}

TEST_F(TicketRating, NotRatedWithinRateDaysClosesAsNotRated) {
  const store::Ticket resolved = resolved_ticket();
  const std::int64_t deadline = *resolved.resolved_at + config_.rules.rate_days * kDay;
  run_jobs(deadline - 60);
  EXPECT_EQ(ticket(resolved.id).state, store::TicketState::resolved);

  const std::vector<Reply> replies = run_jobs(deadline);
  const store::Ticket now = ticket(resolved.id);
  EXPECT_EQ(now.state, store::TicketState::closed);
  EXPECT_EQ(now.outcome, store::TicketOutcome::not_rated);
  EXPECT_FALSE(now.rating.has_value());
  EXPECT_EQ(now.closed_at, deadline);
  EXPECT_TRUE(told(replies, kZhangPrivate, "【工单" + ref(resolved) + "】"));

  // A late rating changes nothing and says why.
  const std::vector<Reply> late = zhang_says("评价 " + ref(resolved) + " 满意", deadline + kHour);
  EXPECT_EQ(ticket(resolved.id).outcome, store::TicketOutcome::not_rated);
  EXPECT_EQ(ticket(resolved.id).ratings, 0);
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late.front().text,
            rendered("rate_already_not_rated", {{"mention", "@张三"},
                                                {"ticket", std::to_string(resolved.number)},
                                                {"rate_days", std::to_string(config_.rules.rate_days)}}));
}

// A resolved ticket was silent for rate_days, then closed unrated (a wish's volunteer unpaid).
TEST_F(TicketRating, ADayBeforeItWouldCloseUnratedTheReporterIsAskedOnceMore) {
  const store::Ticket waiting = open_ticket({});
  const std::int64_t resolved_at = kMonday0900 + kHour;
  say("b3u2", "u-chen", "陈单元长", read("办结 " + ref(waiting) + " 换了灯泡", resolved_at), resolved_at);
  const std::int64_t remind_at = resolved_at + (config_.rules.rate_days - 1) * kDay;
  EXPECT_FALSE(told(run_jobs(remind_at - 60), kZhangPrivate, "【工单" + ref(waiting) + "】"));
  const std::vector<Reply> reminded = run_jobs(remind_at);
  EXPECT_TRUE(told(reminded, kZhangPrivate, "【工单" + ref(waiting) + "】"));
  EXPECT_EQ(ticket(waiting.id).state, store::TicketState::resolved);

  // Resolved late at night: the reminder waits for the morning, and still comes before the close.
  const store::Ticket night = open_ticket({.text = "门禁坏了"});
  const std::int64_t late = kMonday0900 + 14 * kHour + 30 * 60;  // 23:30
  say("b3u2", "u-chen", "陈单元长", read("办结 " + ref(night) + " 修好了", late), late);
  const std::int64_t morning = late + (config_.rules.rate_days - 1) * kDay + 8 * kHour;  // 07:30
  EXPECT_FALSE(told(run_jobs(late + (config_.rules.rate_days - 1) * kDay + kHour), kZhangPrivate,
                    "【工单" + ref(night) + "】"));
  EXPECT_TRUE(told(run_jobs(morning), kZhangPrivate, "【工单" + ref(night) + "】"));

  // Rated in time: no reminder.
  const store::Ticket rated = open_ticket({.text = "电梯异响"});
  say("b3u2", "u-chen", "陈单元长", read("办结 " + ref(rated) + " 修好了", resolved_at), resolved_at);
  zhang_says("评价 " + ref(rated) + " 满意", resolved_at + kHour);
  EXPECT_FALSE(told(run_jobs(remind_at + kHour), kZhangPrivate, "【工单" + ref(rated) + "】"));
}

TEST_F(TicketRating, RatedInTimeTheDeadlineDoesNothing) {
  const store::Ticket resolved = resolved_ticket();
  zhang_says("评价 " + ref(resolved) + " 满意");
  const std::vector<Reply> replies = run_jobs(*resolved.resolved_at + config_.rules.rate_days * kDay + 60);
  EXPECT_EQ(ticket(resolved.id).outcome, store::TicketOutcome::satisfied);
  EXPECT_FALSE(told(replies, kZhangPrivate));
}

TEST_F(TicketRating, ReopenedThenTheOldDeadlineDoesNotClose) {
  const store::Ticket resolved = resolved_ticket();
  zhang_says("评价 " + ref(resolved) + " 2 还是不亮");
  run_jobs(*resolved.resolved_at + config_.rules.rate_days * kDay + 60);
  EXPECT_NE(ticket(resolved.id).state, store::TicketState::closed);
}

TEST_F(TicketRating, BareSatisfiedInPrivateWithSeveralWaitingAsksWhich) {
  // A rating cannot be taken back: guessing the one resolved last once closed the wrong ticket.
  const store::Ticket older = open_ticket({.text = "楼道灯坏了", .in_private = true});
  const store::Ticket newer = open_ticket({.text = "电梯异响", .in_private = true});
  resolve(newer.id, "generic:u-chen", kMonday0900 + kHour);
  resolve(older.id, "generic:u-chen", kMonday0900 + 2 * kHour);

  const std::vector<Reply> replies = zhang_says_privately("满意");
  EXPECT_EQ(ticket(older.id).state, store::TicketState::resolved);
  EXPECT_EQ(ticket(newer.id).state, store::TicketState::resolved);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies.front().chat, kZhangPrivate);
  EXPECT_NE(replies.front().text.find(ref(older)), std::string::npos);
  EXPECT_NE(replies.front().text.find(ref(newer)), std::string::npos);

  // Named, it is rated, and the answer names the one still waiting.
  const std::vector<Reply> rated = zhang_says_privately("评价 " + ref(older) + " 满意", kLater + kHour);
  EXPECT_EQ(ticket(older.id).outcome, store::TicketOutcome::satisfied);
  ASSERT_FALSE(rated.empty());
  EXPECT_NE(rated.front().text.find(ref(newer)), std::string::npos);

  // One left waiting: a bare word now rates it.
  zhang_says_privately("不满意", kLater + 2 * kHour);
  EXPECT_EQ(ticket(newer.id).reopened, 1);
}

TEST_F(TicketRating, BareSatisfiedInPrivateWithNothingToRate) {
  const std::vector<Reply> replies = zhang_says_privately("满意");
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies.front().text, rendered("rate_nothing", {{"mention", "@张三"}}));
}

TEST_F(TicketRating, DaTheStarsRatesTheTicketAwaitingOne) {
  const store::Ticket resolved = resolved_ticket();
  // Not a bare score word: in the group it is meant for the bot even with no @.
  zhang_says("打4星");
  EXPECT_EQ(ticket(resolved.id).rating, 4);
  EXPECT_EQ(ticket(resolved.id).outcome, store::TicketOutcome::satisfied);
}

TEST_F(TicketRating, BareSatisfiedInAGroupWithOneTicketThereRatesIt) {
  const store::Ticket resolved = resolved_ticket();
  zhang_says("满意");
  EXPECT_EQ(ticket(resolved.id).outcome, store::TicketOutcome::satisfied);
}

TEST_F(TicketRating, BareSatisfiedInAGroupIsChatterOtherwise) {
  // Reported in private: a 满意 in the group is said to the neighbours.
  const store::Ticket in_private = resolved_ticket({.in_private = true});
  EXPECT_TRUE(zhang_says("满意").empty());
  EXPECT_EQ(ticket(in_private.id).state, store::TicketState::resolved);
  // Somebody with nothing to rate.
  EXPECT_TRUE(say("b3u2", "u-he", "何大爷", read("满意", kLater), kLater).empty());

  // Two from this group: not said to the bot, silence; said to the bot, it asks which.
  const store::Ticket one = resolved_ticket({.text = "电梯异响"});
  const store::Ticket two = resolved_ticket({.text = "门禁坏了"});
  EXPECT_TRUE(zhang_says("满意").empty());
  const std::vector<Reply> asked = say("b3u2", "u-zhang", "张三", read("满意", kLater), kLater, true);
  ASSERT_EQ(asked.size(), 1u);
  EXPECT_NE(asked.front().text.find(ref(one)), std::string::npos);
  EXPECT_NE(asked.front().text.find(ref(two)), std::string::npos);
  EXPECT_EQ(ticket(one.id).state, store::TicketState::resolved);
  EXPECT_EQ(ticket(two.id).state, store::TicketState::resolved);
}

TEST_F(TicketRating, PlainAnswersInPrivateRateTheTicketAwaitingOne) {
  const store::Ticket fine = resolved_ticket({.in_private = true});
  zhang_says_privately("还行吧");
  EXPECT_EQ(ticket(fine.id).rating, 4);
  EXPECT_EQ(ticket(fine.id).outcome, store::TicketOutcome::satisfied);

  const store::Ticket so_so = resolved_ticket({.text = "电梯异响", .in_private = true});
  zhang_says_privately("一般，就是来得慢", kLater + kHour);
  EXPECT_EQ(ticket(so_so.id).rating, 3);
  EXPECT_EQ(ticket(so_so.id).reopened, 1);  // 3 is not satisfied, as 3星 is not
  EXPECT_EQ(ticket(so_so.id).rating_note, "就是来得慢");
}

// As the elderly answer "请评价" (an exploratory run, 2026-12-05: each was 没看懂).
TEST_F(TicketRating, EverydayAnswersInPrivateRateTheTicketAwaitingOne) {
  const std::vector<std::pair<std::string, int>> answers{
      {"满意了", 5},
      {"满意。谢谢", 5},
      {"这次可以了，满意", 5},
      {"谢谢小张，老花镜很好用，满意", 5},
      {"太满意了", 5},
      {"满意满意", 5},
      {"挺好的谢谢", 4},
      {"不行 度数不对", 2},
      {"还行，但是灯还是不亮", 2},
      // Voice input: no commas, thanks in the same breath (an exploratory run, 2026-12-05).
      {"不满意还是漏水", 1},
      {"太慢了不满意", 1},
      {"非常满意非常感谢刘师傅", 5},
      {"不错", 4},
      {"満意", 5},
      {"我给5分", 5},
  };
  std::int64_t at = kLater;
  for (const auto& [answer, score] : answers) {
    const store::Ticket waiting = resolved_ticket({.text = "想要一副老花镜" + answer, .in_private = true});
    zhang_says_privately(answer, at);
    EXPECT_EQ(ticket(waiting.id).rating, score) << answer;
    EXPECT_EQ(ticket(waiting.id).ratings, 1) << answer;
    at += kHour;
  }
}

// "可以" answers many a question (the bot's own "要反映这个问题吗？"): alone it rates nothing.
TEST_F(TicketRating, APlainYesIsNoRating) {
  const store::Ticket waiting = resolved_ticket({.in_private = true});
  zhang_says_privately("可以", kLater);
  EXPECT_EQ(ticket(waiting.id).ratings, 0);
  EXPECT_EQ(ticket(waiting.id).state, store::TicketState::resolved);
}

// "修好了谢谢师傅" thanks for the work without a word of how it was: asked, not rated, and never
// offered as a new report about the lamp.
TEST_F(TicketRating, ThanksWithoutARatingWordIsAskedAbout) {
  const store::Ticket waiting = resolved_ticket({.in_private = true});
  for (const char* line :
       {"修好了谢谢师傅", "灯亮了谢谢你们", "师傅修得挺好的谢谢", "大米领到了 很好 谢谢"}) {
    const std::vector<Reply> replies = zhang_says_privately(line, kLater);
    ASSERT_EQ(replies.size(), 1u) << line;
    EXPECT_EQ(replies[0].text, rendered("rate_ask_if_satisfied", {{"ticket", std::to_string(waiting.number)},
                                                                  {"mention", "@张三"},
                                                                  {"text", waiting.text}}))
        << line;
    EXPECT_EQ(ticket(waiting.id).ratings, 0) << line;
    EXPECT_EQ(ticket(waiting.id).state, store::TicketState::resolved) << line;
  }
}

// "还是看不清" may be about the ticket or about anything else ("积分还没到账"); a rating cannot be
// taken back, so the resident is asked, and nothing is rated.
TEST_F(TicketRating, AComplaintWithoutARatingWordIsAskedAboutNotRated) {
  for (const char* line : {"还是看不清", "我上个月的积分还没到账", "电梯又坏了 老是这样不行"}) {
    const store::Ticket waiting =
        resolved_ticket({.text = std::string("想要一副老花镜") + line, .in_private = true});
    const std::vector<Reply> replies = zhang_says_privately(line);
    EXPECT_EQ(ticket(waiting.id).ratings, 0) << line;
    EXPECT_EQ(ticket(waiting.id).state, store::TicketState::resolved) << line;
    ASSERT_EQ(replies.size(), 1u) << line;
    EXPECT_TRUE(told(replies, kZhangPrivate, "【工单" + ref(waiting) + "】")) << line;
    zhang_says_privately("满意", kLater + kHour);  // settles it before the next line
  }
}

TEST_F(TicketRating, StarsOrPointsAloneInPrivateRateTheTicketAwaitingOne) {
  const store::Ticket first = resolved_ticket({.in_private = true});
  zhang_says_privately("★★★★★");
  EXPECT_EQ(ticket(first.id).rating, 5);
  const store::Ticket second = resolved_ticket({.text = "电梯异响", .in_private = true});
  zhang_says_privately("4分", kLater + kHour);
  EXPECT_EQ(ticket(second.id).rating, 4);
  const store::Ticket third = resolved_ticket({.text = "门禁坏了", .in_private = true});
  zhang_says_privately("五星好评", kLater + 2 * kHour);
  EXPECT_EQ(ticket(third.id).rating, 5);
}

TEST_F(TicketRating, PlainAnswersInAGroupAreTalkUnlessSaidToTheBot) {
  // One ticket from this group waits: 满意 alone would rate it, 一般 alone is just talk.
  const store::Ticket resolved = resolved_ticket();
  EXPECT_TRUE(zhang_says("一般").empty());
  EXPECT_TRUE(zhang_says("还行").empty());
  EXPECT_EQ(ticket(resolved.id).state, store::TicketState::resolved);
  say("b3u2", "u-zhang", "张三", read("还行", kLater), kLater, true);
  EXPECT_EQ(ticket(resolved.id).rating, 4);
}

TEST_F(TicketRating, ANumberTypedAgainstTheScoreWordIsTheTicket) {
  const store::Ticket resolved = resolved_ticket();
  zhang_says("评价" + std::to_string(resolved.number) + "满意");
  EXPECT_EQ(ticket(resolved.id).outcome, store::TicketOutcome::satisfied);
}

TEST_F(TicketRating, OnlyTheReporterMayRate) {
  const store::Ticket resolved = resolved_ticket();
  const std::vector<Reply> replies =
      say("b3u2", "u-he", "何大爷", read("评价 " + ref(resolved) + " 不满意", kLater), kLater);
  EXPECT_EQ(ticket(resolved.id).state, store::TicketState::resolved);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies.front().text, rendered("rate_not_reporter", {{"mention", "@何大爷"},
                                                                 {"ticket", std::to_string(resolved.number)},
                                                                 {"name", "张三"}}));
}

TEST_F(TicketRating, APrivateReporterIsNotNamedInTheRefusal) {
  const store::Ticket resolved = resolved_ticket({.in_private = true});
  const std::vector<Reply> replies =
      say("b3u2", "u-he", "何大爷", read("评价 " + ref(resolved) + " 满意", kLater), kLater);
  EXPECT_EQ(ticket(resolved.id).state, store::TicketState::resolved);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies.front().text.find("张三"), std::string::npos);
}

TEST_F(TicketRating, RatingATicketStillBeingWorkedOn) {
  const store::Ticket opened = open_ticket({});
  const std::vector<Reply> replies = zhang_says("评价 " + ref(opened) + " 满意");
  EXPECT_EQ(ticket(opened.id).state, store::TicketState::assigned);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies.front().text,
            rendered("rate_not_resolved", {{"mention", "@张三"}, {"ticket", std::to_string(opened.number)}}));
}

TEST_F(TicketRating, RatingATicketClosedUnresolvedSaysWhy) {
  const store::Ticket opened = open_ticket({});
  {
    store::Transaction transaction(db_);
    store::Ticket closed = *tickets_.by_id(opened.id);
    closed.state = store::TicketState::closed;
    closed.outcome = store::TicketOutcome::unresolved;
    closed.close_reason = "重复";
    closed.closed_at = kMonday0900 + kHour;
    tickets_.save(closed);
    transaction.commit();
  }
  const std::vector<Reply> replies = zhang_says("评价 " + ref(opened) + " 不满意");
  EXPECT_EQ(ticket(opened.id).outcome, store::TicketOutcome::unresolved);
  EXPECT_EQ(ticket(opened.id).reopened, 0);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_NE(replies.front().text.find("重复"), std::string::npos);
}

TEST_F(TicketRating, BareUnsatisfiedInAGroupWithOneTicketThereReopensIt) {
  const store::Ticket resolved = resolved_ticket();
  const std::vector<Reply> replies = zhang_says("不满意，还是不亮");
  EXPECT_EQ(ticket(resolved.id).reopened, 1);
  EXPECT_EQ(ticket(resolved.id).rating_note, "还是不亮");
  EXPECT_TRUE(told(replies, "generic:@u-chen", "还是不亮"));
}

TEST_F(TicketRating, AScoreOutOfRangeIsAskedAgain) {
  const store::Ticket resolved = resolved_ticket();
  const std::vector<Reply> replies = zhang_says("评价 " + ref(resolved) + " 9");
  EXPECT_EQ(ticket(resolved.id).state, store::TicketState::resolved);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(
      replies.front().text,
      rendered("rate_score_needed", {{"mention", "@张三"}, {"ticket", std::to_string(resolved.number)}}));
}

TEST_F(TicketRating, TraditionalChineseRates) {
  const store::Ticket resolved = resolved_ticket();
  zhang_says("評價 " + ref(resolved) + " 滿意");
  EXPECT_EQ(ticket(resolved.id).outcome, store::TicketOutcome::satisfied);

  const store::Ticket second = resolved_ticket({.text = "電梯異響", .in_private = true});
  zhang_says_privately("不滿意", kLater + kHour);
  EXPECT_EQ(ticket(second.id).reopened, 1);
}

}  // namespace
}  // namespace whistle::handlers::testing
