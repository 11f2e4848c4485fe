#include "store/page_cache.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <new>

namespace whistle::store {

namespace {

// SQLite's lock byte sits at 1 GiB (sqlite3PendingByte; only SQLite's own tests move it). The page
// that holds it is never given to a B-tree, which is why SQLite borrows its number as a temporary.
constexpr unsigned kLockByteOffset = 0x40000000;

sqlite3_pcache_methods2 pcache1{};  // SQLite's default cache, which does the work

std::atomic<std::uint64_t> parked_total{0};
std::atomic<std::uint64_t> skipped_total{0};
std::atomic<std::uint64_t> passed_total{0};

// One per SQLite page cache. A cache is used under its connection's lock, so these fields need none.
struct Cache {
  sqlite3_pcache* inner = nullptr;
  unsigned lock_byte_key = 0;  // the temporary number pages are parked at
  unsigned largest_key = 0;    // no page other than parked ones has a larger key
  unsigned parked = 0;         // pages at lock_byte_key now
};

Cache* cache_of(sqlite3_pcache* cache) {
  return reinterpret_cast<Cache*>(cache);
}

void note_key(Cache& cache, unsigned key) {
  if (key == cache.lock_byte_key) {
    ++cache.parked;
    parked_total.fetch_add(1, std::memory_order_relaxed);
  } else {
    cache.largest_key = std::max(cache.largest_key, key);
  }
}

int init(void*) {
  return pcache1.xInit(pcache1.pArg);
}

void shutdown(void*) {
  pcache1.xShutdown(pcache1.pArg);
}

sqlite3_pcache* create(int page_size, int extra_size, int purgeable) {
  auto* cache = new (std::nothrow) Cache;
  if (cache == nullptr) return nullptr;
  cache->inner = pcache1.xCreate(page_size, extra_size, purgeable);
  if (cache->inner == nullptr) {
    delete cache;
    return nullptr;
  }
  cache->lock_byte_key = kLockByteOffset / static_cast<unsigned>(page_size) + 1;
  return reinterpret_cast<sqlite3_pcache*>(cache);
}

void cachesize(sqlite3_pcache* cache, int pages) {
  pcache1.xCachesize(cache_of(cache)->inner, pages);
}

int pagecount(sqlite3_pcache* cache) {
  return pcache1.xPagecount(cache_of(cache)->inner);
}

sqlite3_pcache_page* fetch(sqlite3_pcache* cache, unsigned key, int create_flag) {
  Cache& own = *cache_of(cache);
  sqlite3_pcache_page* page = pcache1.xFetch(own.inner, key, create_flag);
  // The page may have been made now. Counting one that was already there is harmless: the fields
  // are a bound, and a truncation resets them.
  if (page != nullptr && create_flag != 0 && key > own.largest_key) note_key(own, key);
  return page;
}

void unpin(sqlite3_pcache* cache, sqlite3_pcache_page* page, int discard) {
  pcache1.xUnpin(cache_of(cache)->inner, page, discard);
}

void rekey(sqlite3_pcache* cache, sqlite3_pcache_page* page, unsigned old_key, unsigned new_key) {
  Cache& own = *cache_of(cache);
  pcache1.xRekey(own.inner, page, old_key, new_key);
  if (old_key == own.lock_byte_key && own.parked > 0) --own.parked;
  note_key(own, new_key);
}

void truncate(sqlite3_pcache* cache, unsigned limit) {
  Cache& own = *cache_of(cache);
  // Pages with a key >= limit go. None exists unless one was made at or past the limit, or one is
  // parked at the lock-byte key and that key is at or past it.
  const bool parked_past_limit = own.parked > 0 && own.lock_byte_key >= limit;
  if (own.largest_key < limit && !parked_past_limit) {
    skipped_total.fetch_add(1, std::memory_order_relaxed);
    return;
  }
  pcache1.xTruncate(own.inner, limit);
  passed_total.fetch_add(1, std::memory_order_relaxed);
  if (limit == 0) {
    own.largest_key = 0;
  } else {
    own.largest_key = std::min(own.largest_key, limit - 1);
  }
  if (own.lock_byte_key >= limit) own.parked = 0;
}

void destroy(sqlite3_pcache* cache) {
  Cache* own = cache_of(cache);
  pcache1.xDestroy(own->inner);
  delete own;
}

void shrink(sqlite3_pcache* cache) {
  pcache1.xShrink(cache_of(cache)->inner);
}

bool install() {
  if (sqlite3_config(SQLITE_CONFIG_GETPCACHE2, &pcache1) != SQLITE_OK || pcache1.xFetch == nullptr)
    return false;
  sqlite3_pcache_methods2 wrapper{};
  wrapper.iVersion = 1;
  wrapper.pArg = nullptr;
  wrapper.xInit = init;
  wrapper.xShutdown = shutdown;
  wrapper.xCreate = create;
  wrapper.xCachesize = cachesize;
  wrapper.xPagecount = pagecount;
  wrapper.xFetch = fetch;
  wrapper.xUnpin = unpin;
  wrapper.xRekey = rekey;
  wrapper.xTruncate = truncate;
  wrapper.xDestroy = destroy;
  wrapper.xShrink = shrink;
  return sqlite3_config(SQLITE_CONFIG_PCACHE2, &wrapper) == SQLITE_OK;
}

}  // namespace

bool install_page_cache() {
  static std::mutex mutex;
  static bool installed = false;  // never twice: the second would wrap the wrapper
  std::lock_guard<std::mutex> lock(mutex);
  if (!installed) installed = install();
  return installed;
}

PageCacheCounts page_cache_counts() {
  return PageCacheCounts{parked_total.load(std::memory_order_relaxed),
                         skipped_total.load(std::memory_order_relaxed),
                         passed_total.load(std::memory_order_relaxed)};
}

}  // namespace whistle::store
