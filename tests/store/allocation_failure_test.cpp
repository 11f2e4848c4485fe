// A rollback whose drop of the hot state finds no memory still runs, and memory still follows the
// disk: HotState::forget, unable to set a part aside to be freed later, frees it at once
// (store/hot_state.cpp). Before, the drop threw, the rollback never ran, and the failed event's
// writes were committed with its batch, or the transaction stayed open until a restart.
//
// The failure is real, not a hook: this executable, alone, replaces the global operator new, so a
// test can refuse every C++ allocation for a moment. SQLite allocates with malloc, which is left
// alone: only the C++ side of the rollback runs out of memory.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <optional>
#include <string>

#include "hot_state_fixture.hpp"
#include "store/database.hpp"
#include "store/hot_state.hpp"
#include "store/org.hpp"
#include "store/people.hpp"
#include "store/signups.hpp"
#include "store/tasks.hpp"

namespace {

// Whether this thread's allocations are being refused, of which size only (0: all), how many more
// to allow first, and how many were refused.
thread_local bool refusing = false;
thread_local std::size_t refused_size = 0;
thread_local std::size_t allowed_first = 0;
thread_local std::size_t refused = 0;

}  // namespace

namespace {

void* allocate(std::size_t size, std::size_t alignment) {
  if (refusing && (refused_size == 0 || size == refused_size)) {
    if (allowed_first == 0) {
      ++refused;
      throw std::bad_alloc();
    }
    --allowed_first;
  }
  size = size == 0 ? 1 : size;
  if (size > SIZE_MAX - alignment) throw std::bad_alloc();  // no room to round it up
  void* block = alignment <= alignof(std::max_align_t)
                    ? std::malloc(size)
                    : std::aligned_alloc(alignment, (size + alignment - 1) / alignment * alignment);
  if (block == nullptr) throw std::bad_alloc();
  return block;
}

void* allocate_or_null(std::size_t size, std::size_t alignment) noexcept {
  try {
    return allocate(size, alignment);
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
}

}  // namespace

// Every form, so that none reaches the runtime's own (the sanitizers define each form, and would
// report a block from theirs freed by ours).
void* operator new(std::size_t size) {
  return allocate(size, 0);
}
void* operator new[](std::size_t size) {
  return allocate(size, 0);
}
void* operator new(std::size_t size, std::align_val_t align) {
  return allocate(size, static_cast<std::size_t>(align));
}
void* operator new[](std::size_t size, std::align_val_t align) {
  return allocate(size, static_cast<std::size_t>(align));
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  return allocate_or_null(size, 0);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  return allocate_or_null(size, 0);
}
void* operator new(std::size_t size, std::align_val_t align, const std::nothrow_t&) noexcept {
  return allocate_or_null(size, static_cast<std::size_t>(align));
}
void* operator new[](std::size_t size, std::align_val_t align, const std::nothrow_t&) noexcept {
  return allocate_or_null(size, static_cast<std::size_t>(align));
}
void operator delete(void* block) noexcept {
  std::free(block);
}
void operator delete[](void* block) noexcept {
  std::free(block);
}
void operator delete(void* block, std::size_t) noexcept {
  std::free(block);
}
void operator delete[](void* block, std::size_t) noexcept {
  std::free(block);
}
void operator delete(void* block, std::align_val_t) noexcept {
  std::free(block);
}
void operator delete[](void* block, std::align_val_t) noexcept {
  std::free(block);
}
void operator delete(void* block, std::size_t, std::align_val_t) noexcept {
  std::free(block);
}
void operator delete[](void* block, std::size_t, std::align_val_t) noexcept {
  std::free(block);
}
void operator delete(void* block, const std::nothrow_t&) noexcept {
  std::free(block);
}
void operator delete[](void* block, const std::nothrow_t&) noexcept {
  std::free(block);
}
void operator delete(void* block, std::align_val_t, const std::nothrow_t&) noexcept {
  std::free(block);
}
void operator delete[](void* block, std::align_val_t, const std::nothrow_t&) noexcept {
  std::free(block);
}

namespace whistle::store {
namespace {

// Refuses every allocation of this thread from now on, after allowing the first `allowed`.
void refuse_allocations(std::size_t allowed = 0) {
  refused = 0;
  refused_size = 0;
  allowed_first = allowed;
  refusing = true;
}

// Refuses this thread's allocations of `size` bytes from now on; others go through.
void refuse_allocations_of(std::size_t size) {
  refuse_allocations();
  refused_size = size;
}

// Allows them again; says how many were refused meanwhile.
std::size_t allow_allocations() {
  refusing = false;
  return refused;
}

// Whether the connection can open a write transaction: a rollback that never ran leaves the last
// one open, and every BEGIN after it is refused.
bool can_begin(Database& db) {
  try {
    Transaction transaction(db);
    transaction.commit();
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

class AllocationFailureTest : public HotStateTest {
 protected:
  // Uncommitted writes in several parts of the hot state: the chat's node, the people and their
  // roles, the task, its signups.
  void write_in_several_parts(const std::string& person) {
    EXPECT_TRUE(org_.node_of_chat("generic:b3u2"));
    EXPECT_TRUE(tasks_.by_id(task_));
    people_.touch(person, "阿二", 2);
    signups_.put(task_, person, SignupState::signed_up, 2);
    people_.grant(person, "b3u2", Role::volunteer, 2);
  }

  // Nothing of `person`'s in memory or on disk, and the next transaction begins.
  void expect_rolled_back(const std::string& person) {
    EXPECT_TRUE(can_begin(db_));
    EXPECT_EQ(signups_.count(task_, SignupState::signed_up), 0);
    EXPECT_FALSE(signups_.find(task_, person));
    EXPECT_FALSE(people_.find(person));
    EXPECT_FALSE(people_.has_role(person, "b3u2", Role::volunteer));
    EXPECT_EQ(state_on_disk(person), std::nullopt);
  }

  OrgRepository org_{db_};
};

// Memory runs out at each point of the drop in turn: at its first allocation (no part can be set
// aside), then after one and after two parts were (the rest are freed at once).
TEST_F(AllocationFailureTest, ARollbackWhoseDropFindsNoMemoryStillRunsAndMemoryFollowsTheDisk) {
  for (std::size_t allowed = 0; allowed <= 2; ++allowed) {
    SCOPED_TRACE(allowed);
    const std::string person = "generic:b" + std::to_string(allowed);
    const std::uint64_t generation = db_.hot().generation();
    {
      Transaction transaction(db_);
      write_in_several_parts(person);
      ASSERT_EQ(signups_.count(task_, SignupState::signed_up), 1);  // in memory, uncommitted
      refuse_allocations(allowed);
    }  // rolled back here, the drop's allocations refused past the first `allowed`
    EXPECT_GT(allow_allocations(), 0u);  // the drop did run out
    EXPECT_GT(db_.hot().generation(), generation);
    EXPECT_EQ(db_.hot().forgotten_parts(), allowed);  // set aside as far as memory went; the rest freed
    expect_rolled_back(person);
  }
}

// One failing event of the one-by-one path: its savepoint is undone, the batch's other writes stay
// and commit.
TEST_F(AllocationFailureTest, ASavepointUndoneWhileNoMemoryIsLeftKeepsTheBatchsOtherWritesAndNothingOfIts) {
  {
    Transaction transaction(db_);
    signups_.put(task_, "generic:a", SignupState::signed_up, 2);
    {
      Savepoint savepoint(db_);
      people_.touch("generic:b", "阿二", 2);
      signups_.put(task_, "generic:b", SignupState::signed_up, 2);
      refuse_allocations();
    }
    EXPECT_GT(allow_allocations(), 0u);
    EXPECT_EQ(signups_.count(task_, SignupState::signed_up), 1);  // read again in the transaction
    EXPECT_FALSE(signups_.find(task_, "generic:b"));
    transaction.commit();
  }
  EXPECT_EQ(state_on_disk("generic:a"), "signed_up");
  EXPECT_EQ(state_on_disk("generic:b"), std::nullopt);
  EXPECT_FALSE(people_.find("generic:b"));
  EXPECT_TRUE(can_begin(db_));
}

// The one allocation of a drop that the tests above do not reach: the queue's own. The part was
// moved into its wrapper (make_unique succeeded), then the deque needs a new block to hold the
// wrapper's pointer and finds no memory. libstdc++'s deque of pointers takes a block of 64 once in
// every 64 parts queued, so the drop runs again until one of its parts needs that block: the
// wrapper, and the part in it, are freed at once, and the drop goes on with the next part.
TEST_F(AllocationFailureTest, ADropWhoseQueueCannotGrowFreesThePartAndGoesOn) {
  constexpr std::size_t kQueueBlock = 64 * sizeof(void*);
  std::size_t queued_with_room = 0;
  bool reached = false;
  for (int round = 0; round < 128 && !reached; ++round) {
    SCOPED_TRACE(round);
    const std::string person = "generic:q" + std::to_string(round);
    {
      Transaction transaction(db_);
      write_in_several_parts(person);
      refuse_allocations_of(kQueueBlock);
    }  // rolled back here
    reached = allow_allocations() > 0;
    if (reached) {
      EXPECT_LT(db_.hot().forgotten_parts(), queued_with_room);  // the rest were freed at once
    } else {
      queued_with_room = db_.hot().forgotten_parts();
    }
    expect_rolled_back(person);
  }
  EXPECT_TRUE(reached);
}

// The refusal itself is what the tests above rely on: without it they would prove nothing.
TEST(AllocationRefusal, RefusesEveryAllocationUntilAllowedAgain) {
  refuse_allocations();
  bool thrown = false;
  try {
    std::string text(64, 'x');  // past the small-string buffer: an allocation
  } catch (const std::bad_alloc&) {
    thrown = true;
  }
  EXPECT_EQ(allow_allocations(), 1u);
  EXPECT_TRUE(thrown);
  EXPECT_EQ(std::string(64, 'y').size(), 64u);
}

TEST(AllocationRefusal, RefusesOnlyTheSizeAskedFor) {
  refuse_allocations_of(100);
  bool other_size_given = false;
  bool asked_size_thrown = false;
  try {
    other_size_given = std::string(64, 'x').size() == 64;
    ::operator delete(::operator new(100));
  } catch (const std::bad_alloc&) {
    asked_size_thrown = true;
  }
  EXPECT_EQ(allow_allocations(), 1u);
  EXPECT_TRUE(other_size_given);
  EXPECT_TRUE(asked_size_thrown);
}

}  // namespace
}  // namespace whistle::store
