#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "config/config.hpp"
#include "tests/config/config_test_support.hpp"

namespace whistle::config {
namespace {

const std::filesystem::path kExample =
    std::filesystem::path(WHISTLE_SOURCE_DIR) / "config/whistle.example.toml";

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const Node* find_node(const Config& config, std::string_view id) {
  for (const Node& node : config.nodes) {
    if (node.id == id) return &node;
  }
  return nullptr;
}

TEST(ExampleFile, TheExampleLoadsAndValidates) {
  const Config config = load_config(kExample);
  EXPECT_EQ(config.source, kExample);
  EXPECT_EQ(config.server.port, 8080);
  EXPECT_EQ(config.nodes.size(), 4u);
  EXPECT_EQ(config.responders.size(), 1u);
  EXPECT_EQ(config.categories.size(), 4u);
  EXPECT_EQ(config.rewards.size(), 2u);
  ASSERT_TRUE(config.generic.contains("default"));
}

TEST(ExampleFile, TheExampleWritesEveryKeyOfTheContract) {
  // A key the example leaves out is a key nobody can find out about.
  const std::string text = read_file(kExample);
  for (const char* key : {"[server]",
                          "listen =",
                          "threads =",
                          "max_body_bytes =",
                          "[store]",
                          "path =",
                          "synchronous =",
                          "[board]",
                          "token =",
                          "[locale]",
                          "timezone =",
                          "language =",
                          "[platforms.generic.default]",
                          "secret =",
                          "deliver_url =",
                          "[rules]",
                          "publish_day =",
                          "publish_hour =",
                          "answer_hours =",
                          "solve_hours =",
                          "min_stay_ratio =",
                          "no_show_points =",
                          "redemption_days =",
                          "[[node]]",
                          "id =",
                          "level =",
                          "parent =",
                          "name =",
                          "chats =",
                          "leaders =",
                          "staff =",
                          "[[responder]]",
                          "node =",
                          "[[category]]",
                          "class =",
                          "keywords =",
                          "[[reward]]",
                          "points =",
                          "stock =",
                          "org_csv =",
                          "env:"}) {
    EXPECT_NE(text.find(key), std::string::npos) << key;
  }
}

TEST(ExampleFile, TheExampleAgreesWithTheDefaults) {
  const Config example = load_config(kExample);
  const Config defaults = parse_config("", "empty.toml");
  EXPECT_EQ(example.server.host, defaults.server.host);
  EXPECT_EQ(example.server.threads, defaults.server.threads);
  EXPECT_EQ(example.server.max_body_bytes, defaults.server.max_body_bytes);
  EXPECT_EQ(example.store.path, defaults.store.path);
  EXPECT_EQ(example.store.synchronous, defaults.store.synchronous);
  EXPECT_EQ(example.locale.utc_offset_seconds, defaults.locale.utc_offset_seconds);
  EXPECT_EQ(example.rules.answer_hours, defaults.rules.answer_hours);
  EXPECT_EQ(example.rules.solve_hours.complex, defaults.rules.solve_hours.complex);
  EXPECT_DOUBLE_EQ(example.rules.min_stay_ratio, defaults.rules.min_stay_ratio);
  EXPECT_EQ(example.rules.redemption_days, defaults.rules.redemption_days);
  ASSERT_EQ(example.categories.size(), defaults.categories.size());
  for (std::size_t i = 0; i < example.categories.size(); ++i) {
    EXPECT_EQ(example.categories[i].name, defaults.categories[i].name);
    EXPECT_EQ(example.categories[i].urgency_class, defaults.categories[i].urgency_class);
    EXPECT_EQ(example.categories[i].keywords, defaults.categories[i].keywords);
  }
}

TEST(Demo, TheDemoHasNoSourceFileAndTheDefaultServer) {
  const Config demo = demo_config();
  EXPECT_TRUE(demo.source.empty());
  EXPECT_EQ(demo.server.host, "127.0.0.1");
  EXPECT_EQ(demo.server.port, 8080);
  EXPECT_EQ(demo.store.path, "whistle.db");
  EXPECT_EQ(demo.locale.timezone, "Asia/Shanghai");
  EXPECT_EQ(demo.locale.utc_offset_seconds, 8 * 3600);
}

TEST(Demo, TheDemoHasTheGenericInstanceDefault) {
  const Config demo = demo_config();
  ASSERT_EQ(demo.generic.size(), 1u);
  const GenericInstance& instance = demo.generic.at("default");
  EXPECT_EQ(instance.name, "default");
  EXPECT_EQ(instance.secret, "whistle-demo-secret");
  EXPECT_EQ(instance.deliver_url, "http://127.0.0.1:9000/deliver");
}

TEST(Demo, TheDemoCommunityIsTheTeamBriefsTree) {
  struct Expected {
    const char* id;
    Level level;
    const char* parent;
    const char* name;
    const char* leader;
  };
  const Expected expected[] = {
      {"c1", Level::community, "", "锦华家园社区", "generic:u-wang"},
      {"g1", Level::grid, "c1", "第一网格", "generic:u-li"},
      {"g2", Level::grid, "c1", "第二网格", "generic:u-zhao"},
      {"b1", Level::building, "g1", "1号楼", "generic:u-sun"},
      {"b3", Level::building, "g1", "3号楼", "generic:u-qian"},
      {"b5", Level::building, "g2", "5号楼", "generic:u-wu"},
      {"b1u1", Level::unit, "b1", "1号楼1单元", "generic:u-zheng"},
      {"b3u1", Level::unit, "b3", "3号楼1单元", "generic:u-feng"},
      {"b3u2", Level::unit, "b3", "3号楼2单元", "generic:u-chen"},
      {"b5u1", Level::unit, "b5", "5号楼1单元", "generic:u-chu"},
  };
  const Config demo = demo_config();
  ASSERT_EQ(demo.nodes.size(), std::size(expected));
  for (const Expected& want : expected) {
    const Node* node = find_node(demo, want.id);
    ASSERT_NE(node, nullptr) << want.id;
    EXPECT_EQ(node->level, want.level) << want.id;
    EXPECT_EQ(node->parent, want.parent) << want.id;
    EXPECT_EQ(node->name, want.name) << want.id;
    EXPECT_EQ(node->leaders, std::vector<std::string>{want.leader}) << want.id;
    // Chat id = node id.
    EXPECT_EQ(node->chats, std::vector<std::string>{"generic:" + std::string(want.id)}) << want.id;
    EXPECT_EQ(node->staff.empty(), std::string(want.id) != "c1") << want.id;
  }
  EXPECT_EQ(find_node(demo, "c1")->staff, std::vector<std::string>{"generic:u-zhou"});
}

TEST(Demo, TheDemoHasThePropertyManagerAsResponder) {
  const Config demo = demo_config();
  ASSERT_EQ(demo.responders.size(), 1u);
  EXPECT_EQ(demo.responders[0].id, "wuye");
  EXPECT_EQ(demo.responders[0].name, "物业");
  EXPECT_EQ(demo.responders[0].node, "c1");
  EXPECT_EQ(demo.responders[0].chats, std::vector<std::string>{"generic:wuye"});
}

TEST(Demo, TheDemoCatalogHasRiceOilAndSoap) {
  const Config demo = demo_config();
  ASSERT_EQ(demo.rewards.size(), 3u);
  EXPECT_EQ(demo.rewards[0].id, "rice");
  EXPECT_EQ(demo.rewards[0].name, "大米5斤");
  EXPECT_EQ(demo.rewards[0].points, 50);
  EXPECT_EQ(demo.rewards[0].stock, 10);
  EXPECT_EQ(demo.rewards[1].id, "oil");
  EXPECT_EQ(demo.rewards[1].name, "食用油1桶");
  EXPECT_EQ(demo.rewards[1].points, 80);
  EXPECT_EQ(demo.rewards[1].stock, 5);
  EXPECT_EQ(demo.rewards[2].id, "soap");
  EXPECT_EQ(demo.rewards[2].name, "洗衣液");
  EXPECT_EQ(demo.rewards[2].points, 30);
  EXPECT_EQ(demo.rewards[2].stock, 20);
}

TEST(Demo, TheDemoUsesTheBuiltInCategories) {
  const Config demo = demo_config();
  const Config defaults = parse_config("", "empty.toml");
  ASSERT_EQ(demo.categories.size(), defaults.categories.size());
  std::set<std::string> classes;
  for (const Category& category : demo.categories)
    classes.insert(category.urgency_class);
  EXPECT_EQ(classes, (std::set<std::string>{"urgent", "utilities", "general", "complex"}));
}

TEST(Demo, TheDemoSourceFileInTheRepositoryLoadsToTheSameConfig) {
  const Config file = load_config(std::filesystem::path(WHISTLE_SOURCE_DIR) / "config/demo.toml");
  const Config demo = demo_config();
  ASSERT_EQ(file.nodes.size(), demo.nodes.size());
  for (std::size_t i = 0; i < demo.nodes.size(); ++i)
    EXPECT_EQ(file.nodes[i].id, demo.nodes[i].id);
}

}  // namespace
}  // namespace whistle::config
