#pragma once

// Internal to whistle_config: values that several sections read the same way (secrets that may
// come from the environment, URLs, instance names).

#include <optional>
#include <string>
#include <string_view>

#include "config/toml_reader.hpp"

namespace whistle::config {

/// Whether `c` may stand in an instance name or an environment variable name.
bool is_name_char(char c);

/// The value of key `key` (or `fallback` when absent): a literal, or env:NAME read now, so that a
/// missing variable stops the start instead of the first webhook. The secret itself never appears
/// in a message.
std::string resolve_secret(const TableReader& instance, std::string_view key, const std::string& fallback);

/// As resolve_secret, for a value already read (a table's entry); `where` names it in errors.
std::string resolve_secret_text(const std::string& written, const Where& where);

/// Why `url` is not an http:// or https:// URL the sender can use (credentials in the URL are
/// refused: they would end up in logs); empty when it is fine.
std::optional<std::string> url_problem(std::string_view url);

/// Fails naming the key when the value of `key` is not a usable URL.
void check_url(const TableReader& table, std::string_view key, const std::string& url);

/// Fails unless `name` can be the instance segment of /hooks/<platform>/<instance>.
void check_instance_name(const TableReader& platform_table, std::string_view platform,
                         const std::string& name);

}  // namespace whistle::config
