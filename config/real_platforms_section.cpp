// [platforms.wecom|wecom_bot|wecom_robot|feishu|dingtalk|telegram.<instance>] and [http_client]:
// the real platforms, keyed as design.md's "Configuration and routes" says. Every string may be a
// literal or env:NAME; secrets belong in the environment.

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "config/config_values.hpp"
#include "config/sections.hpp"

namespace whistle::config {

namespace {

// A required key: missing or empty stops the start, naming the key.
std::string required(const TableReader& table, std::string_view key) {
  if (!table.has(key)) fail(table.where(), "needs " + std::string(key));
  return resolve_secret(table, key, "");
}

// An optional key, read through env:NAME like the others.
std::string optional(const TableReader& table, std::string_view key, const std::string& fallback = "") {
  if (!table.has(key)) return fallback;
  const std::string written = table.string(key).value_or("");
  if (written.empty()) return "";
  return resolve_secret_text(written, table.where(key));
}

std::string base_url(const TableReader& table, std::string_view key, const std::string& fallback) {
  std::string url = table.string(key).value_or(fallback);
  check_url(table, key, url);
  while (url.ends_with('/'))
    url.pop_back();
  return url;
}

// WeCom's EncodingAESKey is 43 Base64 characters (32 bytes once '=' is added).
void check_aes_key(const TableReader& table, const std::string& key) {
  const bool base64 = std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
  });
  if (key.size() != 43 || !base64) {
    fail(table.where("encoding_aes_key"), "must be the 43 characters the console shows (Base64, no '=')");
  }
}

WecomInstance read_wecom(const TableReader& t, const std::string& name) {
  t.allow_only({"corp_id", "agent_id", "secret", "token", "encoding_aes_key", "api_base"});
  WecomInstance i;
  i.name = name;
  i.corp_id = required(t, "corp_id");
  i.agent_id = t.required_integer_in("agent_id", 0, 9'999'999'999);
  i.secret = required(t, "secret");
  i.token = required(t, "token");
  i.encoding_aes_key = required(t, "encoding_aes_key");
  check_aes_key(t, i.encoding_aes_key);
  i.api_base = base_url(t, "api_base", i.api_base);
  return i;
}

WecomBotInstance read_wecom_bot(const TableReader& t, const std::string& name) {
  t.allow_only({"token", "encoding_aes_key", "bot_id", "api_base"});
  WecomBotInstance i;
  i.name = name;
  i.token = required(t, "token");
  i.encoding_aes_key = required(t, "encoding_aes_key");
  check_aes_key(t, i.encoding_aes_key);
  i.bot_id = optional(t, "bot_id");
  i.api_base = base_url(t, "api_base", i.api_base);
  return i;
}

WecomRobotInstance read_wecom_robot(const TableReader& t, const std::string& name) {
  t.allow_only({"webhook_keys", "api_base"});
  WecomRobotInstance i;
  i.name = name;
  if (std::optional<TableReader> keys = t.table("webhook_keys")) {
    for (const std::string& chat : keys->keys()) {
      const std::string written = keys->string(chat).value_or("");
      i.webhook_keys[chat] = resolve_secret_text(written, keys->where(chat));
    }
  }
  if (i.webhook_keys.empty()) fail(t.where(), "needs webhook_keys = { \"<chat id>\" = \"<robot key>\" }");
  i.api_base = base_url(t, "api_base", i.api_base);
  return i;
}

FeishuInstance read_feishu(const TableReader& t, const std::string& name) {
  t.allow_only({"app_id", "app_secret", "verification_token", "encrypt_key", "api_base"});
  FeishuInstance i;
  i.name = name;
  i.app_id = required(t, "app_id");
  i.app_secret = required(t, "app_secret");
  i.verification_token = required(t, "verification_token");
  i.encrypt_key = optional(t, "encrypt_key");
  i.api_base = base_url(t, "api_base", i.api_base);
  return i;
}

DingtalkInstance read_dingtalk(const TableReader& t, const std::string& name) {
  t.allow_only({"app_key", "app_secret", "robot_code", "api_base", "oapi_base"});
  DingtalkInstance i;
  i.name = name;
  i.app_key = required(t, "app_key");
  i.app_secret = required(t, "app_secret");
  i.robot_code = optional(t, "robot_code", i.app_key);
  i.api_base = base_url(t, "api_base", i.api_base);
  i.oapi_base = base_url(t, "oapi_base", i.oapi_base);
  return i;
}

TelegramInstance read_telegram(const TableReader& t, const std::string& name) {
  t.allow_only({"bot_token", "secret_token", "bot_username", "api_base"});
  TelegramInstance i;
  i.name = name;
  i.bot_token = required(t, "bot_token");
  i.secret_token = required(t, "secret_token");
  // Telegram allows only A-Z, a-z, 0-9, _ and - in the secret token (1-256 characters).
  if (i.secret_token.size() > 256 ||
      !std::all_of(i.secret_token.begin(), i.secret_token.end(), [](char c) { return is_name_char(c); })) {
    fail(t.where("secret_token"),
         "may hold only letters, digits, '_' and '-' (at most 256), as Telegram requires");
  }
  i.bot_username = optional(t, "bot_username");
  if (i.bot_username.starts_with('@')) i.bot_username.erase(0, 1);
  i.api_base = base_url(t, "api_base", i.api_base);
  return i;
}

template <typename Instance, typename Reader>
void read_each(const TableReader& platforms, std::string_view platform, std::map<std::string, Instance>& out,
               Reader read) {
  std::optional<TableReader> table = platforms.table(platform);
  if (!table) return;
  for (const std::string& name : table->keys()) {
    check_instance_name(*table, platform, name);
    out.emplace(name, read(*table->table(name), name));
  }
}

}  // namespace

PlatformsConfig read_real_platforms(const TableReader& root) {
  PlatformsConfig result;
  std::optional<TableReader> platforms = root.table("platforms");
  if (!platforms) return result;
  read_each(*platforms, "wecom", result.wecom, read_wecom);
  read_each(*platforms, "wecom_bot", result.wecom_bot, read_wecom_bot);
  read_each(*platforms, "wecom_robot", result.wecom_robot, read_wecom_robot);
  read_each(*platforms, "feishu", result.feishu, read_feishu);
  read_each(*platforms, "dingtalk", result.dingtalk, read_dingtalk);
  read_each(*platforms, "telegram", result.telegram, read_telegram);
  return result;
}

HttpClientConfig read_http_client(const TableReader& root) {
  HttpClientConfig result;
  std::optional<TableReader> table = root.table("http_client");
  if (!table) return result;
  table->allow_only({"ca_file"});
  result.ca_file = table->string("ca_file").value_or("");
  if (!result.ca_file.empty() && !std::ifstream(result.ca_file)) {
    fail(table->where("ca_file"), in_quotes(result.ca_file) + " cannot be read");
  }
  return result;
}

}  // namespace whistle::config
