#pragma once

namespace whistle::language {

/// The Simplified form of a Traditional character used in chat commands (報 → 报, 號 → 号);
/// any other character comes back unchanged.
char32_t to_simplified(char32_t cp);

}  // namespace whistle::language
