#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace whistle::store {

class Database;

/// What the inbox knew of an event's key when it was recorded.
enum class Delivery {
  first,       ///< a new event: recorded, to be applied
  redelivery,  ///< the same event again: skip it and answer as the first time
  conflict,    ///< another event under a key already seen: skip it and refuse it
};

/// What one batch knows of its events' keys: the inbox rows they already had (read at the batch's
/// start) and the rows recorded since, with their answers, written together at its end (Inbox::write).
/// Lives inside the batch's transaction: if that rolls back, the batch is thrown away with it.
class InboxBatch {
 public:
  /// Records an event as Inbox::record does, in memory.
  Delivery record(std::string_view key, std::int64_t at, std::string_view digest);
  /// Keeps the answer of an event recorded in this batch.
  void save_answer(std::string_view key, std::string answer);
  /// The answer kept for a key, in the inbox or in this batch; empty if none was kept.
  std::optional<std::string> answer(std::string_view key) const;

 private:
  friend class Inbox;
  struct Row {
    std::int64_t received_at = 0;
    std::optional<std::string> digest;  ///< empty for a row from before digests were kept
    std::optional<std::string> answer;
    bool recorded_here = false;  ///< new in this batch: to be written
  };
  std::unordered_map<std::string, Row> rows_;
  std::vector<std::string> recorded_;  ///< keys recorded here, in order
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

  /// Reads the rows these keys already have, one statement per kChunk keys, for a batch that
  /// records its events in memory and writes them once; throws std::runtime_error (SQLite).
  InboxBatch read_batch(const std::vector<std::string_view>& keys);

  /// Writes the rows the batch recorded, with their answers, one statement per kChunk rows.
  void write(const InboxBatch& batch);

  /// The most keys or rows one statement of read_batch or write carries.
  static constexpr std::size_t kChunk = 32;

 private:
  struct Statements;
  std::unique_ptr<Statements> statements_;
};

}  // namespace whistle::store
