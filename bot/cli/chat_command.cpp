#include <chrono>
#include <iostream>
#include <string>

#include "bot/cli/arguments.hpp"
#include "bot/cli/commands.hpp"
#include "bot/cli/config_source.hpp"
#include "bot/cli/simulator.hpp"
#include "bot/clock.hpp"
#include "handlers/language/command_json.hpp"
#include "store/writer_lock.hpp"

namespace whistle::bot {

namespace {

void print_message(const nlohmann::json& message, const std::string& own_chat) {
  const std::string chat = message["chat"].get<std::string>();
  std::string mentions;
  for (const nlohmann::json& m : message["mentions"])
    mentions += " @" + m.get<std::string>();
  // Messages for other groups or private chats are shown with where they went.
  if (chat == own_chat) {
    std::cout << "吹哨> " << message["text"].get<std::string>();
  } else {
    std::cout << "[→ " << chat << "] " << message["text"].get<std::string>();
  }
  if (!mentions.empty()) std::cout << "  (" << mentions.substr(1) << ")";
  std::cout << '\n';
}

}  // namespace

int run_chat_command(int argc, char** argv) {
  Arguments arguments = parse_arguments(argc, argv, 2, {"--config", "--db", "--chat", "--as", "--name"});
  auto chat = arguments.get("--chat");
  auto as = arguments.get("--as");
  if (!chat || !as) throw UsageError("chat needs --chat ID and --as USER (e.g. --chat b3u2 --as u-zhang)");
  config::Config config = choose_config(arguments.get("--config"));
  // The terminal chat runs the simulator's path on the real clock, with the configured database so
  // a conversation can be picked up again later.
  const std::string database = arguments.get("--db").value_or(config.store.path);
  // No wait: unlike a restarted server, a second session typed beside the first is told at once.
  const store::WriterLock writer_lock = store::WriterLock::take(database, std::chrono::milliseconds(0));
  Simulator simulator(config, database);
  SystemClock clock;

  std::cout << "你在群 " << *chat << "，身份 " << *as << "。输入消息，回车发送；Ctrl-D 结束。\n";
  std::string text;
  while (std::cout << "> " << std::flush, std::getline(std::cin, text)) {
    if (text.empty()) continue;
    nlohmann::json line{{"at", language::format_local_time(clock.now(), config.locale.utc_offset_seconds)},
                        {"chat", *chat},
                        {"from", *as},
                        {"text", text}};
    if (auto name = arguments.get("--name")) line["name"] = *name;
    try {
      for (const nlohmann::json& message : simulator.feed(line.dump()))
        print_message(message, *chat);
    } catch (const SimInputError& error) {
      std::cout << "(" << error.what() << ")\n";
    }
  }
  std::cout << '\n';
  return 0;
}

}  // namespace whistle::bot
