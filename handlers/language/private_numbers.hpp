#pragma once

// Phone and ID-card numbers in free text, masked wherever a resident's words are shown to more
// people than they were said to: the public board, and a ticket's posts in the level groups when
// it climbs or is handed on (a number left for the 物业 worker to call back is not for the whole
// community's group).

#include <string>
#include <string_view>

namespace whistle::language {

/// Free text with its private numbers masked: every run of 7 or more numerals (a phone number, with
/// or without its area code) and every ID-card-like run (17 numerals and a numeral or X) keeps its
/// first three and last four numerals and has each one between replaced by '*' ("13800138000" →
/// "138****8000"; a 7-numeral run keeps its first three: "555****"). A numeral is an ASCII digit
/// or a Chinese one, as voice input and elderly typists write them ("一三八零零一三八零零零", 幺 and 两
/// included, mixed with digits too). A number written in groups ("138 0013 8000", "010-8765-4321",
/// "138，1234，5678", "138 - 1234 - 5678", "8765 4321") is one run when it holds 7 or more numerals
/// in groups of at least three. Kept as they are: a list of flats ("301、302、303", "1201 1202
/// 1301"), years ("2024-2026"), a date ("20261123", "2026-11-28"), a sum of money ("100 / 200 /
/// 3000 元"), and a mention's id right after an '@' that begins a word. A door's code after 密码
/// ("家门密码是852963") is masked whole. Other text is unchanged.
std::string mask_private_numbers(std::string_view text);

/// Free text with its ID-card numbers masked as `mask_private_numbers` masks them, phone numbers
/// kept: what a responder's group (物业群) reads, whose worker calls the resident back but has no use
/// for their ID number (an exploratory run, 2026-12-06: shown whole there).
std::string mask_id_numbers(std::string_view text);

}  // namespace whistle::language
