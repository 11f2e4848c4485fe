#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace whistle::config {

/// A configuration that cannot be used; the message names the file, the key and the problem.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The four levels of the org tree, top to bottom; a child is always exactly one level lower.
enum class Level { community = 0, grid = 1, building = 2, unit = 3 };

/// The identifier of a level ("community", "grid", "building", "unit").
std::string_view level_name(Level level);

/// Parses a level identifier; empty when the text is not one.
std::optional<Level> parse_level(std::string_view text);

struct ServerConfig {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
  int threads = 2;
  std::size_t max_body_bytes = 65536;
  std::size_t max_connections = 10000;            ///< all clients together
  std::size_t max_connections_per_address = 256;  ///< one client address (after trusted_proxies)
  int header_timeout_s = 5;                       ///< a request's headers must arrive within this
  /// Addresses of reverse proxies whose X-Forwarded-For names the real client.
  std::vector<std::string> trusted_proxies;
};

/// `[bot]`: how people address the bot, and the identities it speaks as.
struct BotConfig {
  /// An @-mention of one of these names addresses the bot.
  std::vector<std::string> names{"吹哨", "吹哨助手", "whistle", "bot"};
  /// The bot's own identities ("generic:whistle"): their messages are acknowledged, never answered.
  std::vector<std::string> ids{"generic:whistle"};
};

/// One `[[person]]`: a display name for a person the config names.
struct Person {
  std::string id;  ///< "platform:id"
  std::string name;
};

struct StoreConfig {
  std::string path = "whistle.db";
  /// "NORMAL" survives a killed process; "FULL" also survives a power loss.
  std::string synchronous = "NORMAL";
  /// Days the inbox (the window in which a platform's redelivery is recognised) and the outbox's
  /// sent messages are kept; 0 keeps them for ever.
  int keep_days = 90;
};

/// [board]: the public board's settings.
struct BoardConfig {
  /// Bearer token of the non-public API (officials' exports), resolved from `env:NAME` at load;
  /// empty: that API is not served at all (404).
  std::string token;
};

struct LocaleConfig {
  std::string timezone = "Asia/Shanghai";
  /// Seconds east of UTC, resolved from `timezone` at load time.
  int utc_offset_seconds = 8 * 3600;
  std::string language = "zh-CN";
};

/// One `[platforms.generic.<instance>]` table: POST /hooks/generic/<instance>.
struct GenericInstance {
  std::string name;
  std::string secret;  ///< resolved: an `env:NAME` value is read from the environment at load
  std::string deliver_url;
};

/// `[platforms.wecom.<instance>]`: a WeCom self-built app (callback + send API).
struct WecomInstance {
  std::string name;
  std::string corp_id;
  std::int64_t agent_id = 0;
  std::string secret;            ///< the app's secret, for the access token
  std::string token;             ///< the callback's Token (signature)
  std::string encoding_aes_key;  ///< 43 characters of Base64 without the trailing '='
  std::string api_base = "https://qyapi.weixin.qq.com";
};

/// `[platforms.wecom_bot.<instance>]`: a WeCom AI bot (智能机器人) in API mode with a callback URL.
struct WecomBotInstance {
  std::string name;
  std::string token;
  std::string encoding_aes_key;
  std::string bot_id;  ///< its aibotid: its own messages are dropped
  std::string api_base = "https://qyapi.weixin.qq.com";
};

/// `[platforms.wecom_robot.<instance>]`: WeCom group robots (send only), one key per chat.
struct WecomRobotInstance {
  std::string name;
  std::map<std::string, std::string> webhook_keys;  ///< chat id as in the org, without its prefix → key
  std::string api_base = "https://qyapi.weixin.qq.com";
};

/// `[platforms.feishu.<instance>]`: a Feishu / Lark app bot.
struct FeishuInstance {
  std::string name;
  std::string app_id;
  std::string app_secret;
  std::string verification_token;
  std::string encrypt_key;  ///< empty: events arrive in plaintext
  std::string api_base = "https://open.feishu.cn";
};

/// `[platforms.dingtalk.<instance>]`: a DingTalk robot in HTTP mode.
struct DingtalkInstance {
  std::string name;
  std::string app_key;
  std::string app_secret;
  std::string robot_code;
  std::string api_base = "https://api.dingtalk.com";
  std::string oapi_base = "https://oapi.dingtalk.com";
};

/// `[platforms.telegram.<instance>]`: a Telegram bot with a webhook.
struct TelegramInstance {
  std::string name;
  std::string bot_token;
  std::string secret_token;  ///< the X-Telegram-Bot-Api-Secret-Token set with setWebhook
  std::string bot_username;  ///< without '@': "@<bot_username>" addresses the bot
  std::string api_base = "https://api.telegram.org";
};

/// Every configured platform instance, by platform and then instance name.
/// (`[platforms.generic.*]` is Config::generic, older than this.)
struct PlatformsConfig {
  std::map<std::string, WecomInstance> wecom;
  std::map<std::string, WecomBotInstance> wecom_bot;
  std::map<std::string, WecomRobotInstance> wecom_robot;
  std::map<std::string, FeishuInstance> feishu;
  std::map<std::string, DingtalkInstance> dingtalk;
  std::map<std::string, TelegramInstance> telegram;
};

/// `[http_client]`: how the bot reaches the platforms' HTTPS APIs.
struct HttpClientConfig {
  /// A PEM bundle added to the system's trusted roots (tests trust their own CA); empty: none.
  std::string ca_file;
};

struct SolveHours {
  int urgent = 24;
  int utilities = 24;
  int general = 168;
  int complex = 360;
};

/// `quiet_hours = "22:00-07:00"`: the night, when general and complex ticket clocks pause and
/// their group posts wait for the morning. Minutes after local midnight; start > end crosses it.
struct QuietHours {
  bool enabled = true;
  int start_minute = 22 * 60;
  int end_minute = 7 * 60;
};

struct Rules {
  int publish_day = 1;
  int publish_hour = 9;
  int answer_hours = 2;
  SolveHours solve_hours;
  double min_stay_ratio = 0.6;
  int no_show_points = 0;
  int redemption_days = 14;
  /// Places still empty this many hours before a start: a call for help to the parent node's
  /// groups (0: no call).
  int help_lead_hours = 12;
  /// A resolved ticket not rated within this many days closes as "not rated".
  int rate_days = 7;
  /// The reopen (回炉) that brings a ticket's count to this also climbs one level.
  int reopen_limit = 2;
  /// Paid to the volunteer who fulfils a 微心愿 the resident rates satisfied.
  int wish_points = 5;
  QuietHours quiet_hours;
  /// A line holding one of these is a danger report (119/110/120 answer, urgent ticket).
  std::vector<std::string> danger_words{"着火", "冒烟", "煤气味", "燃气泄漏", "困人", "晕倒", "触电"};
};

/// One `[[node]]`: a place in the org tree with its group chats and its people.
/// Chat and person ids are "platform:id" ("generic:b3u2", "generic:u-li").
struct Node {
  std::string id;
  Level level = Level::community;
  std::string parent;  ///< empty for a community
  std::string name;
  std::vector<std::string> chats;
  std::vector<std::string> leaders;
  std::vector<std::string> staff;
};

struct Responder {
  std::string id;
  std::string name;
  std::string node;
  std::vector<std::string> chats;
  std::vector<std::string> members;  ///< may accept, resolve and send back its tickets
};

struct Category {
  std::string name;
  std::string urgency_class;  ///< urgent | utilities | general | complex
  std::vector<std::string> keywords;
  /// A responder id: tickets of this category go straight to it (快单 routing); empty: none.
  std::string responder;
};

struct Reward {
  std::string id;
  std::string name;
  int points = 0;
  int stock = 0;
};

/// The whole configuration, read once at start and passed down explicitly.
struct Config {
  std::filesystem::path source;  ///< the file it came from; empty for the built-in demo
  ServerConfig server;
  BotConfig bot;
  StoreConfig store;
  BoardConfig board;
  LocaleConfig locale;
  std::map<std::string, GenericInstance> generic;  ///< by instance name
  PlatformsConfig platforms;  ///< the real platforms' instances (generic is `generic` above)
  HttpClientConfig http_client;
  Rules rules;
  std::vector<Node> nodes;  ///< parents before children
  std::vector<Responder> responders;
  std::vector<Category> categories;
  std::vector<Reward> rewards;
  std::vector<Person> people;  ///< display names, in file order
};

/// A listening address read from "host:port" ("127.0.0.1:8080", "[::1]:8080"; port 0: any free port).
struct ListenAddress {
  std::string host;
  std::uint16_t port = 0;
};

/// Parses "host:port" as `[server] listen` and `serve --listen` take it; empty when it is not one.
std::optional<ListenAddress> parse_listen_address(std::string_view text);

/// Things in a valid configuration that a person starting the server should hear about: a
/// placeholder or short webhook secret, the demo's public secret on a non-local address.
std::vector<std::string> config_warnings(const Config& config);

/// Reads and validates a TOML file; throws Error naming the file, the key and the problem.
Config load_config(const std::filesystem::path& file);

/// Parses and validates TOML text (`source_name` is used in error messages); throws Error.
Config parse_config(std::string_view toml_text, const std::filesystem::path& source_name);

/// The built-in demo community served when no config file is given (documented in the README).
Config demo_config();

}  // namespace whistle::config
