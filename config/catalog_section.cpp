// The ticket categories and the rewards catalog.

#include <set>

#include "config/sections.hpp"

namespace whistle::config {

namespace {

constexpr std::int64_t kMaxPoints = 1'000'000;
constexpr std::int64_t kMaxStock = 1'000'000;

bool is_urgency_class(std::string_view name) {
  return name == "urgent" || name == "utilities" || name == "general" || name == "complex";
}

}  // namespace

std::vector<Category> builtin_categories() {
  // Urgent first: whoever matches keywords in order sees danger before inconvenience
  // ("燃气" is utilities, "煤气味" is urgent). Deadlines per class follow Beijing 12345. Fire is
  // 着火/起火/失火/火灾, never a bare 火, which 火锅 and 火车 also hold. Water as residents say it
  // (渗水, 下水道堵, 下水道返, 滴水, 返水, 马桶堵, 没水了, 没有水, 层没水, 水泵) and an open manhole (井盖没,
  // 没井盖…) were general, with a deadline of days (an exploratory run of residents' reports, 2026-12-06).
  // Winter's (供暖, 水表, 冻裂, 冻住, 喷水, 爆管): a water meter spraying at 23:00 waited for the morning
  // as general (an exploratory run of winter, stop 67).
  return {
      {"紧急险情",
       "urgent",
       {"着火", "起火", "失火", "火灾", "冒烟", "煤气味", "塌", "触电", "井盖没", "井盖丢", "井盖坏",
        "没有井盖", "没井盖"},
       ""},
      {"设施维修",
       "utilities",
       {"灯",       "水管",     "漏水", "停电", "停水",   "电梯",   "暖气",   "燃气",   "渗水",
        "下水道堵", "下水道返", "滴水", "返水", "马桶堵", "没水了", "没有水", "层没水", "水泵",
        "供暖",     "水表",     "冻裂", "冻住", "冻上了", "喷水",   "爆管"},
       ""},
      {"一般事务", "general", {"垃圾", "噪音", "杂物", "停车", "绿化"}, ""},
      {"疑难复杂", "complex", {"违建", "纠纷", "拆迁"}, ""},
  };
}

std::vector<Category> read_categories(const TableReader& root, const std::vector<Responder>& responders) {
  std::set<std::string, std::less<>> responder_ids;
  for (const Responder& responder : responders)
    responder_ids.insert(responder.id);
  std::vector<TableReader> tables = root.tables("category");
  if (tables.empty()) return builtin_categories();

  std::vector<Category> categories;
  std::set<std::string, std::less<>> names;
  // keyword → the category that has it: one keyword in two classes would make the class a coin toss.
  std::map<std::string, std::string, std::less<>> keyword_owner;
  for (const TableReader& table : tables) {
    table.allow_only({"name", "class", "keywords", "responder"});
    Category category;
    category.name = table.required_string("name");
    if (!names.insert(category.name).second)
      fail(table.where("name"), "duplicate category " + in_quotes(category.name));
    category.urgency_class = table.required_string("class");
    if (!is_urgency_class(category.urgency_class)) {
      fail(table.where("class"),
           in_quotes(category.urgency_class) + " is not a class (urgent, utilities, general, complex)");
    }
    if (!table.has("keywords")) fail(table.where("keywords"), "missing (required)");
    category.keywords = table.strings("keywords");
    if (category.keywords.empty()) fail(table.where("keywords"), "must list at least one keyword");
    for (const std::string& keyword : category.keywords) {
      if (keyword.empty()) fail(table.where("keywords"), "a keyword must not be empty");
      auto [owner, inserted] = keyword_owner.emplace(keyword, category.name);
      if (!inserted) {
        fail(table.where("keywords"),
             "keyword " + in_quotes(keyword) + " is already in category " + in_quotes(owner->second));
      }
    }
    if (std::optional<std::string> responder = table.string("responder")) {
      if (!responder_ids.contains(*responder))
        fail(table.where("responder"), in_quotes(*responder) + " is not a [[responder]] id");
      category.responder = *responder;
    }
    categories.push_back(std::move(category));
  }
  return categories;
}

std::vector<Reward> read_rewards(const TableReader& root) {
  std::vector<Reward> rewards;
  std::set<std::string, std::less<>> ids;
  // 兑换 大米 names a reward by its name, so names are unique too.
  std::set<std::string, std::less<>> names;
  for (const TableReader& table : root.tables("reward")) {
    table.allow_only({"id", "name", "points", "stock"});
    Reward reward;
    reward.id = table.required_string("id");
    if (!ids.insert(reward.id).second) fail(table.where("id"), "duplicate reward id " + in_quotes(reward.id));
    reward.name = table.required_string("name");
    if (!names.insert(reward.name).second)
      fail(table.where("name"), "duplicate reward name " + in_quotes(reward.name));
    reward.points = static_cast<int>(table.required_integer_in("points", 1, kMaxPoints));
    reward.stock = static_cast<int>(table.integer_in("stock", 0, 0, kMaxStock));
    rewards.push_back(std::move(reward));
  }
  return rewards;
}

}  // namespace whistle::config
