#include "store/writer_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>
#include <thread>

#include "store/database.hpp"

namespace whistle::store {

namespace {

// The pid the holder wrote into the file, for the message ("" when it wrote none yet).
std::string holder_of(int fd) {
  char text[32] = {};
  const ssize_t size = pread(fd, text, sizeof text - 1, 0);
  std::string pid(text, size > 0 ? static_cast<std::size_t>(size) : 0);
  while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' '))
    pid.pop_back();
  return pid;
}

void write_own_pid(int fd) {
  const std::string pid = std::to_string(getpid()) + "\n";
  // Only a note for the next one to be refused: a failure to write it changes nothing.
  if (ftruncate(fd, 0) == 0) (void)!pwrite(fd, pid.data(), pid.size(), 0);
}

}  // namespace

WriterLock WriterLock::take(const std::string& database_path, std::chrono::milliseconds patience) {
  if (database_path.empty() || database_path == ":memory:") return WriterLock(-1);
  const std::string path = database_path + ".lock";
  int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  // Left by another user (one run under sudo): a lock needs no write access, only the pid note does.
  if (fd < 0 && errno == EACCES) fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int error = errno;
    if (error == ENOENT) {
      const std::string missing = missing_directory_note(database_path);
      if (!missing.empty())
        throw std::runtime_error("cannot open the database '" + database_path + "'" + missing);
    }
    throw std::runtime_error("cannot open the lock file '" + path + "': " + std::strerror(error));
  }
  const auto give_up_at = std::chrono::steady_clock::now() + patience;
  while (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    if (error == EINTR) continue;
    if (error != EWOULDBLOCK || std::chrono::steady_clock::now() >= give_up_at) {
      const std::string holder = holder_of(fd);
      close(fd);
      if (error != EWOULDBLOCK) {
        throw std::runtime_error("cannot lock '" + path + "': " + std::strerror(error));
      }
      throw std::runtime_error("the database '" + database_path + "' is in use by another whistle process" +
                               (holder.empty() ? std::string() : " (pid " + holder + ")") +
                               ", which holds '" + path +
                               "'; one process writes a database: stop it first, or give this one "
                               "its own --db");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  write_own_pid(fd);
  return WriterLock(fd);
}

WriterLock::WriterLock(WriterLock&& other) noexcept : fd_(other.fd_) {
  other.fd_ = -1;
}

WriterLock::~WriterLock() {
  // Closing lets go of the lock. The file stays, with a pid nobody holds it by; the next process
  // writes its own.
  if (fd_ >= 0) close(fd_);
}

}  // namespace whistle::store
