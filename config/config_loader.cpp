// load_config / parse_config: one pass over the document, section by section, stopping at the
// first problem with a message that names the file, the key and what is wrong.

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "config/config.hpp"
#include "config/sections.hpp"

namespace whistle::config {

Config parse_config(std::string_view toml_text, const std::filesystem::path& source_name) {
  const std::string file = source_name.string();
  const toml::table document = parse_toml(toml_text, file);
  const TableReader root(document, file, "");
  root.allow_only({"server", "bot", "store", "board", "locale", "platforms", "http_client", "rules",
                   "org_csv", "node", "responder", "category", "reward", "person"});

  Config config;
  config.source = source_name;
  config.server = read_server(root);
  config.bot = read_bot(root);
  config.store = read_store(root);
  config.board = read_board(root);
  config.locale = read_locale(root);
  config.generic = read_platforms(root);
  config.platforms = read_real_platforms(root);
  config.http_client = read_http_client(root);
  config.rules = read_rules(root);
  // Nodes before responders: a responder names its node, and chats are bound once across both.
  ChatBindings chats;
  config.nodes = build_org(read_org(root, source_name), chats);
  config.responders = read_responders(root, config.nodes, chats);
  config.categories = read_categories(root, config.responders);
  config.rewards = read_rewards(root);
  config.people = read_people(root);
  return config;
}

Config load_config(const std::filesystem::path& file) {
  std::error_code ignored;
  if (std::filesystem::is_directory(file, ignored))
    throw Error(file.string() + ": is a folder, not a configuration file");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(file.string() + ": cannot read the configuration file: " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  return parse_config(text.str(), file);
}

}  // namespace whistle::config
