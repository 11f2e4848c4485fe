#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace whistle::bot::testing {

/// One request the fake received.
struct Delivery {
  std::string target;
  std::string signature;    ///< X-Whistle-Signature
  std::string delivery_id;  ///< X-Whistle-Delivery
  std::string body;
  int status = 0;  ///< what the fake answered
};

/// A stand-in for a bridge's deliver_url on 127.0.0.1: records every request and answers 200, or
/// an error status for the next few requests when told to. Runs its own thread.
class FakeDeliverServer {
 public:
  FakeDeliverServer();
  ~FakeDeliverServer();

  /// `http://127.0.0.1:<port>/deliver`.
  std::string url() const;

  /// Answers the next `count` requests with `status` instead of 200; with `body_has`, only the next
  /// requests whose body contains it (chats are sent concurrently, so "the next" alone is a race).
  void fail_next(int count, int status = 500, std::string body_has = {});

  /// Waits until `count` requests were answered 2xx; false if the deadline passed first.
  bool wait_for_accepted(std::size_t count, std::chrono::milliseconds deadline);

  /// Every request so far, in arrival order.
  std::vector<Delivery> deliveries() const;

  /// Requests are recorded at once but answered only after release_answers(): a delivery stays in
  /// flight for as long as a test needs, with no sleep.
  void hold_answers();
  void release_answers();

  /// Records a request and says which status to answer it with; called by the server thread.
  int record(Delivery delivery);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<Delivery> deliveries_;
  int failures_left_ = 0;
  int failure_status_ = 500;
  std::string failure_body_has_;
  bool holding_ = false;
};

}  // namespace whistle::bot::testing
