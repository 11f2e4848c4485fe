// A whistle to the whole grid: the child groups hear of it through the outbox and deliver_url.
#include <map>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "bot/crypto/hmac.hpp"
#include "tests/support/fake_deliver_server.hpp"
#include "tests/support/service_harness.hpp"

namespace whistle::bot::testing {
namespace {

using nlohmann::json;

// The unprefixed chats of every node below `node` in the config's org tree.
std::set<std::string> descendant_chats(const config::Config& config, const std::string& node) {
  std::set<std::string> below{node};
  std::set<std::string> chats;
  // Parents come before children in the config, so one pass finds every descendant.
  for (const config::Node& candidate : config.nodes) {
    if (!below.contains(candidate.parent)) continue;
    below.insert(candidate.id);
    for (const std::string& chat : candidate.chats)
      chats.insert(chat.substr(chat.find(':') + 1));
  }
  return chats;
}

TEST(Broadcast, EveryChildGroupHearsOfEachWhistleOnceAndInOrder) {
  TempDir dir;
  FakeDeliverServer deliver;
  const config::Config config = test_config(dir.path() / "whistle.db", deliver.url());
  const std::set<std::string> children = descendant_chats(config, "g1");
  ASSERT_FALSE(children.empty());
  {
    RunningService service(config);
    for (const char* text :
         {"吹哨 全网格 清理楼道杂物 5人 明天上午9点 2小时", "吹哨 全网格 消防检查 3人 后天上午9点 1小时"}) {
      const HttpResult result = post_webhook(service.port(), message_body(text, "g1", "u-li", text));
      ASSERT_EQ(result.status, 200) << result.body << result.error;
      // The answer in the grid's own group is inline; nothing for the children is.
      // The parsed answer is kept in a variable: a range-for over a member of a temporary would
      // iterate freed memory.
      const json answer = json::parse(result.body);
      for (const json& reply : answer["replies"])
        EXPECT_EQ(reply["chat"].get<std::string>(), "g1");
    }
    ASSERT_TRUE(deliver.wait_for_accepted(2 * children.size(), std::chrono::seconds(30)))
        << "deliveries so far: " << deliver.deliveries().size();
  }

  std::map<std::string, std::vector<std::string>> texts_by_chat;
  std::set<std::string> delivery_ids;
  HmacSha256 hmac(kDemoSecret);
  for (const Delivery& delivery : deliver.deliveries()) {
    ASSERT_EQ(delivery.status, 200);
    EXPECT_EQ(delivery.signature, "sha256=" + hmac.hex_digest(delivery.body));
    EXPECT_TRUE(delivery_ids.insert(delivery.delivery_id).second) << "delivered twice: " << delivery.body;
    const json body = json::parse(delivery.body);
    texts_by_chat[body.at("chat").get<std::string>()].push_back(body.at("text").get<std::string>());
  }
  EXPECT_EQ(delivery_ids.size(), 2 * children.size());
  for (const std::string& chat : children) {
    const std::vector<std::string>& texts = texts_by_chat[chat];
    ASSERT_EQ(texts.size(), 2u) << chat;
    EXPECT_TRUE(texts[0].starts_with("【吹哨#1】")) << texts[0];
    EXPECT_TRUE(texts[1].starts_with("【吹哨#2】")) << texts[1];
  }
}

}  // namespace
}  // namespace whistle::bot::testing
