#include "handler_fixture.hpp"

#include "handlers/language/parser.hpp"

namespace whistle::handlers::testing {

Command whistle_command(const std::string& title, std::optional<int> places,
                        std::optional<std::int64_t> start, std::optional<std::int64_t> end,
                        std::optional<int> points) {
  Command command;
  command.intent = Intent::whistle;
  command.title = title;
  command.count = places;
  command.start = start;
  command.end = end;
  command.points = points;
  command.text = title;
  return command;
}

Command task_command(Intent intent, std::optional<std::int64_t> task) {
  Command command;
  command.intent = intent;
  command.task = task;
  return command;
}

Command implicit_report_in(const std::string& text, std::optional<std::string> title) {
  Command command;
  command.intent = Intent::report_in;
  command.implicit = true;
  command.text = text;
  command.title = std::move(title);
  return command;
}

Command unknown_line(const std::string& text, bool addressed) {
  Command command;
  command.intent = Intent::unknown;
  command.text = text;
  command.addressed = addressed;
  return command;
}

namespace {

store::DatabaseOptions in_memory() {
  store::DatabaseOptions options;
  options.path = ":memory:";
  return options;
}

}  // namespace

HandlerTest::HandlerTest()
    : db_(in_memory()),
      config_(config::demo_config()),
      templates_(config::Templates::builtin("zh-CN")),
      dispatcher_(db_, config_, templates_) {
  store::Transaction transaction(db_);
  dispatcher_.sync_org();
  transaction.commit();
}

std::vector<Reply> HandlerTest::say(const std::string& chat, const std::string& sender,
                                    const std::string& name, const Command& command, std::int64_t at,
                                    bool mentions_bot) {
  Message message;
  message.chat = qualified(chat);
  message.sender = qualified(sender);
  message.sender_name = name;
  message.text = command.text;
  message.mentions_bot = mentions_bot;
  message.at = at;
  store::Transaction transaction(db_);
  std::vector<Reply> replies = dispatcher_.handle(message, command, at);
  transaction.commit();
  return replies;
}

std::vector<Reply> HandlerTest::say_privately(const std::string& sender, const std::string& name,
                                              const Command& command, std::int64_t at) {
  Message message;
  message.chat = private_chat_of(qualified(sender));
  message.is_private = true;
  message.sender = qualified(sender);
  message.sender_name = name;
  message.text = command.text;
  message.at = at;
  store::Transaction transaction(db_);
  std::vector<Reply> replies = dispatcher_.handle(message, command, at);
  transaction.commit();
  return replies;
}

Command HandlerTest::read(const std::string& line, std::int64_t at) const {
  language::ParseContext context;
  context.now = at;
  context.utc_offset_seconds = config_.locale.utc_offset_seconds;
  context.place_names = dispatcher_.place_names();
  return language::parse_command(line, context);
}

std::string HandlerTest::rendered(std::string_view key,
                                  const std::vector<std::pair<std::string_view, std::string>>& values) const {
  return templates_.render(key, values);
}

std::vector<Reply> HandlerTest::run_jobs(std::int64_t now) {
  store::Transaction transaction(db_);
  JobsRun run = dispatcher_.run_due_jobs(now);
  transaction.commit();
  // A job that throws is undone and retried by design; in a test it is a bug to see at once.
  for (const JobsRun::Failure& failure : run.failures) {
    ADD_FAILURE() << "job " << failure.job << " (" << failure.kind << ") failed: " << failure.error;
  }
  return run.replies;
}

std::int64_t HandlerTest::whistle_in_b3u2(const std::string& title, std::optional<int> places,
                                          std::optional<std::int64_t> start) {
  const std::optional<std::int64_t> end =
      start ? std::optional<std::int64_t>(*start + 2 * kHour) : std::nullopt;
  const std::vector<Reply> replies =
      say("b3u2", "u-chen", "陈单元长", whistle_command(title, places, start, end, 10));
  EXPECT_FALSE(replies.empty());
  const std::vector<store::Task> open = tasks_.open_in_chat(qualified("b3u2"));
  EXPECT_FALSE(open.empty());
  return open.empty() ? 0 : open.back().number;
}

store::Task HandlerTest::task(std::int64_t number) {
  std::optional<store::Task> found = tasks_.by_number("c1", number);
  EXPECT_TRUE(found.has_value()) << "no task #" << number;
  return found.value_or(store::Task{});
}

store::Ticket HandlerTest::ticket(std::int64_t number) {
  std::optional<store::Ticket> found = tickets_.by_number("c1", number);
  EXPECT_TRUE(found.has_value()) << "no ticket T" << number;
  return found.value_or(store::Ticket{});
}

std::optional<store::SignupState> HandlerTest::signup_state(std::int64_t number, const std::string& person) {
  const std::optional<store::Signup> signup = signups_.find(task(number).id, qualified(person));
  if (!signup) return std::nullopt;
  return signup->state;
}

std::vector<std::string> chats_of(const std::vector<Reply>& replies) {
  std::vector<std::string> chats;
  for (const Reply& reply : replies) {
    chats.push_back(reply.chat);
  }
  return chats;
}

}  // namespace whistle::handlers::testing
