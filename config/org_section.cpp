// The org tree ([[node]] or org_csv) and the responders that hang off it.

#include <set>

#include "config/org_csv.hpp"
#include "config/qualified_id.hpp"
#include "config/sections.hpp"

namespace whistle::config {

namespace {

// The backing array of a namespace-scope initializer_list lives as long as the list.
const std::initializer_list<std::string_view> kNodeKeys = {"id",    "level",   "parent", "name",
                                                           "chats", "leaders", "staff"};

void add_table(const TableReader& table, OrgDraft& drafts) {
  table.allow_only(kNodeKeys);
  Node node;
  NodeOrigin origin;
  origin.node = table.where();
  for (std::string_view key : kNodeKeys)
    origin.fields.emplace(std::string(key), table.where(key));

  node.id = table.required_string("id");
  const std::string level = table.required_string("level");
  std::optional<Level> parsed = parse_level(level);
  if (!parsed)
    fail(table.where("level"), in_quotes(level) + " is not a level (community, grid, building, unit)");
  node.level = *parsed;
  node.parent = table.string("parent").value_or("");
  node.name = table.required_string("name");
  node.chats = table.strings("chats");
  node.leaders = canonical_person_ids(table.strings("leaders"));
  node.staff = canonical_person_ids(table.strings("staff"));
  drafts.add(std::move(node), std::move(origin));
}

}  // namespace

OrgDraft read_org(const TableReader& root, const std::filesystem::path& config_file) {
  std::optional<std::string> csv = root.string("org_csv");
  if (csv && root.has("node")) {
    fail(root.where_key("org_csv"), "give the org either as [[node]] tables or as org_csv, not both");
  }
  if (csv) {
    if (csv->empty()) fail(root.where("org_csv"), "must not be empty");
    // Relative to the config file, so the pair can be moved together and started from anywhere.
    std::filesystem::path path(*csv);
    if (path.is_relative()) path = config_file.parent_path() / path;
    return read_org_csv(path, root.where("org_csv"));
  }
  OrgDraft drafts;
  for (const TableReader& table : root.tables("node"))
    add_table(table, drafts);
  return drafts;
}

std::vector<Responder> read_responders(const TableReader& root, const std::vector<Node>& nodes,
                                       ChatBindings& chats) {
  std::set<std::string, std::less<>> node_ids;
  for (const Node& node : nodes)
    node_ids.insert(node.id);

  std::vector<Responder> responders;
  std::set<std::string, std::less<>> ids;
  for (const TableReader& table : root.tables("responder")) {
    table.allow_only({"id", "name", "node", "chats", "members"});
    Responder responder;
    responder.id = table.required_string("id");
    if (!ids.insert(responder.id).second)
      fail(table.where("id"), "duplicate responder id " + in_quotes(responder.id));
    responder.name = table.required_string("name");
    responder.node = table.required_string("node");
    if (!node_ids.contains(responder.node))
      fail(table.where("node"), in_quotes(responder.node) + " is not a node");
    responder.chats = table.strings("chats");
    for (const std::string& chat : responder.chats) {
      require_qualified_id(table.where("chats"), chat);
      chats.bind(chat, "responder " + in_quotes(responder.id), table.where("chats"));
    }
    responder.members = canonical_person_ids(table.strings("members"));
    for (const std::string& member : responder.members)
      require_qualified_id(table.where("members"), member);
    responders.push_back(std::move(responder));
  }
  return responders;
}

}  // namespace whistle::config
