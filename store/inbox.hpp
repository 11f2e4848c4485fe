#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace whistle::store {

class Database;

/// Every inbound event's dedupe key ("generic:default:m-1001"), so a redelivery changes nothing.
class Inbox {
 public:
  explicit Inbox(Database& db);
  ~Inbox();

  /// Records a new event; false when the key was seen before (the event must then be skipped).
  bool record(std::string_view key, std::int64_t at);

  /// Keeps the answer given to an event, so a redelivery is answered as the first delivery was.
  void save_answer(std::string_view key, std::string_view answer);

  /// The answer kept for an event; empty if none was kept.
  std::optional<std::string> answer(std::string_view key);

 private:
  struct Statements;
  std::unique_ptr<Statements> statements_;
};

}  // namespace whistle::store
