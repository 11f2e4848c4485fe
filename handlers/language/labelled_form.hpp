#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "handlers/language/command.hpp"
#include "handlers/language/parser.hpp"

namespace whistle::language {

/// How a label is set apart from its value.
enum class LabelSeparator {
  colon,          ///< only "人数：6" — the pasted form, where a bare word must not be taken for a label
  colon_or_word,  ///< also "人数 6", "时间改为明天下午3点" — an edit, where the task is already known
};

/// What a labelled text held.
struct LabelledForm {
  std::size_t labels = 0;  ///< how many known labels were found
  bool has_title = false;  ///< a title label (事项, 活动内容 …) was among them
  bool has_count = false;  ///< a head-count label (人数, 名额) was among them
  std::string unlabelled;  ///< the text before the first label, for the caller to read
};

/// Reads a text of labels and values, on one line or several: "事项：清理楼道\n地点：3号楼\n
/// 人数：6人\n时间：本周六上午9:00-11:00\n积分：每人10分". Each value fills the slot its label names
/// in `command` (title, place, count, start/end/minutes, points), read with the same readers as
/// a whistle line; labels such as 备注 and 要求 are read past. A label counts only where a segment
/// starts (the text's start, after a line break, a space or ；), so "时间" inside a title is text.
LabelledForm read_labelled_form(std::string_view text, LabelSeparator separator, const ParseContext& context,
                                Command& command);

}  // namespace whistle::language
