#pragma once

// A line that lists several numbers ("报到 1 2 3", "撤销 1 2 3 连续降雨暂停巡逻", "接单 T2 T3"): the
// numbers read after the command's own, and the command run once for each, its answers in the
// sender's chat joined into one message.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// The further task numbers a command lists after its first, when its words are numbers and nothing
/// else: "取消报到 1 2", "请假 1、2号", "验收 1 2", "验收 1和2"; empty otherwise.
std::vector<std::int64_t> further_task_numbers(const Command& command);

/// A command's handler, run once for each number a line lists.
using CommandHandler = std::function<std::vector<Reply>(Context&, const Command&)>;

/// Numbers listed at the start of some words ("2 3 连续降雨", "T3、T4 灯换了"), each read by a reader
/// that gives the number and where it ends: those other than `first`, each once, and the words after
/// the list.
struct NumbersListed {
  std::vector<std::int64_t> more;
  std::string remark;
};
using NumberReader =
    std::function<std::optional<std::pair<std::int64_t, std::size_t>>(std::string_view, std::size_t)>;
NumbersListed numbers_listed(std::string_view words, std::int64_t first, const NumberReader& read);

/// "撤销 1 2 3 连续降雨暂停巡逻": the tasks listed after the command's own, and the words after them
/// (a number that counts something, "2天", ends the list).
NumbersListed further_task_numbers_and_remark(const Command& command);

/// `handle` run for the command as it is (its words after the numbers dropped) and then with its
/// number `field` (Command::task or Command::ticket) set to each of `more`; the answers in the
/// sender's chat are joined into one message. More than ten numbers are refused before any is acted on.
/// `remark`, when given, stands as each one's words (a 派单's note after whom: "派单 T1 T2 物业
/// 这家比较难缠").
std::vector<Reply> for_each_number_listed(Context& context, const Command& command,
                                          std::optional<std::int64_t> Command::*field,
                                          const std::vector<std::int64_t>& more, const CommandHandler& handle,
                                          std::optional<std::string> remark = std::nullopt);

/// "报到 1 2", "验收 1和2": `handle` run for each task the command lists, in turn, its replies joined;
/// empty when the command names one task (or none).
std::optional<std::vector<Reply>> for_each_task_listed(Context& context, const Command& command,
                                                       const CommandHandler& handle);

}  // namespace whistle::handlers
