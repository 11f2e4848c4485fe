#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "config/config.hpp"
#include "config/templates.hpp"
#include "handlers/language/command.hpp"
#include "handlers/message.hpp"
#include "store/attendance.hpp"
#include "store/jobs.hpp"
#include "store/ledger.hpp"
#include "store/org.hpp"
#include "store/people.hpp"
#include "store/publications.hpp"
#include "store/redemptions.hpp"
#include "store/responders.hpp"
#include "store/rewards.hpp"
#include "store/signups.hpp"
#include "store/tasks.hpp"
#include "store/tickets.hpp"

namespace whistle::handlers {

/// What every handler may use: the repositories (inside the caller's open transaction), the
/// configuration and the reply wording. The dispatcher owns the objects these refer to.
struct Services {
  store::OrgRepository& org;
  store::PeopleRepository& people;
  store::TaskRepository& tasks;
  store::SignupRepository& signups;
  store::Jobs& jobs;
  store::AttendanceRepository& attendance;
  store::LedgerRepository& ledger;
  store::RewardRepository& rewards;
  store::RedemptionRepository& redemptions;
  store::PublicationRepository& publications;
  store::TicketRepository& tickets;
  store::ResponderRepository& responders;
  const config::Config& config;
  const config::Templates& templates;

  /// Renders a reply template (see config/templates/zh-CN.toml for the keys).
  std::string text(std::string_view key,
                   const std::vector<std::pair<std::string_view, std::string>>& values = {}) const {
    return templates.render(key, values);
  }
};

/// One message being handled: the services, the time, the message and where it was said.
struct Context : Services {
  std::int64_t now = 0;
  const Message& message;
  /// The node the chat is bound to; empty in a private chat, and in a group bound to nothing (only
  /// 绑定/解绑 are handled there).
  /// In a responder's chat (物业群) it is the responder's node.
  std::optional<store::OrgNode> node;
  /// The community the message belongs to: the chat's, or in a private chat the sender's.
  std::optional<std::string> community;
  /// The responder whose group chat this is; empty elsewhere.
  std::optional<store::ResponderRow> responder;
  /// In a private chat, when the sender belongs to several communities: all of them (`community`
  /// is then the one a reference in the line names, or empty).
  std::vector<std::string> person_communities = {};
};

/// A handler: decides what one parsed message means and returns the replies, the sender's chat first.
using Handler = std::vector<Reply> (*)(Context& context, const Command& command);

}  // namespace whistle::handlers
