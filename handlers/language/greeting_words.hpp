#pragma once

// Season's greetings (新年快乐, 元旦快乐, 过年好) and good wishes (新的一年身体健康, 万事如意): what the
// groups fill with at the turn of the year, which ask nothing of the bot. An exploratory run of the
// turn of the year (stop 66) found "心愿：新的一年身体健康" opened as a 微心愿 that climbed the levels,
// and "@吹哨 新年快乐" met the command menu.

#include <optional>
#include <string_view>

namespace whistle::language {

/// The season's greeting a line is, alone or with 祝大家/祝你 and particles ("新年快乐！", "祝大家元旦快
/// 乐"): the greeting itself, to be wished back; empty for any other line.
std::optional<std::string_view> season_greeting(std::string_view text);

/// Whether a wish's words only wish well ("新的一年身体健康", "祝大家万事如意，阖家幸福"), naming nothing
/// anyone could do.
bool only_wishes_well(std::string_view words);

}  // namespace whistle::language
