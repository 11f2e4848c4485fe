#pragma once

// A plain-HTTP stand-in with the interface of tests/support/fake_platform_server.hpp, used by the
// DingTalk and Telegram tests until that server (with TLS) is on main; then this file goes.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace whistle::testing {

struct RecordedRequest {
  std::string method, target, body;
  std::map<std::string, std::string> headers;  ///< names lowercase
};

struct CannedAnswer {
  int status = 200;
  std::string body = "{}";
  std::vector<std::pair<std::string, std::string>> headers;
};

class FakePlatformServer {
 public:
  enum class Mode { plain, tls };
  explicit FakePlatformServer(Mode mode = Mode::plain);
  ~FakePlatformServer();
  std::string base_url() const;
  void answer(std::function<CannedAnswer(const RecordedRequest&)> handler);
  std::vector<RecordedRequest> requests() const;
  bool wait_for_requests(std::size_t count, std::chrono::milliseconds deadline) const;

  /// Records a request and answers it; called by the server thread.
  CannedAnswer handle(RecordedRequest request);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::function<CannedAnswer(const RecordedRequest&)> handler_;
  std::vector<RecordedRequest> requests_;
};

}  // namespace whistle::testing
