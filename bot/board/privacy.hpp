#pragma once

#include <string>
#include <string_view>

namespace whistle::bot::board {

/// Free text as the public board may show it: every run of 7 or more digits (a phone number, with
/// or without its area code) and every ID-card-like run (17 digits and a digit or X) keeps its first
/// three and last four characters and has the rest replaced by '*' ("13800138000" → "138****8000";
/// a 7-digit run keeps its first three: "555****"). Other text is unchanged.
std::string mask_private_digits(std::string_view text);

}  // namespace whistle::bot::board
