#pragma once

// Internal to whistle_config: one reader per part of the configuration file. Each reads its
// tables from the document's root, applies the defaults of config.hpp and throws Error naming
// the file, the key and the problem.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "config/org_tree.hpp"
#include "config/toml_reader.hpp"

namespace whistle::config {

/// Reads [server]: listen = "host:port", threads, max_body_bytes.
ServerConfig read_server(const TableReader& root);

/// Reads [bot]: names and ids.
BotConfig read_bot(const TableReader& root);

/// Reads [[person]]: display names of people, each id qualified and named once.
std::vector<Person> read_people(const TableReader& root);

/// Reads [store]: path, synchronous.
StoreConfig read_store(const TableReader& root);

/// Reads [board]: token (a literal or env:NAME; absent or "" = no non-public API).
BoardConfig read_board(const TableReader& root);

/// Reads [locale]: timezone (resolved to an offset) and language.
LocaleConfig read_locale(const TableReader& root);

/// Reads [rules], including the solve_hours table.
Rules read_rules(const TableReader& root);

/// Reads a `quiet_hours` range ("22:00-07:00"; "" for none); empty when the text is not one.
std::optional<QuietHours> parse_quiet_hours(std::string_view text);

/// Reads [platforms]: the generic instances, with their secrets resolved from the environment.
std::map<std::string, GenericInstance> read_platforms(const TableReader& root);

/// Reads the real platforms' instances ([platforms.wecom.*], .feishu.*, ...), secrets resolved.
PlatformsConfig read_real_platforms(const TableReader& root);

/// Reads [http_client]: ca_file, which must be readable when given.
HttpClientConfig read_http_client(const TableReader& root);

/// Reads the org, from [[node]] tables or from the CSV file named by `org_csv` (relative to
/// `config_file`'s folder), unchecked; build_org validates it.
OrgDraft read_org(const TableReader& root, const std::filesystem::path& config_file);

/// Reads [[responder]]; each must sit at a node of `nodes` and bind chats not bound yet.
std::vector<Responder> read_responders(const TableReader& root, const std::vector<Node>& nodes,
                                       ChatBindings& chats);

/// Reads [[category]], or gives the built-in categories when there is none.
std::vector<Category> read_categories(const TableReader& root, const std::vector<Responder>& responders);

/// Reads [[reward]], the service center's catalog.
std::vector<Reward> read_rewards(const TableReader& root);

/// The ticket categories used when the file has no [[category]] (urgent first).
std::vector<Category> builtin_categories();

}  // namespace whistle::config
