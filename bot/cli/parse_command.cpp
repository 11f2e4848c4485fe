#include <iostream>
#include <string>

#include "bot/cli/arguments.hpp"
#include "bot/cli/commands.hpp"
#include "bot/cli/config_source.hpp"
#include "bot/clock.hpp"
#include "handlers/language/command_json.hpp"
#include "handlers/language/parser.hpp"

namespace whistle::bot {

int run_parse_command(int argc, char** argv) {
  Arguments arguments = parse_arguments(argc, argv, 2, {"--config", "--at"});
  if (arguments.positional.empty()) throw UsageError("parse needs the text to read");
  std::string text;
  for (const std::string& word : arguments.positional) {
    if (!text.empty()) text += ' ';
    text += word;
  }

  config::Config config = choose_config(arguments.get("--config"));
  const int offset = config.locale.utc_offset_seconds;
  language::ParseContext context;
  context.utc_offset_seconds = offset;
  std::vector<std::string> names;
  for (const config::Node& node : config.nodes)
    names.push_back(node.name);
  context.place_names = language::PlaceNames(std::move(names));
  context.bot_names = language::normalized_bot_names(config.bot.names);
  if (auto at = arguments.get("--at")) {
    try {
      context.now = language::parse_local_time(*at, offset);
    } catch (const std::invalid_argument&) {
      throw UsageError("--at takes a local time like 2026-11-23T09:00, not '" + *at + "'");
    }
  } else {
    context.now = SystemClock{}.now();
  }

  handlers::Command command = language::parse_command(text, context);
  std::cout << language::command_to_json(command, offset)
                   .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
            << '\n';
  return 0;
}

}  // namespace whistle::bot
