#include "store/attendance.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include "store/database.hpp"

namespace whistle::store {
namespace {

class AttendanceRows : public ::testing::Test {
 protected:
  AttendanceRows() {
    db.raw().exec("INSERT INTO org_nodes (id, community_id, level, name) VALUES ('c1', 'c1', 0, 'c')");
    db.raw().exec(
        "INSERT INTO people (id, created_at, updated_at) VALUES ('generic:a', 0, 0), ('generic:b', 0, 0)");
    db.raw().exec(
        "INSERT INTO tasks (id, community_id, number, node_id, chat_id, creator_id, title, created_at) "
        "VALUES (1, 'c1', 1, 'c1', 'generic:c1', 'generic:a', 't', 0)");
  }
  Database db{DatabaseOptions{.path = ":memory:"}};
  AttendanceRepository attendance{db};
};

TEST_F(AttendanceRows, CheckInAndOutKeepTheirOwnTimesAndPlaces) {
  attendance.check_in(1, "generic:a", "c1", "c1", 100, GeoPoint{30.5, 104.0});
  attendance.check_in(1, "generic:a", "c1", "c1", 150, GeoPoint{1, 1});  // a repeat keeps the first
  attendance.check_out(1, "generic:a", 200, GeoPoint{30.6, 104.1});
  const auto row = attendance.find(1, "generic:a");
  ASSERT_TRUE(row);
  EXPECT_EQ(row->checked_in_at, 100);
  EXPECT_EQ(row->checked_out_at, 200);
  ASSERT_TRUE(row->in_place && row->out_place);
  EXPECT_DOUBLE_EQ(row->in_place->lat, 30.5);
  EXPECT_DOUBLE_EQ(row->out_place->lon, 104.1);
  EXPECT_FALSE(row->outcome);
}

TEST_F(AttendanceRows, SettlingWithoutACheckInCreatesTheRow) {
  attendance.settle(1, "generic:b", "c1", "c1", AttendanceOutcome::no_show, std::nullopt, 0, 300);
  attendance.check_in(1, "generic:a", "c1", "c1", 100, std::nullopt);
  attendance.flag(1, "generic:a", std::string("short_stay"));
  const auto rows = attendance.of_task(1);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].person, "generic:a") << "checked-in rows first";
  EXPECT_EQ(rows[0].flagged, "short_stay");
  EXPECT_EQ(rows[1].outcome, AttendanceOutcome::no_show);
  EXPECT_FALSE(rows[1].settled_by);
}

}  // namespace
}  // namespace whistle::store
