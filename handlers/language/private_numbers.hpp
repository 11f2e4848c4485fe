#pragma once

// Phone and ID-card numbers in free text, masked wherever a resident's words are shown to more
// people than they were said to: the public board, and a ticket's posts in the level groups when
// it climbs or is handed on (a number left for the 物业 worker to call back is not for the whole
// community's group).

#include <string>
#include <string_view>

namespace whistle::language {

/// Free text with its private numbers masked: every run of 7 or more digits (a phone number, with
/// or without its area code) and every ID-card-like run (17 digits and a digit or X) keeps its first
/// three and last four characters and has the rest replaced by '*' ("13800138000" → "138****8000";
/// a 7-digit run keeps its first three: "555****"). Numbers said in Chinese numerals, as voice input
/// and elderly typists write them ("一三八零零一三八零零零", 幺 and 两 included), are masked the same
/// way, character by character. Other text is unchanged.
std::string mask_private_numbers(std::string_view text);

}  // namespace whistle::language
