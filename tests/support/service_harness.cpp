#include "tests/support/service_harness.hpp"

#include <cstdlib>
#include <random>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include "bot/clock.hpp"
#include "bot/crypto/hmac.hpp"
#include "bot/net.hpp"

namespace whistle::bot::testing {

namespace http = beast::http;
using tcp = asio::ip::tcp;
using nlohmann::json;

TempDir::TempDir() {
  std::random_device random;
  path_ = std::filesystem::temp_directory_path() /
          ("whistle-it-" + std::to_string(random()) + std::to_string(random()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

config::Config test_config(const std::filesystem::path& db, const std::string& deliver_url, int threads) {
  config::Config config = config::demo_config();
  config.server.host = "127.0.0.1";
  config.server.port = 0;
  config.server.threads = threads;
  config.store.path = db.string();
  config.generic.at("default").deliver_url = deliver_url;
  return config;
}

std::string signature_for(std::string_view body, std::string_view secret) {
  return "sha256=" + HmacSha256(secret).hex_digest(body);
}

std::string message_body(const std::string& id, const std::string& chat, const std::string& from,
                         const std::string& text) {
  json body = json::object();
  body["id"] = id;
  body["chat"] = chat;
  body["from"] = from;
  body["name"] = from;
  body["text"] = text;
  body["ts"] = SystemClock().now();
  return body.dump();
}

namespace {

HttpResult read_result(http::response<http::string_body>& response) {
  HttpResult result;
  result.status = static_cast<int>(response.result_int());
  result.body = response.body();
  for (const auto& field : response) {
    std::string name(field.name_string());
    for (char& c : name)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    result.headers[name] = std::string(field.value());
  }
  return result;
}

http::request<http::string_body> make_request(
    std::uint16_t port, const std::string& method, const std::string& target, const std::string& body,
    const std::vector<std::pair<std::string, std::string>>& headers) {
  http::request<http::string_body> request{http::string_to_verb(method), target, 11};
  request.set(http::field::host, "127.0.0.1:" + std::to_string(port));
  request.set(http::field::content_type, "application/json");
  for (const auto& [name, value] : headers)
    request.set(name, value);
  request.body() = body;
  request.prepare_payload();
  return request;
}

asio::awaitable<void> exchange(std::uint16_t port, http::request<http::string_body> request,
                               HttpResult* out) {
  const auto executor = co_await asio::this_coro::executor;
  beast::tcp_stream stream(executor);
  stream.expires_after(std::chrono::seconds(30));
  auto [connect_ec] =
      co_await stream.async_connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), use_nothrow);
  if (connect_ec) {
    out->error = "connect: " + connect_ec.message();
    co_return;
  }
  auto [write_ec, written] = co_await http::async_write(stream, request, use_nothrow);
  // A refused request may be answered before its body was all sent; the answer still counts.
  beast::flat_buffer buffer;
  http::response<http::string_body> response;
  auto [read_ec, read] = co_await http::async_read(stream, buffer, response, use_nothrow);
  if (read_ec) {
    out->error = "read: " + read_ec.message() + (write_ec ? " (write: " + write_ec.message() + ")" : "");
    co_return;
  }
  *out = read_result(response);
}

}  // namespace

HttpResult http_request(std::uint16_t port, const std::string& method, const std::string& target,
                        const std::string& body,
                        const std::vector<std::pair<std::string, std::string>>& headers) {
  asio::io_context io;
  HttpResult result;
  asio::co_spawn(io, exchange(port, make_request(port, method, target, body, headers), &result),
                 asio::detached);
  io.run();
  return result;
}

HttpResult post_webhook(std::uint16_t port, const std::string& body) {
  return http_request(port, "POST", "/hooks/generic/default", body,
                      {{"X-Whistle-Signature", signature_for(body)}});
}

namespace {

asio::awaitable<void> exchange_and_report(std::uint16_t port, http::request<http::string_body> request,
                                          HttpResult* out, std::size_t index,
                                          const AnswerCallback* on_answer) {
  co_await exchange(port, std::move(request), out);
  if (*on_answer) (*on_answer)(index, *out);
}

}  // namespace

std::vector<HttpResult> post_webhooks_concurrently(std::uint16_t port, const std::vector<std::string>& bodies,
                                                   AnswerCallback on_answer) {
  asio::io_context io;
  std::vector<HttpResult> results(bodies.size());
  // Every exchange starts before any completes: all connections are in flight together.
  for (std::size_t i = 0; i < bodies.size(); ++i) {
    auto request = make_request(port, "POST", "/hooks/generic/default", bodies[i],
                                {{"X-Whistle-Signature", signature_for(bodies[i])}});
    asio::co_spawn(io, exchange_and_report(port, std::move(request), &results[i], i, &on_answer),
                   asio::detached);
  }
  io.run();
  return results;
}

namespace {

asio::awaitable<void> exchange_several(std::uint16_t port, std::vector<std::string> targets,
                                       std::vector<HttpResult>* out) {
  const auto executor = co_await asio::this_coro::executor;
  beast::tcp_stream stream(executor);
  stream.expires_after(std::chrono::seconds(30));
  auto [connect_ec] =
      co_await stream.async_connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), use_nothrow);
  if (connect_ec) co_return;
  beast::flat_buffer buffer;
  for (const std::string& target : targets) {
    auto request = make_request(port, "GET", target, "", {});
    request.keep_alive(true);
    auto [write_ec, written] = co_await http::async_write(stream, request, use_nothrow);
    http::response<http::string_body> response;
    auto [read_ec, read] = co_await http::async_read(stream, buffer, response, use_nothrow);
    if (write_ec || read_ec) {
      HttpResult failed;
      failed.error = (write_ec ? write_ec : read_ec).message();
      out->push_back(failed);
      co_return;
    }
    out->push_back(read_result(response));
  }
}

asio::awaitable<void> wait_for_close(std::uint16_t port, bool* closed) {
  const auto executor = co_await asio::this_coro::executor;
  beast::tcp_stream stream(executor);
  stream.expires_after(std::chrono::seconds(30));
  auto [connect_ec] =
      co_await stream.async_connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), use_nothrow);
  if (connect_ec) co_return;
  char byte = 0;
  auto [read_ec, read] = co_await stream.async_read_some(asio::buffer(&byte, 1), use_nothrow);
  // Our own 30 s deadline ends the read with a timeout; the server closing ends it with eof.
  *closed = read_ec == asio::error::eof || read_ec == asio::error::connection_reset;
}

}  // namespace

std::vector<HttpResult> requests_on_one_connection(std::uint16_t port,
                                                   const std::vector<std::string>& targets) {
  asio::io_context io;
  std::vector<HttpResult> results;
  asio::co_spawn(io, exchange_several(port, targets, &results), asio::detached);
  io.run();
  return results;
}

bool connection_closed_by_server(std::uint16_t port) {
  asio::io_context io;
  bool closed = false;
  asio::co_spawn(io, wait_for_close(port, &closed), asio::detached);
  io.run();
  return closed;
}

std::vector<std::string> reply_texts(const HttpResult& result) {
  std::vector<std::string> texts;
  const json body = json::parse(result.body, nullptr, false);
  if (!body.is_object() || !body.contains("replies")) return texts;
  for (const json& reply : body["replies"])
    texts.push_back(reply.at("text").get<std::string>());
  return texts;
}

RunningService::RunningService(const config::Config& config, ServiceOptions options)
    : config_(config), service_(config_, options), thread_([this] { service_.run(); }) {}

RunningService::~RunningService() {
  stop();
}

void RunningService::stop() {
  if (!thread_.joinable()) return;
  service_.stop();
  thread_.join();
}

std::optional<int> number_after(const std::string& text, const std::string& prefix) {
  const auto at = text.find(prefix);
  if (at == std::string::npos) return std::nullopt;
  std::size_t i = at + prefix.size();
  int value = 0;
  bool any = false;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    value = value * 10 + (text[i] - '0');
    any = true;
    ++i;
  }
  return any ? std::optional<int>(value) : std::nullopt;
}

}  // namespace whistle::bot::testing
