// The network thread reads each event's command once the writer has published the parser's
// context (its place names come from the store), reading the line as the writer would: the same
// places, the message's own time. Before the context exists it reads nothing and leaves the line
// to the writer, which acts on a command it is given rather than reading the text again.
#include "bot/command_reader.hpp"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "bot/event_processor.hpp"
#include "store/signups.hpp"
#include "store/tasks.hpp"
#include "tests/bot/event_fixture.hpp"

namespace whistle::bot {
namespace {

using test_events::kMonday0900;
using test_events::webhook_event;

language::ParseContext context_with_places(std::vector<std::string> places) {
  language::ParseContext context;
  context.now = 0;  // the publisher's time means nothing: each event brings its own
  context.place_names = language::PlaceNames(places);
  return context;
}

TEST(CommandReader, ReadsNothingBeforeTheWriterPublishesItsContext) {
  CommandReader reader;
  InboundEvent event = webhook_event("e-1", "b3u2", "u-zhang", "张三", "报到 1");
  reader.read(event);
  EXPECT_FALSE(event.command.has_value());
}

TEST(CommandReader, ReadsTheLineWithThePublishedPlacesAndTheMessagesTime) {
  CommandReader reader;
  reader.publish(context_with_places({"阳光花园"}));
  InboundEvent event =
      webhook_event("e-1", "b3u2", "u-chen", "陈单元长", "吹哨 阳光花园 明天上午9点 打扫楼道 5人");
  reader.read(event);

  ASSERT_TRUE(event.command.has_value());
  EXPECT_EQ(event.command->intent, language::Intent::whistle);
  EXPECT_EQ(event.command->place, "阳光花园");  // a name only the published context knows
  language::ParseContext writers = context_with_places({"阳光花园"});
  writers.now = kMonday0900;
  const language::Command expected = language::parse_command(event.message.text, writers);
  EXPECT_EQ(event.command->start, expected.start);  // "明天" of the message's day
  EXPECT_EQ(event.command->count, expected.count);
  EXPECT_EQ(event.command->title, expected.title);
}

TEST(CommandReader, ANewContextIsUsedFromItsPublicationOn) {
  CommandReader reader;
  reader.publish(context_with_places({}));
  InboundEvent before = webhook_event("e-1", "b3u2", "u-chen", "陈单元长", "吹哨 阳光花园 打扫楼道 5人");
  reader.read(before);
  ASSERT_TRUE(before.command.has_value());
  EXPECT_NE(before.command->place, "阳光花园");

  reader.publish(context_with_places({"阳光花园"}));
  InboundEvent after = webhook_event("e-2", "b3u2", "u-chen", "陈单元长", "吹哨 阳光花园 打扫楼道 5人");
  std::thread network([&reader, &after] { reader.read(after); });  // another thread than the writer's
  network.join();
  ASSERT_TRUE(after.command.has_value());
  EXPECT_EQ(after.command->place, "阳光花园");
}

TEST(CommandReader, TheWriterPublishesOnItsFirstBatchAndActsOnACommandAlreadyRead) {
  CommandReader reader;
  EventProcessorOptions options;
  options.command_reader = &reader;
  test_events::DemoWriter writer{options};
  InboundEvent first =
      webhook_event("w-1", "b3u2", "u-chen", "陈单元长", "吹哨 打扫楼道 5人 周六上午9点 2小时");
  reader.read(first);
  EXPECT_FALSE(first.command.has_value());  // nothing published yet: the writer reads it
  ASSERT_EQ(writer.processor.apply({&first, 1}).front().status, EventOutcome::Status::applied);
  ASSERT_TRUE(store::TaskRepository(writer.db).by_number("c1", 1));

  // Published now, with the demo org's names: a named node is read as a place here as on the writer.
  InboundEvent named = webhook_event("e-2", "b3u2", "u-chen", "陈单元长", "吹哨 锦华家园社区 打扫楼道 5人");
  reader.read(named);
  ASSERT_TRUE(named.command.has_value());
  EXPECT_EQ(named.command->place, "锦华家园社区");
  language::ParseContext without_places;
  without_places.now = kMonday0900;
  EXPECT_NE(language::parse_command(named.message.text, without_places).place,
            "锦华家园社区");  // without the org's names it is not

  // A command already read is what the writer acts on: the text is not read a second time.
  InboundEvent report_in = webhook_event("e-3", "b3u2", "u-zhang", "张三", "今天天气不错");
  report_in.command = language::parse_command("报到 1", without_places);
  const std::vector<EventOutcome> outcomes = writer.processor.apply({&report_in, 1});
  ASSERT_EQ(outcomes.front().status, EventOutcome::Status::applied);
  const std::optional<store::Task> task = store::TaskRepository(writer.db).by_number("c1", 1);
  EXPECT_EQ(outcomes.front().inline_replies.size(), 1u);
  EXPECT_TRUE(store::SignupRepository(writer.db).find(task->id, "generic:u-zhang").has_value());
}

}  // namespace
}  // namespace whistle::bot
