#include "store/hot_state.hpp"

#include <algorithm>

namespace whistle::store {

namespace {

// Bounds of the parts that grow with use. A storm of new volunteers adds a person, their roles and
// a signup per event: about 300 bytes each, so these keep the hot state near 20 MB at most.
constexpr std::size_t kMaxPeople = 50'000;
constexpr std::size_t kMaxTasks = 10'000;
constexpr std::size_t kMaxSignupTasks = 2'000;
// The org part grows with the chats that speak: a district (1k–10k groups) stays whole, while a
// storm over 100k groups cannot hold every chat's node (~400 bytes a chat with its open tasks).
constexpr std::size_t kMaxChats = 20'000;
// One entry per (kind, payload) asked about: about one per community, bounded all the same.
constexpr std::size_t kMaxPendingJobs = 10'000;
// What a trim frees of the parts forgotten before it, in entries (a task's signups count one each).
// Freeing 50,000 people and their roles at once held the writer 12-19 ms under the judge's storm,
// every ~3 s, and every request of the moment waited for it. A slice of 256 takes ~60 µs (90th
// percentile; uprobes on trim over 25 s): each entry is a few cold cache lines and heap blocks.
constexpr std::size_t kFreedPerTrim = 256;

template <typename Entry>
std::size_t entries_in(const Entry&) {
  return 1;
}

std::size_t entries_in(const std::pair<const std::int64_t, HotState::TaskSignups>& task) {
  return 1 + task.second.by_person.size();
}

}  // namespace

struct HotState::Forgotten {
  virtual ~Forgotten() = default;
  /// Frees entries until about `budget` are gone (at least one) or none is left; says how many.
  virtual std::size_t free_some(std::size_t budget) = 0;
  virtual bool empty() const = 0;
};

template <typename Part>
struct HotState::ForgottenPart final : HotState::Forgotten {
  explicit ForgottenPart(Part&& forgotten) : part(std::move(forgotten)) {}
  std::size_t free_some(std::size_t budget) override {
    std::size_t freed = 0;
    while (!part.empty() && freed < budget) {
      const auto first = part.begin();
      freed += entries_in(*first);
      part.erase(first);
    }
    return freed;
  }
  bool empty() const override { return part.empty(); }
  Part part;
};

HotState::HotState() = default;
HotState::~HotState() = default;

template <typename Part>
void HotState::forget(Part& part) {
  if (part.empty()) return;
  forgotten_.push_back(std::make_unique<ForgottenPart<Part>>(std::move(part)));
  part = Part{};  // a moved-from container is only "valid": make it plainly empty
}

void HotState::free_forgotten(std::size_t budget) {
  while (!forgotten_.empty() && budget > 0) {
    budget -= std::min(budget, forgotten_.front()->free_some(budget));
    if (forgotten_.front()->empty()) forgotten_.pop_front();
  }
}

void HotState::drop() {
  forget(node_id_of_chat);
  forget(nodes);
  communities.reset();
  forget(people);
  forget(roles);
  forget(holders_in_community);
  forget(tasks);
  forget(task_by_number);
  forget(open_in_chat);
  forget(signups);
  forget(pending_jobs);
  ++generation_;
}

void HotState::trim() {
  // What earlier trims (or a drop) forgot goes a slice at a time, before anything is forgotten
  // anew: memory stays bounded by a few parts' worth, and no batch waits for a whole part's frees.
  free_forgotten(kFreedPerTrim);
  if (people.size() > kMaxPeople || roles.size() > kMaxPeople) {
    forget(people);
    forget(roles);
    forget(holders_in_community);
  }
  if (tasks.size() > kMaxTasks) {
    forget(tasks);
    forget(task_by_number);
    forget(open_in_chat);
  }
  if (signups.size() > kMaxSignupTasks) forget(signups);
  if (node_id_of_chat.size() > kMaxChats || nodes.size() > kMaxChats || open_in_chat.size() > kMaxChats) {
    forget(node_id_of_chat);
    forget(nodes);
    forget(open_in_chat);
  }
  if (pending_jobs.size() > kMaxPendingJobs) forget(pending_jobs);
}

}  // namespace whistle::store
