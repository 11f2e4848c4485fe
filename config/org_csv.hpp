#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "config/org_tree.hpp"

namespace whistle::config {

/// Reads an org CSV (columns level,id,parent,name,chat,leaders and an optional seventh, staff; a
/// header row is optional; several chats or people in one field are separated by ';' or '|') into
/// nodes for build_org. Throws Error naming the CSV file and line; a file that cannot be read is
/// reported at `referenced_from` (the config's org_csv key).
OrgDraft read_org_csv(const std::filesystem::path& file, const Where& referenced_from);

/// The same, from CSV text already read; `file` is used in messages.
OrgDraft parse_org_csv(std::string_view text, const std::string& file);

}  // namespace whistle::config
