#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace whistle::store {

class Database;

/// What the inbox knew of an event's key when it was recorded.
enum class Delivery {
  first,       ///< a new event: recorded, to be applied
  redelivery,  ///< the same event again: skip it and answer as the first time
  conflict,    ///< another event under a key already seen: skip it and refuse it
};

/// Every inbound event's dedupe key ("generic:default:m-1001") with a digest of the event, so a
/// redelivery changes nothing and an id reused for another event is caught.
class Inbox {
 public:
  explicit Inbox(Database& db);
  ~Inbox();

  /// Records a new event with its digest (raw bytes); a key seen before is left as it was and
  /// reported as a redelivery (same digest, or none kept) or a conflict.
  Delivery record(std::string_view key, std::int64_t at, std::string_view digest);

  /// Keeps the answer given to an event, so a redelivery is answered as the first delivery was.
  void save_answer(std::string_view key, std::string_view answer);

  /// The answer kept for an event; empty if none was kept.
  std::optional<std::string> answer(std::string_view key);

 private:
  struct Statements;
  std::unique_ptr<Statements> statements_;
};

}  // namespace whistle::store
