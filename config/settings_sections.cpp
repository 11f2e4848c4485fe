// The scalar settings: [server], [store], [locale] and [rules].

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>

#include "config/config_values.hpp"
#include "config/embedded.hpp"
#include "config/qualified_id.hpp"
#include "config/sections.hpp"
#include "config/time_zone.hpp"

namespace whistle::config {

namespace {

constexpr std::int64_t kMaxHours = 10 * 366 * 24;  // ten years: beyond that a deadline means "never"
constexpr std::int64_t kMaxDays = 10 * 366;
constexpr std::int64_t kMaxPoints = 1'000'000;
constexpr int kShortestKeepDays = 7;

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; });
  return text;
}

bool is_ip_address(const std::string& text) {
  std::array<unsigned char, 16> bytes{};
  return inet_pton(AF_INET, text.c_str(), bytes.data()) == 1 ||
         inet_pton(AF_INET6, text.c_str(), bytes.data()) == 1;
}

int hours(const TableReader& table, std::string_view name, int fallback) {
  return static_cast<int>(table.integer_in(name, fallback, 1, kMaxHours));
}

}  // namespace

// "127.0.0.1:8080", "localhost:0", "[::1]:8080". Port 0 asks the system for a free port (tests).
std::optional<ListenAddress> parse_listen_address(std::string_view text) {
  std::string_view host;
  std::string_view port_text;
  if (text.starts_with('[')) {
    const auto close = text.find("]:");
    if (close == std::string_view::npos) return std::nullopt;
    host = text.substr(1, close - 1);
    port_text = text.substr(close + 2);
  } else {
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos) return std::nullopt;
    host = text.substr(0, colon);
    port_text = text.substr(colon + 1);
    if (host.find(':') != std::string_view::npos) return std::nullopt;  // IPv6 needs brackets
  }
  if (host.empty() || port_text.empty() || port_text.size() > 5) return std::nullopt;
  if (std::any_of(host.begin(), host.end(), [](char c) { return c == ' ' || c == '/' || c == '@'; })) {
    return std::nullopt;
  }
  unsigned port = 0;
  auto [end, error] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (error != std::errc() || end != port_text.data() + port_text.size() || port > 65535) return std::nullopt;
  return ListenAddress{std::string(host), static_cast<std::uint16_t>(port)};
}

ServerConfig read_server(const TableReader& root) {
  ServerConfig server;
  std::optional<TableReader> table = root.table("server");
  if (!table) return server;
  table->allow_only({"listen", "threads", "max_body_bytes", "max_connections", "max_connections_per_address",
                     "header_timeout_s", "trusted_proxies"});
  if (std::optional<std::string> listen = table->string("listen")) {
    std::optional<ListenAddress> parsed = parse_listen_address(*listen);
    if (!parsed) {
      fail(table->where("listen"), in_quotes(*listen) +
                                       " is not \"host:port\" (for example \"127.0.0.1:8080\"; "
                                       "\"[::1]:8080\" for IPv6; port 0 picks a free port)");
    }
    server.host = parsed->host;
    server.port = parsed->port;
  }
  server.threads = static_cast<int>(table->integer_in("threads", server.threads, 1, 64));
  server.max_body_bytes = static_cast<std::size_t>(table->integer_in(
      "max_body_bytes", static_cast<std::int64_t>(server.max_body_bytes), 1024, 16 * 1024 * 1024));
  server.max_connections = static_cast<std::size_t>(
      table->integer_in("max_connections", static_cast<std::int64_t>(server.max_connections), 16, 1'000'000));
  server.max_connections_per_address = static_cast<std::size_t>(
      table->integer_in("max_connections_per_address",
                        static_cast<std::int64_t>(server.max_connections_per_address), 1, 1'000'000));
  if (server.max_connections_per_address > server.max_connections) {
    fail(table->where("max_connections_per_address"),
         "must not be larger than max_connections (" + std::to_string(server.max_connections) + ")");
  }
  server.header_timeout_s =
      static_cast<int>(table->integer_in("header_timeout_s", server.header_timeout_s, 1, 300));
  server.trusted_proxies = table->strings("trusted_proxies");
  for (const std::string& proxy : server.trusted_proxies) {
    if (!is_ip_address(proxy)) {
      fail(table->where("trusted_proxies"),
           in_quotes(proxy) + " is not an IP address (for example \"127.0.0.1\" or \"::1\")");
    }
  }
  return server;
}

BotConfig read_bot(const TableReader& root) {
  BotConfig bot;
  std::optional<TableReader> table = root.table("bot");
  if (!table) return bot;
  table->allow_only({"names", "ids"});
  if (table->has("names")) {
    bot.names = table->strings("names");
    for (const std::string& name : bot.names) {
      if (name.empty()) fail(table->where("names"), "a name must not be empty");
    }
  }
  if (table->has("ids")) {
    bot.ids = canonical_person_ids(table->strings("ids"));
    for (const std::string& id : bot.ids) {
      if (std::optional<std::string> problem = qualified_id_problem(id)) fail(table->where("ids"), *problem);
    }
  }
  return bot;
}

StoreConfig read_store(const TableReader& root) {
  StoreConfig store;
  std::optional<TableReader> table = root.table("store");
  if (!table) return store;
  table->allow_only({"path", "synchronous", "keep_days"});
  if (table->has("path")) store.path = table->required_string("path");
  if (std::optional<std::string> synchronous = table->string("synchronous")) {
    // SQLite itself reads the pragma case-insensitively; the stored value is the canonical spelling.
    store.synchronous = upper(*synchronous);
    if (store.synchronous != "NORMAL" && store.synchronous != "FULL") {
      fail(table->where("synchronous"), in_quotes(*synchronous) + " is not \"NORMAL\" or \"FULL\"");
    }
  }
  store.keep_days = static_cast<int>(table->integer_in("keep_days", store.keep_days, 0, 36500));
  // Platforms retry a delivery for hours (Telegram up to a day): a shorter window could let a late
  // redelivery be applied twice.
  if (store.keep_days > 0 && store.keep_days < kShortestKeepDays) {
    fail(table->where("keep_days"), "must be 0 (keep for ever) or at least " +
                                        std::to_string(kShortestKeepDays) +
                                        " days, the window in which a redelivered event is recognised");
  }
  return store;
}

BoardConfig read_board(const TableReader& root) {
  BoardConfig board;
  std::optional<TableReader> table = root.table("board");
  if (!table) return board;
  table->allow_only({"token"});
  // An empty token is allowed and means "no non-public API"; anything else is a secret like the
  // webhooks' (a literal or env:NAME, which must then be set).
  const std::string written = table->string("token").value_or("");
  if (!written.empty()) board.token = resolve_secret_text(written, table->where("token"));
  return board;
}

LocaleConfig read_locale(const TableReader& root) {
  LocaleConfig locale;
  std::optional<TableReader> table = root.table("locale");
  if (!table) return locale;
  table->allow_only({"timezone", "language"});
  if (std::optional<std::string> zone = table->string("timezone")) {
    std::optional<int> offset = utc_offset_of(*zone);
    if (!offset) {
      fail(table->where("timezone"), "unknown time zone " + in_quotes(*zone) +
                                         ": only zones without daylight saving time are supported (" +
                                         known_time_zones() +
                                         "), or a fixed offset such as \"UTC+8\" or \"UTC+05:30\"");
    }
    locale.timezone = *zone;
    locale.utc_offset_seconds = *offset;
  }
  if (std::optional<std::string> language = table->string("language")) {
    if (!builtin_template_text(*language)) {
      fail(table->where("language"), "no built-in reply templates for " + in_quotes(*language) +
                                         " (available: " + builtin_languages() + ")");
    }
    locale.language = *language;
  }
  return locale;
}

// "22:00-07:00" (crossing midnight), "12:30-14:00", or "" for no quiet hours at all.
std::optional<QuietHours> parse_quiet_hours(std::string_view text) {
  if (text.empty()) return QuietHours{false, 0, 0};
  auto minute_of = [](std::string_view clock) -> std::optional<int> {
    const std::size_t colon = clock.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    int hour = -1;
    int minute = -1;
    const std::string_view h = clock.substr(0, colon);
    const std::string_view m = clock.substr(colon + 1);
    if (h.empty() || h.size() > 2 || m.size() != 2) return std::nullopt;
    if (std::from_chars(h.data(), h.data() + h.size(), hour).ptr != h.data() + h.size()) return std::nullopt;
    if (std::from_chars(m.data(), m.data() + m.size(), minute).ptr != m.data() + m.size())
      return std::nullopt;
    if (hour < 0 || hour > 24 || minute < 0 || minute > 59 || (hour == 24 && minute != 0))
      return std::nullopt;
    return hour * 60 + minute;
  };
  const std::size_t dash = text.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  std::optional<int> start = minute_of(text.substr(0, dash));
  std::optional<int> end = minute_of(text.substr(dash + 1));
  if (!start || !end || *start % (24 * 60) == *end % (24 * 60)) return std::nullopt;
  return QuietHours{true, *start % (24 * 60), *end % (24 * 60)};
}

Rules read_rules(const TableReader& root) {
  Rules rules;
  std::optional<TableReader> table = root.table("rules");
  if (!table) return rules;
  table->allow_only({"publish_day", "publish_hour", "answer_hours", "solve_hours", "min_stay_ratio",
                     "no_show_points", "redemption_days", "help_lead_hours", "rate_days", "reopen_limit",
                     "wish_points", "quiet_hours", "danger_words"});
  // Day 28 at most: every month has one, so the publication never skips a short month.
  rules.publish_day = static_cast<int>(table->integer_in("publish_day", rules.publish_day, 1, 28));
  rules.publish_hour = static_cast<int>(table->integer_in("publish_hour", rules.publish_hour, 0, 23));
  rules.answer_hours = hours(*table, "answer_hours", rules.answer_hours);
  if (std::optional<TableReader> solve = table->table("solve_hours")) {
    solve->allow_only({"urgent", "utilities", "general", "complex"});
    rules.solve_hours.urgent = hours(*solve, "urgent", rules.solve_hours.urgent);
    rules.solve_hours.utilities = hours(*solve, "utilities", rules.solve_hours.utilities);
    rules.solve_hours.general = hours(*solve, "general", rules.solve_hours.general);
    rules.solve_hours.complex = hours(*solve, "complex", rules.solve_hours.complex);
  }
  if (std::optional<double> ratio = table->number("min_stay_ratio")) {
    // Written so that NaN fails too.
    if (!(*ratio > 0.0 && *ratio <= 1.0)) {
      fail(table->where("min_stay_ratio"),
           "must be greater than 0 and at most 1 (found " + std::to_string(*ratio) + ")");
    }
    rules.min_stay_ratio = *ratio;
  }
  rules.no_show_points =
      static_cast<int>(table->integer_in("no_show_points", rules.no_show_points, 0, kMaxPoints));
  rules.redemption_days =
      static_cast<int>(table->integer_in("redemption_days", rules.redemption_days, 1, kMaxDays));
  // 0 turns the call off; a week ahead is already earlier than anyone plans a volunteer's day.
  rules.help_lead_hours =
      static_cast<int>(table->integer_in("help_lead_hours", rules.help_lead_hours, 0, 7 * 24));
  rules.rate_days = static_cast<int>(table->integer_in("rate_days", rules.rate_days, 1, kMaxDays));
  rules.reopen_limit = static_cast<int>(table->integer_in("reopen_limit", rules.reopen_limit, 1, 100));
  rules.wish_points = static_cast<int>(table->integer_in("wish_points", rules.wish_points, 0, kMaxPoints));
  if (std::optional<std::string> quiet = table->string("quiet_hours")) {
    std::optional<QuietHours> hours = parse_quiet_hours(*quiet);
    if (!hours) {
      fail(table->where("quiet_hours"),
           in_quotes(*quiet) + " is not a range of two times like \"22:00-07:00\" (or \"\" for none)");
    }
    rules.quiet_hours = *hours;
  }
  if (table->has("danger_words")) {
    rules.danger_words = table->strings("danger_words");
    for (const std::string& word : rules.danger_words) {
      if (word.empty()) fail(table->where("danger_words"), "a danger word must not be empty");
    }
  }
  return rules;
}

}  // namespace whistle::config
