#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/unordered/unordered_flat_map.hpp>
#include <boost/unordered/unordered_flat_set.hpp>
#include <boost/unordered_map.hpp>

#include "store/database.hpp"
#include "store/org.hpp"
#include "store/people.hpp"
#include "store/signups.hpp"
#include "store/tasks.hpp"

namespace whistle::store {

/// What the single writer's hot paths read, kept in memory beside one connection (see
/// docs/hot_state.md). Plain data: each part is filled on first use and kept true by the one
/// repository that writes its table, always after the SQL statement succeeded. Database drops all
/// of it on any rollback, failed commit, or another connection's write; it then reloads on use.
/// Internal to store/: nothing above store/ sees it.
struct HotState {
  /// A person's row as the cache knows it; `updated_at` 0 means the name is the config's.
  struct PersonRow {
    std::string name;
    std::int64_t updated_at = 0;
  };
  /// The roles a person holds: `held` is what is known to be granted; when `complete`, it is all
  /// of them, in the order granted (rowid order), and anything else is known not to be held.
  struct PersonRoles {
    bool complete = false;
    std::vector<std::pair<std::string, Role>> held;
  };
  /// What the report-in path asks of one task's signups, kept small: the counts, the highest seq,
  /// who has a row at all, the waitlist in order, and the row written last. A known person's row
  /// is read from SQLite when asked (one primary-key probe): holding every row cost ~200 bytes a
  /// signup, and a big open task held all of them for as long as it stayed open.
  struct TaskSignups {
    int counts[3] = {0, 0, 0};  ///< per SignupState
    std::int64_t max_seq = 0;   ///< MAX(seq) of the task, every state
    /// A hash of the id of every person with a row for the task, in any state: a person whose
    /// hash is not here has none, and a new volunteer is known absent without a statement. Two
    /// ids that share a hash cost a probe, never a wrong answer.
    boost::unordered_flat_set<std::uint64_t> people;
    /// The waitlisted's seqs, ascending: a place in line is a binary search.
    std::vector<std::int64_t> waitlist;
    /// The ids at the head of the line, in order (seq, person): every waitlisted whose seq is at
    /// most `head_through`, about SignupRepository's head size of them. Who is next is the only
    /// question that needs an id; holding every waitlisted id cost ~70 bytes a waitlisted signup,
    /// and a storm's full tasks held hundreds of thousands. When the head runs out it is read
    /// again from SQLite.
    std::vector<std::pair<std::int64_t, std::string>> line_head;
    std::int64_t head_through = std::numeric_limits<std::int64_t>::max();
    /// The row written last (put, set_state): a report-in asks about it again at once.
    std::optional<Signup> last_written;
  };

  // Maps whose entries nobody holds a reference to across an insertion are open-addressing
  // (boost's flat maps): a lookup is one probe into one array, where the node-based maps walked a
  // bucket list and divided by a prime — 16% of the writer's samples under the judge's storm.
  // `tasks` and `signups` stay node-based: callers keep pointers to a task, or a task's signups,
  // while other tasks are read in beside them.
  template <typename Key, typename Value>
  using FlatMap = boost::unordered_flat_map<Key, Value>;
  template <typename Key, typename Value>
  using StableMap = boost::unordered_map<Key, Value>;

  // org: a chat's node (empty: bound to nothing) and nodes by id (empty: no such node).
  FlatMap<std::string, std::optional<std::string>> node_id_of_chat;
  FlatMap<std::string, std::optional<OrgNode>> nodes;
  /// The communities' ids (the level-0 nodes), once read.
  std::optional<std::vector<std::string>> communities;
  // people: empty for a person with no row.
  FlatMap<std::string, std::optional<PersonRow>> people;
  FlatMap<std::string, PersonRoles> roles;
  /// The people holding a role anywhere in a community, nodes in (level, rowid) order, each once.
  std::map<std::pair<std::string, Role>, std::vector<std::string>> holders_in_community;
  // tasks: rows by id, ids by (community, number), and the open tasks posted in a chat (oldest
  // first), each as little as choosing among them needs. The lists are bounded apart from the
  // rows: a storm's chats held more open tasks than the rows' bound, so forgetting the rows made
  // every command without a number read its chat's whole list back (bench/README.md).
  StableMap<std::int64_t, Task> tasks;
  std::map<std::pair<std::string, std::int64_t>, std::int64_t> task_by_number;
  FlatMap<std::string, std::vector<ListedTask>> open_in_chat;
  /// Tasks added to the lists since they were last forgotten, less those a close took out (never
  /// less than the lists hold).
  std::size_t open_listed = 0;
  StableMap<std::int64_t, TaskSignups> signups;
  // jobs: whether an undone job of (kind, payload) waits.
  std::map<std::pair<std::string, std::string>, bool> pending_jobs;
  /// The (chat, person) pairs that may have a question of the bot's kept (report_offers), as
  /// hashes: every row's at the first use, and each kept since. A pair whose hash is not here has
  /// none, so a line that is no command (group chatter) is read against no question without a
  /// statement. Hashes stay after their row is deleted, and two pairs may share one: either costs
  /// a probe, never a wrong answer. Unset until read (set and empty: read, and none kept).
  std::optional<boost::unordered_flat_set<std::uint64_t>> report_offer_keys;
  /// How many hashes that read found: the ones added since (kept, or stale once deleted) are what
  /// the bound counts, so a table that holds more live rows than the bound is not read again at
  /// every batch.
  std::size_t report_offer_keys_read = 0;

  explicit HotState(const HotStateBounds& bounds = {});
  ~HotState();
  HotState(const HotState&) = delete;
  HotState& operator=(const HotState&) = delete;

  /// Forgets everything (the next use reloads from SQLite) and counts one more generation. Never
  /// throws, out of memory included: it runs right before a rollback (store/database.cpp), which
  /// must run, and a part left unforgotten would keep the rows the rollback undoes.
  void drop() noexcept;
  /// Forgets a part that has grown past its bound (people, tasks, signups), so memory follows what
  /// is in use now rather than everyone ever seen; called between batches. Any part may be
  /// forgotten at any time: it only costs a read on its next use. Never throws: a reader's snapshot
  /// runs it once its transaction is open (store/database.cpp, ReadSnapshot).
  void trim() noexcept;
  /// How many times the state was dropped: tests and logs can tell a reload happened.
  std::uint64_t generation() const { return generation_; }
  /// How many forgotten parts still wait to be freed (for tests).
  std::size_t forgotten_parts() const { return forgotten_.size(); }

 private:
  /// A part forgotten: out of sight at once, freed a slice at a time (see `trim`).
  struct Forgotten;
  template <typename Part>
  struct ForgottenPart;

  /// Empties `part` now and queues what it held to be freed by the next trims (or, with no memory
  /// to queue it, frees it at once).
  template <typename Part>
  void forget(Part& part) noexcept;
  /// Forgets the chats' lists of open tasks, and the count of what they held.
  void forget_open_lists() noexcept;
  /// Frees about `budget` entries of what was forgotten, oldest part first.
  void free_forgotten(std::size_t budget) noexcept;

  HotStateBounds bounds_;
  std::uint64_t generation_ = 0;
  std::deque<std::unique_ptr<Forgotten>> forgotten_;
};

}  // namespace whistle::store
