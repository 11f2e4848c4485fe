#pragma once

#include <exception>
#include <functional>
#include <memory>
#include <string>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/any_io_executor.hpp>

#include "bot/http_answer.hpp"
#include "bot/net.hpp"

namespace whistle::store {
class Database;
}

namespace whistle::bot::board {

class BoardCache;

/// The board's reader: one thread of its own with a read-only connection (design.md, "Reads use
/// their own connections"), so a board query never blocks a network thread nor the writer. Work runs
/// one at a time, each inside one ReadSnapshot so the figures of a page agree.
class BoardReader {
 public:
  /// What a request asks of the database; runs on the reader's thread, with the reader's cache of
  /// what the ledger sums to.
  using Work = std::function<HttpAnswer(store::Database&, BoardCache&)>;

  /// Opens nothing yet (the connection is opened by the first read, and again after a failure).
  /// `path` is the database file; ":memory:" cannot be read from a second connection, so every read
  /// is then answered 503 with the reason.
  explicit BoardReader(std::string path);
  ~BoardReader();
  BoardReader(const BoardReader&) = delete;
  BoardReader& operator=(const BoardReader&) = delete;

  /// Runs `work` on the reader's thread and returns its answer to the caller's executor. A storage
  /// failure is answered 503; a bug is rethrown here (the session answers 500).
  asio::awaitable<HttpAnswer> read(Work work);

  /// Finishes the read in progress and stops the thread; later reads are answered 503.
  void stop();

  /// The completion handler a read waits with: a bug's exception, or the answer.
  using Handler = asio::any_completion_handler<void(std::exception_ptr, HttpAnswer)>;

  /// Starts a read (used by read()); runs `handler` on `executor` (the caller's) when done.
  void start_read(Work work, Handler handler, asio::any_io_executor executor);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace whistle::bot::board
