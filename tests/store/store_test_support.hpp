#pragma once

// Shared set-up for the store tests: an in-memory database with a small org tree, and temp files.

#include <SQLiteCpp/Database.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/org.hpp"
#include "store/outbox.hpp"
#include "store/people.hpp"

namespace whistle::store::testing {

/// The first seconds of October and of November 2026 in Asia/Shanghai: the months of the
/// read-side tests.
inline constexpr std::int64_t kOctober = 1790784000;
inline constexpr std::int64_t kNovember = 1793462400;

/// A fresh in-memory database with community c1 → grid g1 → building b3 → units b3u1, b3u2,
/// each node with a chat of the same name ("generic:<id>").
inline void add_small_org(Database& db) {
  OrgRepository org(db);
  org.upsert_node({"c1", "c1", 0, "", "锦华家园社区"});
  org.upsert_node({"g1", "c1", 1, "c1", "第一网格"});
  org.upsert_node({"b3", "c1", 2, "g1", "3号楼"});
  org.upsert_node({"b3u1", "c1", 3, "b3", "3号楼1单元"});
  org.upsert_node({"b3u2", "c1", 3, "b3", "3号楼2单元"});
  for (const char* id : {"c1", "g1", "b3", "b3u1", "b3u2"})
    org.bind_chat(std::string("generic:") + id, id);
}

/// The ids of outbox messages, in their order.
inline std::vector<std::int64_t> ids(const std::vector<OutboxMessage>& messages) {
  std::vector<std::int64_t> result;
  for (const auto& m : messages)
    result.push_back(m.id);
  return result;
}

/// A path in the temp directory that is removed (with its WAL files) when the object goes.
class TempDatabaseFile {
 public:
  explicit TempDatabaseFile(const std::string& name)
      : path_((std::filesystem::temp_directory_path() /
               ("whistle-" + name + "-" + std::to_string(::getpid()) + ".db"))
                  .string()) {
    remove();
  }
  ~TempDatabaseFile() { remove(); }
  const std::string& path() const { return path_; }

 private:
  void remove() {
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path_ + suffix);
  }
  std::string path_;
};

}  // namespace whistle::store::testing
