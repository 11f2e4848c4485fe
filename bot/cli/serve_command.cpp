#include <iostream>

#include "bot/cli/arguments.hpp"
#include "bot/cli/commands.hpp"
#include "bot/cli/config_source.hpp"
#include "bot/service.hpp"

namespace whistle::bot {

namespace {

// A newcomer on the demo should be able to talk to the bot with the next command they type.
void print_how_to_talk(const config::Config& config, std::uint16_t port) {
  if (config.generic.empty()) return;
  const auto& [instance, settings] = *config.generic.begin();
  const bool demo = config.source.empty();
  std::cout << "Talk to it (generic webhook, instance '" << instance << "'):\n"
            << "  body='{\"id\":\"m-1\",\"chat\":\"b3u2\",\"from\":\"u-chen\",\"name\":\"陈单元长\","
               "\"text\":\"吹哨 清理楼道杂物 3人 明天上午9点 2小时 5分\"}'\n"
            << "  sig=$(printf '%s' \"$body\" | openssl dgst -sha256 -hmac '"
            << (demo ? settings.secret : std::string("<your secret>")) << "' | sed 's/^.* //')\n"
            << "  curl -s -H 'Content-Type: application/json' -H \"X-Whistle-Signature: sha256=$sig\" \\\n"
            << "       --data-binary \"$body\" http://" << config.server.host << ':' << port
            << "/hooks/generic/" << instance << '\n'
            << "Then report in with text \"报到\" from another user (\"from\":\"u-zhang\"). Ctrl-C stops.\n";
}

}  // namespace

int run_serve_command(int argc, char** argv) {
  Arguments arguments = parse_arguments(argc, argv, 2, {"--config"});
  if (!arguments.positional.empty()) throw UsageError("whistle serve takes no words, only --config FILE");
  config::Config config = choose_config(arguments.get("--config"));

  Service service(config);
  // Tests and scripts read this exact line to learn the port (the config may say port 0).
  std::cout << "whistle: listening on http://" << config.server.host << ':' << service.port() << std::endl;
  std::cout << "whistle: serving " << describe_config_source(config) << ", database " << config.store.path
            << std::endl;
  print_how_to_talk(config, service.port());
  std::cout.flush();
  service.run();
  std::cout << "whistle: stopped" << std::endl;
  return 0;
}

}  // namespace whistle::bot
