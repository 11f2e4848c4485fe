#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "tests/support/test_pki.hpp"

namespace whistle::testing {

/// One request a fake platform server received.
struct RecordedRequest {
  std::string method, target, body;
  std::map<std::string, std::string> headers;  ///< names lowercase; repeated headers joined with ", "
  std::string sni;  ///< the TLS server name the client sent; empty if none or plain
};

/// What a fake platform server answers.
struct CannedAnswer {
  int status = 200;
  std::string body = "{}";
  std::vector<std::pair<std::string, std::string>>
      headers;  ///< Content-Type is application/json unless set here
};

/// A stand-in for a platform's API on 127.0.0.1 (ephemeral port), plain HTTP/1.1 or HTTPS with a
/// certificate from a test CA made at run time. Records every request and answers it through a
/// handler; runs its own thread. Keeps a connection open as long as the client does.
class FakePlatformServer {
 public:
  enum class Mode { plain, tls };

  /// Listens on 127.0.0.1, presenting the test CA's certificate for 127.0.0.1 and localhost in tls mode.
  explicit FakePlatformServer(Mode mode = Mode::tls);
  /// Listens with the chosen certificate (tls mode only), for tests of verification failures.
  FakePlatformServer(Mode mode, ServerCertificate certificate);
  ~FakePlatformServer();
  FakePlatformServer(const FakePlatformServer&) = delete;
  FakePlatformServer& operator=(const FakePlatformServer&) = delete;

  /// "https://127.0.0.1:PORT" or "http://127.0.0.1:PORT", without a trailing slash.
  std::string base_url() const;

  /// The PEM path of the test CA (for `[http_client] ca_file` / HttpClientOptions).
  static std::string ca_file();

  /// Answers every later request through `handler` (called on the server's thread); default 200 "{}".
  void answer(std::function<CannedAnswer(const RecordedRequest&)> handler);

  /// Every request so far, in arrival order.
  std::vector<RecordedRequest> requests() const;

  /// How many connections clients opened so far.
  std::size_t connections() const;
  /// From now on, closes each connection once it has answered a request, without saying so in the
  /// answer (as a server whose idle timeout passed): a client that kept the connection finds it closed.
  void hang_up_after_each_answer(bool hang_up);
  /// Waits until at least `count` requests arrived; false if `deadline` passed first.
  bool wait_for_requests(std::size_t count, std::chrono::milliseconds deadline) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace whistle::testing
