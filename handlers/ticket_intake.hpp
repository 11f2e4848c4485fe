#pragma once

#include <string_view>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// A resident's 报事 / 报修 / 反映 / 投诉 / 求助, 点单 or 微心愿, in a group or in private, and a
/// danger report with or without a verb. The ticket is received at the place the text names, else
/// the chat's node, else (in private) where the reporter last reported in, else the community; its
/// category and urgency class come from the configured keywords; it goes to the category's
/// responder (快单) or to the nearest leader, who is told in private; the reporter gets T5 back in
/// the chat they wrote in. Photos and a location sent with it are kept. A danger line said to the
/// bot or in private gets the emergency numbers at once and an urgent ticket; said to the others
/// in a group, only the leader hears of it, in private.
std::vector<Reply> handle_ticket(Context& context, const Command& command);

/// Where a report is received (the figures count it there): the place the text names, else the
/// chat's node, else in private where the reporter last reported in for a task or reported before,
/// else the community.
store::OrgNode receiving_node(const Context& context, const Command& command, const std::string& community);

/// Keeps what came with the message (photos, files, a location) on `ticket`, and says what it kept
/// for an acknowledgement ("照片、位置"; empty when nothing came).
std::vector<std::string> keep_attachments(const Context& context, const store::Ticket& ticket);

/// A line the parser did not read as a command: a photo or location sent just after a report
/// (same person, same chat, within ten minutes) joins that ticket; a line holding one of the
/// community's own danger words is a danger report; anything else is handle_unknown's.
std::vector<Reply> handle_unknown_line(Context& context, const Command& command);

}  // namespace whistle::handlers
