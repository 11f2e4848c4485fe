// The bot's kept questions in the writer's memory (docs/hot_state.md): the hashes of the
// (chat, person) pairs that may have one. A pair whose hash is absent has none, so the set must
// never lack a pair whose row is on disk — after another connection's write, or a rollback — and is
// read again only once its bound's worth of hashes was added.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "hot_state_fixture.hpp"
#include "store/database.hpp"
#include "store/statement_trace.hpp"
#include "store/tickets.hpp"

namespace whistle::store {
namespace {

// The kept questions are known by the hashes of their (chat, person) pairs, read once: a pair not
// among them has none. A question kept by another connection, or brought back by a rollback, is
// among them again at the next look.
TEST_F(HotStateTest, AQuestionKeptElsewhereOrRolledBackIsNotHiddenByTheHashesRead) {
  TicketRepository tickets(db_);
  const ReportOffer offer{"offer:report", "马桶堵了", 5, ""};
  ASSERT_FALSE(tickets.offer_to("generic:@u-p", "generic:u-p"));  // the hashes read: none kept
  {
    Database other(DatabaseOptions{.path = file_.path()});
    Transaction transaction(other);
    TicketRepository(other).keep_offer("generic:@u-p", "generic:u-p", offer, 0);
    transaction.commit();
  }
  {
    Transaction transaction(db_);
    EXPECT_TRUE(tickets.offer_to("generic:@u-p", "generic:u-p"));
  }
  {
    Database other(DatabaseOptions{.path = file_.path()});
    TicketRepository(other).keep_offer("generic:@u-q", "generic:u-q", offer, 0);
  }
  EXPECT_TRUE(tickets.offer_to("generic:@u-q", "generic:u-q"));  // outside a transaction too

  // A delete undone: the hashes read after it, inside the transaction, lack the pair.
  db_.drop_hot_state();
  {
    Transaction transaction(db_);
    tickets.drop_offer("generic:@u-p", "generic:u-p");
    ASSERT_FALSE(tickets.offer_to("generic:@u-r", "generic:u-r"));
  }
  EXPECT_TRUE(tickets.offer_to("generic:@u-p", "generic:u-p"));
  // Undone by a savepoint, the transaction going on.
  Transaction transaction(db_);
  {
    Savepoint savepoint(db_);
    tickets.drop_offer("generic:@u-q", "generic:u-q");
    db_.drop_hot_state();
    ASSERT_FALSE(tickets.offer_to("generic:@u-r", "generic:u-r"));
  }
  EXPECT_TRUE(tickets.offer_to("generic:@u-q", "generic:u-q"));
}

// The bound counts the hashes added since the set was read (questions kept since, stale once their
// rows go), not the rows read: a table with more live questions than the bound is not read again
// at every batch.
TEST_F(HotStateTest, TheKeptQuestionsHashesAreReadAgainOnlyOnceTheBoundsWorthWasAdded) {
  Database db(DatabaseOptions{.path = file_.path(), .hot_state_bounds = {.report_offer_keys = 2}});
  TicketRepository tickets(db);
  const auto keep = [&](const std::string& who) {
    Transaction transaction(db);
    tickets.keep_offer("generic:@" + who, "generic:" + who, ReportOffer{"offer:report", "漏水", 5, ""}, 0);
    transaction.commit();
  };
  for (const char* who : {"u-1", "u-2", "u-3", "u-4", "u-5"})
    keep(who);
  db.drop_hot_state();
  const auto reads_of_the_keys = [&] {
    StatementTrace trace(db);
    Transaction transaction(db);  // its BEGIN trims
    EXPECT_FALSE(tickets.offer_to("generic:@u-9", "generic:u-9"));
    transaction.commit();  // a rollback would drop the set
    return std::count_if(trace.statements().begin(), trace.statements().end(), [](const std::string& sql) {
      return sql.starts_with("SELECT chat, person_id FROM report_offers");
    });
  };
  EXPECT_EQ(reads_of_the_keys(), 1);  // five live questions read: more than the bound
  EXPECT_EQ(reads_of_the_keys(), 0);
  keep("u-6");
  keep("u-7");
  EXPECT_EQ(reads_of_the_keys(), 0);  // two added: the bound's worth, not past it
  keep("u-8");
  EXPECT_EQ(reads_of_the_keys(), 1);
  EXPECT_TRUE(tickets.offer_to("generic:@u-8", "generic:u-8"));
}

}  // namespace
}  // namespace whistle::store
