#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "bot/service.hpp"
#include "config/config.hpp"

namespace whistle::bot::testing {

/// The demo instance's secret (config/demo.toml).
inline constexpr std::string_view kDemoSecret = "whistle-demo-secret";

/// A fresh directory under the system's temp directory, removed with everything in it.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// The demo community on 127.0.0.1 port 0 with its database at `db`, delivering to `deliver_url`.
config::Config test_config(const std::filesystem::path& db, const std::string& deliver_url, int threads = 1);

/// The value of X-Whistle-Signature for a body.
std::string signature_for(std::string_view body, std::string_view secret = kDemoSecret);

/// A webhook body for the demo: a message from `from` in `chat` (unprefixed ids), sent now.
std::string message_body(const std::string& id, const std::string& chat, const std::string& from,
                         const std::string& text);

/// An answer as the test's client saw it.
struct HttpResult {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  ///< lower-case names
  std::string error;                           ///< set when no answer came
};

/// One request on a fresh connection to 127.0.0.1:`port`, with a deadline of 30 s.
HttpResult http_request(std::uint16_t port, const std::string& method, const std::string& target,
                        const std::string& body,
                        const std::vector<std::pair<std::string, std::string>>& headers = {});

/// POSTs a body to /hooks/generic/default signed with the demo secret.
HttpResult post_webhook(std::uint16_t port, const std::string& body);

/// Called on the client's thread as each answer (or failure) comes in.
using AnswerCallback = std::function<void(std::size_t index, const HttpResult& result)>;

/// POSTs every body at once, each on its own connection, and returns the answers in order.
std::vector<HttpResult> post_webhooks_concurrently(std::uint16_t port, const std::vector<std::string>& bodies,
                                                   AnswerCallback on_answer = {});

/// GETs each target in turn on one keep-alive connection.
std::vector<HttpResult> requests_on_one_connection(std::uint16_t port,
                                                   const std::vector<std::string>& targets);

/// Connects, sends nothing, and reports whether the server closed the connection within 30 s.
bool connection_closed_by_server(std::uint16_t port);

/// The texts of a webhook answer's replies.
std::vector<std::string> reply_texts(const HttpResult& result);

/// A Service running on its own thread; stopped and joined on destruction.
class RunningService {
 public:
  explicit RunningService(const config::Config& config, ServiceOptions options = {});
  ~RunningService();
  std::uint16_t port() const { return service_.port(); }
  Service& service() { return service_; }

  /// Stops gracefully and waits for run() to return.
  void stop();

 private:
  config::Config config_;
  Service service_;
  std::thread thread_;
};

/// The first number after `prefix` in `text` ("已报到 " in "…已报到 12/50" gives 12); empty if absent.
std::optional<int> number_after(const std::string& text, const std::string& prefix);

}  // namespace whistle::bot::testing
