// The page cache wrapper (store/page_cache.hpp) skips a truncation only when no page is past its
// limit: what pcache1 would have dropped is still dropped, parked pages included.
#include "store/page_cache.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdint>
#include <random>
#include <string>

#include "store_test_support.hpp"

namespace whistle::store {
namespace {

using testing::TempDatabaseFile;

constexpr int kPageSize = 4096;
constexpr unsigned kLockByteKey = 0x40000000 / kPageSize + 1;  // 262,145

// The methods SQLite uses, read back while it is stopped (the only time it answers). Earlier tests
// in this process closed their connections, so stopping it is allowed.
sqlite3_pcache_methods2 installed_methods() {
  EXPECT_EQ(sqlite3_shutdown(), SQLITE_OK);
  EXPECT_TRUE(install_page_cache());
  sqlite3_pcache_methods2 methods{};
  EXPECT_EQ(sqlite3_config(SQLITE_CONFIG_GETPCACHE2, &methods), SQLITE_OK);
  EXPECT_EQ(sqlite3_initialize(), SQLITE_OK);
  return methods;
}

class PageCacheTest : public ::testing::Test {
 protected:
  PageCacheTest() : methods_(installed_methods()), cache_(methods_.xCreate(kPageSize, 64, 1)) {
    methods_.xCachesize(cache_, 100);
  }
  ~PageCacheTest() override { methods_.xDestroy(cache_); }

  void make(unsigned key) { methods_.xUnpin(cache_, pinned(key), 0); }
  sqlite3_pcache_page* pinned(unsigned key) {
    sqlite3_pcache_page* page = methods_.xFetch(cache_, key, 1);
    EXPECT_NE(page, nullptr) << key;
    return page;
  }
  bool held(unsigned key) {
    sqlite3_pcache_page* page = methods_.xFetch(cache_, key, 0);
    if (page != nullptr) methods_.xUnpin(cache_, page, 0);
    return page != nullptr;
  }
  int pages() { return methods_.xPagecount(cache_); }

  sqlite3_pcache_methods2 methods_;
  sqlite3_pcache* cache_;
};

TEST_F(PageCacheTest, ATruncationDropsThePagesPastItsLimit) {
  for (unsigned key = 1; key <= 10; ++key)
    make(key);
  ASSERT_EQ(pages(), 10);
  methods_.xTruncate(cache_, 7);
  EXPECT_EQ(pages(), 6);
  EXPECT_FALSE(held(7));
  EXPECT_TRUE(held(6));
  // Nothing is past 7 now: skipped, and nothing goes.
  const PageCacheCounts before = page_cache_counts();
  methods_.xTruncate(cache_, 7);
  EXPECT_EQ(page_cache_counts().truncations_skipped, before.truncations_skipped + 1);
  EXPECT_EQ(pages(), 6);
  // A page made past the limit since is dropped.
  make(20);
  methods_.xTruncate(cache_, 7);
  EXPECT_FALSE(held(20));
  EXPECT_EQ(pages(), 6);
}

TEST_F(PageCacheTest, APageParkedAtTheLockByteKeyIsDroppedUntilItIsRenumberedBack) {
  for (unsigned key = 1; key <= 6; ++key)
    make(key);
  const PageCacheCounts before = page_cache_counts();
  // As SQLite's B-tree swaps two pages' numbers: one waits at the lock-byte key.
  sqlite3_pcache_page* page = pinned(6);
  methods_.xRekey(cache_, page, 6, kLockByteKey);
  methods_.xUnpin(cache_, page, 0);
  EXPECT_EQ(page_cache_counts().parked, before.parked + 1);
  // Past every real limit: a truncation must still drop it.
  methods_.xTruncate(cache_, 7);
  EXPECT_FALSE(held(kLockByteKey));
  EXPECT_EQ(pages(), 5);

  // Parked and then given a number of its own: a truncation past that number has nothing to drop.
  page = pinned(5);
  methods_.xRekey(cache_, page, 5, kLockByteKey);
  methods_.xRekey(cache_, page, kLockByteKey, 8);
  methods_.xUnpin(cache_, page, 0);
  const PageCacheCounts renumbered = page_cache_counts();
  methods_.xTruncate(cache_, 9);
  EXPECT_EQ(page_cache_counts().truncations_skipped, renumbered.truncations_skipped + 1);
  EXPECT_TRUE(held(8));
  methods_.xTruncate(cache_, 8);
  EXPECT_FALSE(held(8));
  EXPECT_EQ(pages(), 4);
}

// Real SQLite, as the writer uses it: random keys split pages out of order (so pages are parked),
// commits skip their truncation, and a rolled-back growth of the file is dropped from the cache.
TEST(PageCacheWithSQLite, RandomInsertsRollbacksAndCommitsLeaveTheDatabaseWhole) {
  installed_methods();
  TempDatabaseFile file("page-cache");
  SQLite::Database db(file.path(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("CREATE TABLE t (k TEXT PRIMARY KEY, v BLOB NOT NULL) WITHOUT ROWID");
  const PageCacheCounts before = page_cache_counts();
  std::mt19937 random(15);
  SQLite::Statement insert(db, "INSERT INTO t (k, v) VALUES (?, zeroblob(?))");
  std::int64_t kept = 0;
  std::int64_t kept_bytes = 0;
  for (int batch = 0; batch < 120; ++batch) {
    // Every fourth batch grows the file a lot and is rolled back.
    const bool undone = batch % 4 == 3;
    db.exec("BEGIN IMMEDIATE");
    for (int row = 0; row < (undone ? 400 : 60); ++row) {
      const int bytes = undone ? 900 : 40 + static_cast<int>(random() % 200);
      insert.bind(1, std::to_string(random()) + "-" + std::to_string(batch) + "-" + std::to_string(row));
      insert.bind(2, bytes);
      insert.exec();
      insert.reset();
      if (!undone) {
        ++kept;
        kept_bytes += bytes;
      }
    }
    db.exec(undone ? "ROLLBACK" : "COMMIT");
  }
  const PageCacheCounts after = page_cache_counts();
  EXPECT_GT(after.parked, before.parked);
  EXPECT_GT(after.truncations_skipped, before.truncations_skipped);
  EXPECT_GT(after.truncations_passed, before.truncations_passed);

  // What this connection sees from its cache is what a fresh connection reads from the file.
  EXPECT_EQ(db.execAndGet("SELECT COUNT(*) || '/' || SUM(length(v)) FROM t").getString(),
            std::to_string(kept) + "/" + std::to_string(kept_bytes));
  SQLite::Database fresh(file.path(), SQLite::OPEN_READONLY);
  EXPECT_EQ(fresh.execAndGet("SELECT COUNT(*) || '/' || SUM(length(v)) FROM t").getString(),
            std::to_string(kept) + "/" + std::to_string(kept_bytes));
  EXPECT_EQ(db.execAndGet("PRAGMA integrity_check").getString(), "ok");
}

}  // namespace
}  // namespace whistle::store
