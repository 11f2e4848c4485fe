#include "handlers/sign_up.hpp"

#include "handlers/places_per_node.hpp"
#include "handlers/waitlist.hpp"

namespace whistle::handlers {

Placement place_person(Context& context, const store::Task& task, const std::string& person,
                       bool for_someone_else) {
  Placement placement;
  // Points count for the node of the chat where the person was signed up; from a private chat none
  // is recorded and the task's node counts.
  std::optional<std::string> signup_node =
      context.node ? std::optional<std::string>(context.node->id) : std::nullopt;
  bool full = is_full(context, task);
  if (task.per_node) {
    const PlacesTaken taken = places_taken(context, task);
    std::optional<store::OrgNode> node =
        for_someone_else ? quota_node_of_roles(context, task, person, taken) : std::nullopt;
    if (node) signup_node = node->id;
    if (!node) node = quota_node_of_reporter(context, task, person, taken);
    if (!node) return placement;
    placement.quota_taken = taken_of(taken, node->id);  // before the node is moved from
    // A place of a unit's counts for that unit, said where it was: the chat's node when it is the
    // unit or under it, else the unit the person's roles named.
    if (!quota_node_of(context, task, signup_node)) signup_node = node->id;
    placement.waits_for_node = placement.quota_taken >= task.per_node->each;
    // The task's places bound the nodes' (someone may hold one without a node's, from before).
    full = full || placement.waits_for_node;
    placement.quota_node = std::move(node);
  }
  context.signups.put(task.id, person, full ? store::SignupState::waitlisted : store::SignupState::signed_up,
                      context.now, signup_node);
  // Reporting in makes a volunteer of the place where it was said (the task's node from private); a
  // 代报, of the place whose place it took, so the next one counts there too (the final read of stop 65).
  const std::string volunteer_node = for_someone_else && signup_node ? *signup_node
                                     : context.node                  ? context.node->id
                                                                     : task.node;
  context.people.grant(person, volunteer_node, store::Role::volunteer, context.now);
  placement.placed = true;
  placement.waitlisted = full;
  return placement;
}

}  // namespace whistle::handlers
