#pragma once

#include <cstdint>

namespace whistle::store {

/// Installs, process-wide, SQLite's own page cache behind a wrapper that skips truncations with
/// nothing to drop. Returns whether the wrapper is in place: SQLite takes a page cache only before
/// its first use in the process (Database installs it then); later this changes nothing.
///
/// Why: at the end of every write transaction SQLite drops the cached pages past the database's
/// size. Its default cache (pcache1) does that by scanning its whole hash table whenever the
/// largest key it has ever held since the last truncation is far past that size. SQLite 3.40's
/// B-tree, when a page split leaves sibling pages out of order, swaps their numbers through a
/// temporary key: the page number of the lock byte (1 GiB ÷ page size + 1, 262,145 here), which no
/// page ever really has. The page is renumbered again at once, but pcache1's largest key stays
/// 262,145, so the next commit scanned all ~8,000 cached page headers: ~6% of the writer's time
/// under the mixed storm, one commit in three or four (bench/README.md, 2026-12-03).
///
/// The wrapper knows an upper bound of the keys really held: the largest key any page was created
/// or renumbered at, except that lock-byte key, for which it counts the pages parked there (each
/// one leaves it with its next renumbering). A truncation below that bound, or below the lock-byte
/// key while a page is parked there, goes to pcache1 as before; any other has nothing to drop and
/// is skipped. Everything else is pcache1's, unchanged.
bool install_page_cache();

/// What the wrapper did since the process started (tests and benchmarks read it).
struct PageCacheCounts {
  std::uint64_t parked = 0;               // pages renumbered to the lock-byte key
  std::uint64_t truncations_skipped = 0;  // nothing past the limit: pcache1 not asked
  std::uint64_t truncations_passed = 0;   // pcache1 asked to drop pages
};
PageCacheCounts page_cache_counts();

}  // namespace whistle::store
