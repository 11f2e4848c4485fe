#include "handlers/org_sync.hpp"

#include <map>
#include <set>
#include <stdexcept>
#include <string>

namespace whistle::handlers {

namespace {

// Roles from the config carry no time of their own; 0 marks "granted by configuration".
constexpr std::int64_t kConfiguredAt = 0;

void grant_all(store::PeopleRepository& people, const std::vector<std::string>& persons,
               const std::string& node, store::Role role) {
  for (const std::string& person : persons) {
    // The person row must exist before a role refers to it; the name comes from [[person]] or
    // from messages. Someone already known is left alone, so a restart does not rewrite when
    // they were last seen.
    if (!people.find(person)) people.touch(person, "", kConfiguredAt);
    people.grant(person, node, role, kConfiguredAt);
  }
}

}  // namespace

void write_org(const config::Config& config, store::OrgRepository& org, store::PeopleRepository& people,
               store::RewardRepository& rewards) {
  // Leaders and staff are the config's to say: rewrite them, so someone taken out of the file
  // loses the role. Volunteers earned their role by reporting in and keep it.
  people.revoke_all(store::Role::leader);
  people.revoke_all(store::Role::staff);
  // The config lists parents before children, so each node's community is known by the time it
  // is reached: its parent's, or its own id for a community.
  std::map<std::string, std::string> community_of;
  std::set<std::string> configured_chats;
  for (const config::Node& node : config.nodes) {
    std::string community = node.id;
    if (!node.parent.empty()) {
      const auto parent = community_of.find(node.parent);
      if (parent == community_of.end()) {
        throw std::runtime_error("org node \"" + node.id + "\" comes before its parent \"" + node.parent +
                                 "\"");
      }
      community = parent->second;
    }
    community_of[node.id] = community;

    org.upsert_node(store::OrgNode{node.id, community, static_cast<int>(node.level), node.parent, node.name});
    for (const std::string& chat : node.chats) {
      // The config wins over a 绑定 said in that chat: the file is what the community signed off.
      org.bind_chat(chat, node.id);
      configured_chats.insert(chat);
    }
    grant_all(people, node.leaders, node.id, store::Role::leader);
    grant_all(people, node.staff, node.id, store::Role::staff);
  }
  // A chat the config bound once and names no more is unbound, as the file now says; it is then an
  // unknown group that a leader can bind with 绑定. Chats bound with 绑定 are not the file's to
  // drop: they stay across restarts (docs/binding.md).
  for (const std::string& chat : org.chats_bound_by_config()) {
    if (!configured_chats.contains(chat)) org.unbind_config_chat(chat);
  }
  // Replies name people from the first message on: a config name stands in until a platform
  // sends one with a message, which then takes over for good (see store/people.cpp).
  for (const config::Person& person : config.people) {
    people.set_configured_name(person.id, person.name);
  }
  for (const config::Responder& responder : config.responders) {
    // A group a leader bound with 绑定 before the file named it a responder's is the responder's
    // now: the config wins (docs/binding.md), and a node binding would be found first.
    for (const std::string& chat : responder.chats)
      org.unbind_chat_at_run_time(chat);
    org.upsert_responder(store::ResponderRow{responder.id, responder.name, responder.node, responder.chats,
                                             responder.members});
  }
  // The catalog is the service center's, so every community of the file offers it. The file only
  // seeds it: once an item is in the database its stock moves by redemptions, refunds and the
  // staff's 上架/补货, and rewriting it here at each start would give back redeemed stock. A name or
  // price changed in the file later is not applied either (docs/redemption.md): the staff change
  // prices with 上架, where the change is said in a chat and answered.
  for (const auto& [node, community] : community_of) {
    if (node != community) continue;
    for (const config::Reward& reward : config.rewards) {
      rewards.seed(store::RewardRow{reward.id, community, reward.name, reward.points, reward.stock});
    }
  }
}

}  // namespace whistle::handlers
