#include "config/org_csv.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "config/csv.hpp"
#include "config/qualified_id.hpp"

namespace whistle::config {

namespace {

constexpr std::array<std::string_view, 7> kColumns = {"level", "id",      "parent", "name",
                                                      "chat",  "leaders", "staff"};
constexpr std::size_t kRequiredColumns = 6;

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

// "generic:u-li;generic:u-sun" or "a|b": a CSV field holds one value, so lists use another separator.
std::vector<std::string> split_list(std::string_view field) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= field.size()) {
    const auto end = field.find_first_of(";|", start);
    std::string item =
        trim(field.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (!item.empty()) items.push_back(std::move(item));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return items;
}

bool is_header(const CsvRow& row) {
  return row.fields.size() >= 2 && trim(row.fields[0]) == "level" && trim(row.fields[1]) == "id";
}

void add_row(const CsvRow& row, const std::string& file, OrgDraft& drafts) {
  Node node;
  NodeOrigin origin;
  // Each field is at the row's line under its column's name (NodeOrigin::at): one Where a row.
  origin.node = Where{file, "", row.line, 0};
  origin.csv_row = true;

  if (row.fields.size() != kRequiredColumns && row.fields.size() != kColumns.size()) {
    fail(origin.node, "expected 6 fields (level,id,parent,name,chat,leaders) or 7 (with staff), found " +
                          std::to_string(row.fields.size()));
  }
  auto field = [&](std::size_t index) {
    return index < row.fields.size() ? trim(row.fields[index]) : std::string();
  };

  const std::string level = field(0);
  std::optional<Level> parsed = parse_level(level);
  if (!parsed)
    fail(origin.at("level"), in_quotes(level) + " is not a level (community, grid, building, unit)");
  node.level = *parsed;
  node.id = field(1);
  node.parent = field(2);
  node.name = field(3);
  if (node.name.empty()) fail(origin.at("name"), "missing (required)");
  node.chats = split_list(field(4));
  node.leaders = canonical_person_ids(split_list(field(5)));
  node.staff = canonical_person_ids(split_list(field(6)));
  drafts.add(std::move(node), std::move(origin));
}

}  // namespace

OrgDraft parse_org_csv(std::string_view text, const std::string& file) {
  OrgDraft drafts;
  // A row a line, about: growing the vector by doubling would hold the old and the new array at once.
  drafts.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  bool first = true;
  for_each_csv_row(text, file, [&](const CsvRow& row) {
    const bool header = first && is_header(row);
    first = false;
    if (!header) add_row(row, file, drafts);
  });
  drafts.nodes.shrink_to_fit();
  drafts.origins.shrink_to_fit();
  return drafts;
}

OrgDraft read_org_csv(const std::filesystem::path& file, const Where& referenced_from) {
  // A folder opens as a stream on Linux and reports a size of -1: "std::bad_alloc" was all it said.
  std::error_code ignored;
  if (std::filesystem::is_directory(file, ignored))
    fail(referenced_from, in_quotes(file.string()) + " is a folder, not a CSV file");
  std::ifstream in(file, std::ios::binary);
  if (!in) fail(referenced_from, "cannot read " + in_quotes(file.string()) + ": " + std::strerror(errno));
  // Read straight into one string: an ostringstream's str() would copy the whole file once more.
  std::string text;
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size > 0) {
    text.resize(static_cast<std::size_t>(size));
    in.read(text.data(), size);
    text.resize(static_cast<std::size_t>(in.gcount()));
  }
  return parse_org_csv(text, file.string());
}

}  // namespace whistle::config
