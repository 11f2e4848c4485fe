#include "bot/board/board_reader.hpp"

#include <atomic>

#include <spdlog/logger.h>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include "bot/board/board_cache.hpp"
#include "bot/http_error.hpp"
#include "bot/logging.hpp"
#include "bot/thread_name.hpp"
#include "store/database.hpp"

namespace whistle::bot::board {

namespace {

// The initiation of read() as a named function object: g++ 12 miscompiles a capturing lambda
// inside a co_await expression (conventions.md, "Async").
struct ReadInitiation {
  BoardReader* reader;
  template <typename Handler>
  void operator()(Handler&& handler, BoardReader::Work work) const {
    // The handler's own executor is taken while its type is still known.
    asio::any_io_executor executor = asio::get_associated_executor(handler);
    reader->start_read(std::move(work), BoardReader::Handler(std::forward<Handler>(handler)),
                       std::move(executor));
  }
};

HttpAnswer unavailable(std::string message) {
  return error_answer(HttpError{503, std::move(message)});
}

}  // namespace

struct BoardReader::Impl {
  std::string path;
  asio::thread_pool pool{1};
  std::atomic<bool> stopped{false};
  std::shared_ptr<spdlog::logger> log = named_logger("http");
  std::unique_ptr<store::Database> db;  ///< on the pool's thread only
  BoardCache cache;                     ///< on the pool's thread only

  // On the pool's thread: opens the connection when there is none, runs the work in one snapshot.
  HttpAnswer run(const Work& work) {
    if (path == ":memory:") {
      return unavailable(
          "the board needs a database file: an in-memory database cannot be read from a second connection");
    }
    try {
      if (!db)
        db = std::make_unique<store::Database>(store::DatabaseOptions{.path = path, .read_only = true});
      return work(*db, cache);
    } catch (const std::exception& error) {
      if (!store::is_storage_failure(error) && db) throw;
      // The file is locked, gone or unreadable (or could not be opened at all): a new connection is
      // tried by the next read.
      log->warn("board read failed error=\"{}\"", error.what());
      db.reset();
      cache = BoardCache();
      return unavailable("the board cannot read the database now, please retry");
    }
  }
};

BoardReader::BoardReader(std::string path) : impl_(std::make_unique<Impl>()) {
  impl_->path = std::move(path);
  // The pool's one thread, named before any read runs on it.
  asio::post(impl_->pool, [] { name_this_thread("whistle-board"); });
}

BoardReader::~BoardReader() {
  stop();
}

void BoardReader::stop() {
  impl_->stopped = true;
  impl_->pool.join();
}

asio::awaitable<HttpAnswer> BoardReader::read(Work work) {
  HttpAnswer answer =
      co_await asio::async_initiate<const asio::use_awaitable_t<>&, void(std::exception_ptr, HttpAnswer)>(
          ReadInitiation{this}, asio::use_awaitable, std::move(work));
  co_return answer;
}

void BoardReader::start_read(Work work, Handler handler, asio::any_io_executor executor) {
  if (impl_->stopped) {
    asio::post(executor, [handler = std::move(handler)]() mutable {
      std::move(handler)(nullptr, unavailable("the server is stopping"));
    });
    return;
  }
  asio::post(impl_->pool, [impl = impl_.get(), work = std::move(work), handler = std::move(handler),
                           executor = std::move(executor)]() mutable {
    HttpAnswer answer;
    std::exception_ptr failure;
    try {
      answer = impl->run(work);
    } catch (...) {
      // A bug: handed to the session, which logs it and answers 500.
      failure = std::current_exception();
    }
    // Posted back: the request's coroutine resumes on its own executor, never on the reader's thread.
    asio::post(executor, [handler = std::move(handler), failure, answer = std::move(answer)]() mutable {
      std::move(handler)(failure, std::move(answer));
    });
  });
}

}  // namespace whistle::bot::board
