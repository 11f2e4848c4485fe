#include "bot/board/board_page.hpp"

#include <functional>
#include <map>

#include "bot/adapters/query_string.hpp"
#include "bot/board/html_text.hpp"
#include "bot/board/page_sections.hpp"

namespace whistle::bot::board {

namespace {

// The phone layout refreshes every 5 minutes, the lobby screen every minute: a meta refresh works
// with scripts off and on the simplest browser a lobby screen may run.
constexpr int kPhoneRefreshSeconds = 300;
constexpr int kLobbyRefreshSeconds = 60;

std::string head(const std::string& title, int refresh_seconds) {
  std::string out =
      "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
  if (refresh_seconds > 0)
    out += "<meta http-equiv=\"refresh\" content=\"" + std::to_string(refresh_seconds) + "\">";
  return out + "<title>" + html_escape(title) +
         "</title><link rel=\"stylesheet\" href=\"/board/assets/board.css\">" + "</head>";
}

std::string node_link(const store::OrgNode& node) {
  return "<a href=\"/board/" + percent_encode(node.id) + "\">" + html_escape(node.name) + "</a>";
}

}  // namespace

std::string render_board_page(const PageData& data) {
  const std::string self = "/board/" + percent_encode(data.node.id);
  const std::string page_link = self + (data.lobby ? "?screen=lobby&" : "?");
  std::string out =
      head(data.node.name + " · 公示栏", data.lobby ? kLobbyRefreshSeconds : kPhoneRefreshSeconds);
  out += std::string("<body class=\"") + (data.lobby ? "lobby" : "phone") + "\"><header><h1 data-node=\"" +
         html_escape(data.node.id) + "\">" + html_escape(data.node.name) + " 公示栏</h1><nav class=\"path\">";
  for (std::size_t i = 0; i < data.path.size(); ++i) {
    if (i > 0) out += " › ";
    out += i + 1 == data.path.size() ? html_escape(data.path[i].name) : node_link(data.path[i]);
  }
  out += "</nav><p class=\"stamp\"><span data-month>" +
         html_escape(data.ranking_this_month.at("month").get<std::string>()) + "</span> · 更新于 <time>" +
         html_escape(data.updated) + "</time> · <a href=\"/board\">全部</a></p></header><main>";
  out += ranking_section(data.ranking_this_month, "ranking-this-month", "本月积分榜", true, page_link);
  if (data.has_children) out += children_section(data.ranking_this_month);
  out += tasks_section(data.tasks);
  out += tickets_section(data.tickets);
  out += trend_section(data.trend);
  out += echo_section(data.echo);
  out += ranking_section(data.ranking_last_month, "ranking-last-month", "上月积分榜", false, page_link);
  out += ledger_section(data.ledger);
  return out + "</main></body></html>";
}

std::string render_board_index(const std::vector<store::OrgNode>& nodes) {
  std::map<std::string, std::vector<const store::OrgNode*>> children;
  for (const store::OrgNode& node : nodes)
    children[node.parent].push_back(&node);
  std::string out =
      head("公示栏", 0) + "<body class=\"phone\"><header><h1>公示栏</h1></header><main><nav class=\"tree\">";
  // Depth-first from the communities (the nodes without a parent); four levels at most.
  std::function<void(const std::string&)> list = [&](const std::string& parent) {
    const auto found = children.find(parent);
    if (found == children.end()) return;
    out += "<ul>";
    for (const store::OrgNode* node : found->second) {
      out += "<li data-node=\"" + html_escape(node->id) + "\">" + node_link(*node);
      list(node->id);
      out += "</li>";
    }
    out += "</ul>";
  };
  list("");
  return out + "</nav></main></body></html>";
}

std::string render_bad_address(std::string_view why) {
  return head("地址有误", 0) + "<body class=\"phone\"><main><h1>这个地址有误</h1><p>" +
         html_escape(std::string(why)) +
         "</p><p><a href=\"/board\">查看全部公示栏</a></p></main></body></html>";
}

std::string render_unknown_node() {
  return head("未找到", 0) +
         "<body class=\"phone\"><main><h1>未找到这个公示栏</h1><p>这个地址没有对应的社区、网格、楼栋或单元。"
         "<a href=\"/board\">查看全部公示栏</a></p></main></body></html>";
}

}  // namespace whistle::bot::board
