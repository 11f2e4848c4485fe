#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// `商品`: the catalog with the sender's balance, marking what they can afford.
std::vector<Reply> handle_catalog(Context& context, const Command& command);

/// `兑换 大米5斤 [N]`: holds points and stock at once and sends the pickup code in private.
std::vector<Reply> handle_redeem(Context& context, const Command& command);

/// "帮我妈兑换大米", "我妈腿脚不好，能我替她去领吗": a redemption for someone else, asked in words
/// (to the bot): points are only their owner's to spend, and a family member may collect with the
/// code. Empty when the line is not that.
std::optional<std::vector<Reply>> answer_redeeming_for_someone_else(Context& context, const Command& command);

/// `取消兑换 CODE` (the volunteer, or staff on their behalf): points and stock go back.
std::vector<Reply> handle_cancel_redeem(Context& context, const Command& command);

/// `核销 CODE` (service-center staff): the goods are handed out; the volunteer is told.
std::vector<Reply> handle_pickup(Context& context, const Command& command);

/// A pickup code typed alone ("VA7B") by the service center's staff, read off a volunteer's phone:
/// the pickup, when a redemption of this community has that code. Nothing otherwise.
std::optional<std::vector<Reply>> pickup_by_code_alone(Context& context, std::string_view text);

/// `上架 毛巾 20分 50件`, `补货 毛巾 30` (staff or the community's leaders): the catalog changes.
std::vector<Reply> handle_stock(Context& context, const Command& command);

}  // namespace whistle::handlers
