#include "store/hot_state.hpp"

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

}  // namespace

void HotState::drop() {
  node_id_of_chat.clear();
  nodes.clear();
  communities.reset();
  people.clear();
  roles.clear();
  holders_in_community.clear();
  tasks.clear();
  task_by_number.clear();
  open_in_chat.clear();
  signups.clear();
  pending_jobs.clear();
  ++generation_;
}

void HotState::trim() {
  if (people.size() > kMaxPeople || roles.size() > kMaxPeople) {
    people.clear();
    roles.clear();
    holders_in_community.clear();
  }
  if (tasks.size() > kMaxTasks) {
    tasks.clear();
    task_by_number.clear();
    open_in_chat.clear();
  }
  if (signups.size() > kMaxSignupTasks) signups.clear();
  if (node_id_of_chat.size() > kMaxChats || nodes.size() > kMaxChats || open_in_chat.size() > kMaxChats) {
    node_id_of_chat.clear();
    nodes.clear();
    open_in_chat.clear();
  }
  if (pending_jobs.size() > kMaxPendingJobs) pending_jobs.clear();
}

}  // namespace whistle::store
