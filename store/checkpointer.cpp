#include "store/checkpointer.hpp"

#include <stdexcept>

#include "store/database.hpp"

namespace whistle::store {

Checkpointer::Checkpointer(const std::string& path, std::chrono::milliseconds interval)
    : interval_(interval) {
  thread_ = std::thread(&Checkpointer::run, this, path);
  // Report a file that cannot be opened to the caller, not as a silent dead thread.
  std::unique_lock lock(mutex_);
  wake_.wait(lock, [this] { return opened_ || !open_error_.empty(); });
  if (!open_error_.empty()) {
    lock.unlock();
    thread_.join();
    throw std::runtime_error("checkpointer: " + open_error_);
  }
}

Checkpointer::~Checkpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

long long Checkpointer::runs() const {
  std::lock_guard lock(mutex_);
  return runs_;
}

void Checkpointer::run(std::string path) {
  std::unique_ptr<Database> db;
  try {
    db = std::make_unique<Database>(DatabaseOptions{.path = path, .manual_checkpoints = true});
  } catch (const std::exception& error) {
    std::lock_guard lock(mutex_);
    open_error_ = error.what();
    wake_.notify_all();
    return;
  }
  {
    std::lock_guard lock(mutex_);
    opened_ = true;
  }
  wake_.notify_all();

  std::unique_lock lock(mutex_);
  for (;;) {
    const bool stopping = wake_.wait_for(lock, interval_, [this] { return stopping_; });
    lock.unlock();
    try {
      // PASSIVE never blocks the writer; it copies what it can and leaves the rest for next time.
      db->checkpoint();
    } catch (const std::exception&) {
      // A busy or failing checkpoint is retried on the next round; the WAL stays valid meanwhile.
    }
    lock.lock();
    ++runs_;
    if (stopping) return;
  }
}

}  // namespace whistle::store
