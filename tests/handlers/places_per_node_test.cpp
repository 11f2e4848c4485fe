#include <gtest/gtest.h>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

// "每单元1人 下发": the places are each unit's, not one pool. In a campaign sent to every unit, one
// unit's volunteers took three of four places while the others' found it full (an exploratory run
// of a campaign, 2026-12-06).
class PlacesPerNode : public HandlerTest {
 protected:
  // 王书记 whistles for the whole community, one place for each of its four units.
  void whistle_one_per_unit() {
    say("c1", "u-wang", "王书记", read("吹哨 垃圾分类督导 每单元1人 周六上午9点 2小时 5分 下发"));
  }
  int signed_up() { return signups_.count(task(1).id, store::SignupState::signed_up); }
};

TEST_F(PlacesPerNode, TheTaskKeepsItsCountForEachUnitBesideTheirSum) {
  whistle_one_per_unit();
  ASSERT_TRUE(task(1).per_node.has_value());
  EXPECT_EQ(task(1).per_node->level, 3);
  EXPECT_EQ(task(1).per_node->each, 1);
  EXPECT_EQ(task(1).places, 4);
}

TEST_F(PlacesPerNode, AUnitWhosePlaceIsTakenWaitsWhileAnotherUnitStillFindsItsOwn) {
  whistle_one_per_unit();
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  say("b3u2", "u-lisi", "李四", read("1"));
  say("b3u2", "u-wangwu", "王五", read("报名"));
  EXPECT_EQ(signup_state(1, "u-zhang"), store::SignupState::signed_up);
  EXPECT_EQ(signup_state(1, "u-lisi"), store::SignupState::waitlisted);
  EXPECT_EQ(signup_state(1, "u-wangwu"), store::SignupState::waitlisted);

  const std::vector<Reply> other = say("b3u1", "u-zhao6", "赵六", read("报到 1"));
  EXPECT_EQ(signup_state(1, "u-zhao6"), store::SignupState::signed_up);
  EXPECT_EQ(signed_up(), 2);
  ASSERT_EQ(other.size(), 1u);
  EXPECT_EQ(other[0].chat, "generic:b3u1");
  EXPECT_NE(other[0].text.find("3号楼1单元"), std::string::npos) << other[0].text;
}

TEST_F(PlacesPerNode, APlaceFreedGoesToTheFirstWaitingForThatUnit) {
  whistle_one_per_unit();
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  say("b3u1", "u-zhao6", "赵六", read("报到 1"));
  say("b3u1", "u-sun7", "孙七", read("报到 1"));  // waits for 3号楼1单元's place
  say("b3u2", "u-lisi", "李四", read("报到 1"));  // waits for 3号楼2单元's

  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", read("取消报到 1"));
  EXPECT_EQ(signup_state(1, "u-lisi"), store::SignupState::signed_up);
  EXPECT_EQ(signup_state(1, "u-sun7"), store::SignupState::waitlisted);
  bool told = false;
  for (const Reply& reply : replies)
    told = told || reply.chat == private_chat_of(qualified("u-lisi"));
  EXPECT_TRUE(told);
}

TEST_F(PlacesPerNode, SomeoneOfNoUnitHoldsNoPlaceAndIsToldWhichUnitsHaveOne) {
  whistle_one_per_unit();
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  const std::vector<Reply> replies = say("c1", "u-new", "新来的", read("报到 1"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].chat, "generic:c1");
  EXPECT_FALSE(signup_state(1, "u-new").has_value());
  EXPECT_EQ(signed_up(), 1);
  // Not "report in from your unit's group", which looped for a building's leader (a review,
  // 2026-12-06): the units with a place free are named, and the full one is not.
  EXPECT_NE(replies[0].text.find("3号楼1单元"), std::string::npos) << replies[0].text;
  EXPECT_EQ(replies[0].text.find("3号楼2单元"), std::string::npos) << replies[0].text;
}

// 修改 1 每单元1人 on a pooled task: someone waiting with no unit waited for ever while places were
// free (a review, 2026-12-06). Placed by their roles, or taken off the waitlist and told.
TEST_F(PlacesPerNode, CountingPerUnitAfterwardsPlacesOrReleasesThoseWaitingWithNoUnit) {
  say("b3u1", "u-feng", "冯单元长", read("吹哨 清理楼道 3人 周日上午9点"));
  say("b3u1", "u-zhao6", "赵六", read("报到 1"));  // 赵六 is of 3号楼1单元 from now on
  say("g1", "u-li", "李网格长", read("吹哨 清理车棚 1人 周六上午9点 5分"));
  say("b3u2", "u-zhang", "张三", read("报到 2"));
  say("g1", "u-wang", "王书记", read("报到 2"));  // waits, of no unit
  say("g1", "u-zhao6", "赵六", read("报到 2"));   // waits, said in the grid's group
  const std::vector<Reply> replies = say("g1", "u-li", "李网格长", read("修改 2 每单元1人"));

  EXPECT_EQ(signup_state(2, "u-zhao6"), store::SignupState::signed_up);
  EXPECT_EQ(signups_.find(task(2).id, qualified("u-zhao6"))->node, "b3u1");
  EXPECT_EQ(signup_state(2, "u-wang"), store::SignupState::withdrawn);
  bool told = false;
  for (const Reply& reply : replies)
    told = told || reply.chat == private_chat_of(qualified("u-wang"));
  EXPECT_TRUE(told);
}

TEST_F(PlacesPerNode, SaidInTheCommunitysGroupThePlaceIsOfTheUnitThePersonBelongsTo) {
  // 张三 became a volunteer of 3号楼1单元 by reporting in there before.
  say("b3u1", "u-feng", "冯单元长", read("吹哨 清理楼道 3人 周日上午9点"));
  say("b3u1", "u-zhang", "张三", read("报到 1"));
  say("c1", "u-wang", "王书记", read("吹哨 垃圾分类督导 每单元1人 周六上午9点 2小时 5分 下发"));

  say("c1", "u-zhang", "张三", read("报到 2"));
  const std::optional<store::Signup> signup = signups_.find(task(2).id, qualified("u-zhang"));
  ASSERT_TRUE(signup.has_value());
  EXPECT_EQ(signup->state, store::SignupState::signed_up);
  EXPECT_EQ(signup->node, "b3u1");
  // The unit's place is his: the next from 3号楼1单元 waits.
  say("b3u1", "u-zhao6", "赵六", read("报到 2"));
  EXPECT_EQ(signup_state(2, "u-zhao6"), store::SignupState::waitlisted);
}

TEST_F(PlacesPerNode, MorePlacesForEachUnitMoveUpThoseWaitingForTheirUnits) {
  whistle_one_per_unit();
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  say("b3u2", "u-lisi", "李四", read("报到 1"));
  say("b3u2", "u-wangwu", "王五", read("报到 1"));

  say("c1", "u-wang", "王书记", read("修改 1 每单元2人"));
  EXPECT_EQ(task(1).places, 8);
  ASSERT_TRUE(task(1).per_node.has_value());
  EXPECT_EQ(task(1).per_node->each, 2);
  EXPECT_EQ(signup_state(1, "u-lisi"), store::SignupState::signed_up);
  EXPECT_EQ(signup_state(1, "u-wangwu"), store::SignupState::waitlisted);

  // Back to one each: the later of the unit's two waits again, first in its line.
  say("c1", "u-wang", "王书记", read("修改 1 每单元1人"));
  EXPECT_EQ(signup_state(1, "u-zhang"), store::SignupState::signed_up);
  EXPECT_EQ(signup_state(1, "u-lisi"), store::SignupState::waitlisted);
  EXPECT_EQ(signups_.waitlist_position(task(1).id, qualified("u-lisi")), 1);
}

TEST_F(PlacesPerNode, APlainCountAfterwardsMakesThePlacesOnePool) {
  whistle_one_per_unit();
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  say("b3u2", "u-lisi", "李四", read("报到 1"));
  say("c1", "u-wang", "王书记", read("修改 1 人数 6人"));
  EXPECT_EQ(task(1).places, 6);
  EXPECT_FALSE(task(1).per_node.has_value());
  EXPECT_EQ(signup_state(1, "u-lisi"), store::SignupState::signed_up);
}

// 修改 1 每单元1人 on a pooled task held by people of no unit: 已满（3/2）, with a unit's volunteer left
// waiting (the final read, 2026-12-06). The places are the units' now: theirs are given up.
TEST_F(PlacesPerNode, PlacesHeldByPeopleOfNoUnitGoBackToTheUnitsWhenTheyAreCounted) {
  say("b3", "u-qian", "钱楼栋长", read("吹哨 清理车棚 2人 周六上午9点 5分"));
  say("b3", "u-wang", "王书记", read("报到 1"));   // of no unit
  say("b3", "u-li", "李网格长", read("报到 1"));   // of no unit
  say("b3u1", "u-zhao6", "赵六", read("报到 1"));  // waits
  const std::vector<Reply> replies = say("b3", "u-qian", "钱楼栋长", read("修改 1 每单元1人"));
  EXPECT_EQ(task(1).places, 2);
  EXPECT_LE(signed_up(), 2);
  EXPECT_EQ(signup_state(1, "u-zhao6"), store::SignupState::signed_up);
  EXPECT_EQ(signup_state(1, "u-wang"), store::SignupState::withdrawn);
  EXPECT_EQ(signup_state(1, "u-li"), store::SignupState::withdrawn);
  bool told = false;
  for (const Reply& reply : replies)
    told = told || reply.chat == private_chat_of(qualified("u-li"));
  EXPECT_TRUE(told);
}

// "修改 1 延长1小时 每单元2人" pooled the places (the final read, 2026-12-06).
TEST_F(PlacesPerNode, AnEditThatAlsoMovesTheTimeKeepsTheCountPerUnit) {
  whistle_one_per_unit();
  say("c1", "u-wang", "王书记", read("修改 1 推迟1小时 每单元2人"));
  ASSERT_TRUE(task(1).per_node.has_value());
  EXPECT_EQ(task(1).per_node->each, 2);
  EXPECT_EQ(task(1).places, 8);
}

}  // namespace
}  // namespace whistle::handlers::testing
