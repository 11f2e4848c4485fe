#include "bot/allocator.hpp"

#include <cstdlib>
#ifdef __GLIBC__
#include <malloc.h>
#endif

// mimalloc's own functions, declared weak: present when the binary links libmimalloc (then its
// malloc replaces glibc's for the whole process, SQLite and OpenSSL included), null otherwise. The
// library is the same either way, so the tests, which do not link mimalloc, use it as it is.
extern "C" {
bool mi_is_in_heap_region(const void* p) noexcept __attribute__((weak));
void mi_collect(bool force) noexcept __attribute__((weak));
}

namespace whistle::bot {

namespace {

bool mimalloc_serves_malloc() {
  if (mi_is_in_heap_region == nullptr) return false;
  // Linked is not enough: malloc must be the one mimalloc answers for.
  void* probe = std::malloc(16);
  const bool ours = mi_is_in_heap_region(probe);
  std::free(probe);
  return ours;
}

}  // namespace

std::string_view allocator_name() {
  static const bool mimalloc = mimalloc_serves_malloc();
  return mimalloc ? "mimalloc" : "system";
}

void tune_allocator_for_serving() {
  if (allocator_name() == "mimalloc") return;
#ifdef __GLIBC__
  // A fixed threshold: glibc otherwise raises it to the size of each large block freed, up to
  // 32 MB, and later arrays of a 100k-node org (the config's, a query's) then come from the heap,
  // which keeps them mapped once freed. Above 1 MiB a block is its own mapping, given back at free.
  mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
  // Fixing that threshold also fixes the trim threshold at its default, 128 KiB: each batch's
  // frees then gave the top of the heap back (brk) and the next batch took it again, with page
  // faults and, on this VM, a TLB flush across cores each time: 17% of the writer's thread under
  // the mixed storm (perf, 2026-12-02). Keeping up to 8 MiB free at the top (and growing by 1 MiB
  // more than asked) ends that; peak RSS at 100k groups was 118 MB, 119 before (memory-notes.md).
  mallopt(M_TRIM_THRESHOLD, 8 * 1024 * 1024);
  mallopt(M_TOP_PAD, 1024 * 1024);
  // glibc gives each thread that allocates its own arena (up to 8 per core), and each arena keeps
  // what was freed in it: under the storm at 100k groups the network threads', the writer's and
  // the checkpointer's arenas held ~30 MB between them (peak RSS 148 MB, 119 MB with two arenas,
  // the storm no slower: bench/memory-notes.md). Set before any thread starts.
  mallopt(M_ARENA_MAX, 2);
#endif
}

void release_free_memory() {
  if (allocator_name() == "mimalloc") {  // then mi_collect is linked too
    mi_collect(true);
    return;
  }
#ifdef __GLIBC__
  // glibc keeps freed heap mapped: without a trim the start-up peak would stay the process's size
  // at rest.
  malloc_trim(0);
#endif
}

}  // namespace whistle::bot
