#include <algorithm>
#include <csignal>
#include <iostream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "bot/allocator.hpp"
#include "bot/cli/arguments.hpp"
#include "bot/cli/commands.hpp"
#include "bot/cli/config_source.hpp"
#include "bot/service.hpp"
#include "store/database.hpp"
#include "store/writer_lock.hpp"

namespace whistle::bot {

namespace {

std::string without_platform(const std::string& id) {
  return id.substr(id.find(':') + 1);
}

// How a URL names the host: an IPv6 address goes in brackets ("http://[::1]:8080").
std::string url_host(const std::string& host) {
  return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

// A newcomer should be able to talk to the bot with the next command they type: the example uses
// a group of their own org and one of its leaders, so the whistle in it is allowed. The id is made
// fresh on every run of the command, so a second try is a new message rather than a redelivery.
struct TalkExample {
  std::string chat = "g1";
  std::string leader = "u-li";
};

// The generic webhook's own ids: a WeCom group and a WeCom leader named in the example answered
// "本群还没有绑定" through it (an exploratory run of the platforms, 2026-12-07).
bool is_generic(const std::string& id) {
  return id.starts_with("generic:");
}

TalkExample talk_example(const config::Config& config) {
  std::optional<TalkExample> example;
  for (const config::Node& node : config.nodes) {
    const auto chat = std::find_if(node.chats.begin(), node.chats.end(), is_generic);
    const auto leader = std::find_if(node.leaders.begin(), node.leaders.end(), is_generic);
    if (chat != node.chats.end() && leader != node.leaders.end())
      example = TalkExample{without_platform(*chat), without_platform(*leader)};
  }
  // None of the org's groups is the generic webhook's: what to fill in, rather than ids that fail.
  return example.value_or(TalkExample{"<generic chat id>", "<a leader's generic id>"});
}

void print_how_to_talk(const config::Config& config, const TalkExample& example, std::uint16_t port) {
  if (config.generic.empty()) {
    std::cout << "No [platforms.generic.*] instance is configured: nothing can reach the bot yet.\n";
    return;
  }
  const auto& [instance, settings] = *config.generic.begin();
  const bool demo = config.source.empty();
  const std::string& chat = example.chat;
  const std::string& leader = example.leader;
  std::cout << "Talk to it (generic webhook, instance '" << instance << "'):\n"
            << "  say() { body=\"{\\\"id\\\":\\\"m-$(date +%s%N)\\\",\\\"chat\\\":\\\"" << chat
            << "\\\",\\\"from\\\":\\\"$1\\\",\\\"text\\\":\\\"$2\\\"}\"\n"
            << "    sig=$(printf '%s' \"$body\" | openssl dgst -sha256 -hmac '"
            << (demo ? settings.secret : std::string("<your secret>")) << "' | sed 's/^.* //')\n"
            << "    curl -sg -H 'Content-Type: application/json' -H \"X-Whistle-Signature: sha256=$sig\" \\\n"
            << "         --data-binary \"$body\" http://" << url_host(config.server.host) << ':' << port
            << "/hooks/generic/" << instance << "; echo; }\n"
            << "  say " << leader << " '吹哨 清理楼道杂物 3人 明天上午9点 2小时 5分'\n"
            << "  say u-zhang '报到'\n"
            << "Each say is a new message (a fresh id). Ctrl-C stops.\n";
}

// The first writes happen while the service is built (the schema, the org): a read-only file said
// only "attempt to write a readonly database", naming no file (an exploratory run, 2026-12-06).
std::unique_ptr<Service> start_service(config::Config config) {
  const std::string path = config.store.path;
  try {
    return std::make_unique<Service>(std::move(config));
  } catch (const std::exception& error) {
    if (!store::is_storage_failure(error)) throw;
    throw std::runtime_error("cannot use the database '" + path + "': " + error.what() +
                             " (check that the file and its directory may be written by this user, and "
                             "that the disk is neither full nor mounted read-only)");
  }
}

}  // namespace

int run_serve_command(int argc, char** argv) {
  tune_allocator_for_serving();
  Arguments arguments = parse_arguments(argc, argv, 2, {"--config", "--listen", "--db"});
  if (!arguments.positional.empty()) {
    throw UsageError("serve takes no words, only --config FILE, --listen HOST:PORT and --db FILE");
  }
  config::Config config = choose_config(arguments.get("--config"));
  if (std::optional<std::string> listen = arguments.get("--listen")) {
    std::optional<config::ListenAddress> address = config::parse_listen_address(*listen);
    if (!address) {
      throw UsageError(
          "--listen '" + *listen +
          "' is not HOST:PORT (for example 127.0.0.1:8080, 0.0.0.0:8080, [::1]:8080; port 0 picks a "
          "free port)");
    }
    config.server.host = address->host;
    config.server.port = address->port;
  }
  if (std::optional<std::string> db = arguments.get("--db")) {
    if (db->empty()) throw UsageError("--db needs a file name (or :memory:)");
    config.store.path = *db;
  }
  for (const std::string& warning : config::config_warnings(config))
    std::cerr << "whistle: warning: " << warning << std::endl;

  // Whoever reads our stdout may go away (a closed terminal, a restarted log pipe); the next line
  // would then kill the server with SIGPIPE, silently. Ignored, the write just fails.
  std::signal(SIGPIPE, SIG_IGN);
  const TalkExample example = talk_example(config);
  const store::WriterLock writer_lock = store::WriterLock::take(config.store.path);
  // Moved, not copied: the service keeps the one copy of a district's org.
  const std::unique_ptr<Service> started = start_service(std::move(config));
  Service& service = *started;
  const config::Config& running = service.config();
  // Tests and scripts read this exact line to learn the port (the config may say port 0).
  std::cout << "whistle: listening on http://" << url_host(running.server.host) << ':' << service.port()
            << std::endl;
  std::cout << "whistle: serving " << describe_config_source(running) << ", database " << running.store.path
            << std::endl;
  print_how_to_talk(running, example, service.port());
  std::cout.flush();
  service.run();
  std::cout << "whistle: stopped" << std::endl;
  return 0;
}

}  // namespace whistle::bot
