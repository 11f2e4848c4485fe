#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "config/config.hpp"
#include "config/templates.hpp"

namespace whistle::config {
namespace {

using ::testing::HasSubstr;

Templates sample() {
  const std::filesystem::path file =
      std::filesystem::path(WHISTLE_SOURCE_DIR) / "tests/config/data/sample_templates.toml";
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return Templates::parse(text.str(), file.string());
}

TEST(Templates, RenderFillsEveryPlaceholder) {
  EXPECT_EQ(sample().render("signup", {{"task", "12"}, {"count", "3"}, {"places", "5"}}),
            "【吹哨#12】已报到 3/5");
}

TEST(Templates, ATemplateWithoutPlaceholdersRendersAsWritten) {
  EXPECT_EQ(sample().render("no_values"), "帮助：发送 报到 12");
}

TEST(Templates, APlaceholderWithoutAValueIsLeftAsWritten) {
  EXPECT_EQ(sample().render("signup", {{"task", "12"}}), "【吹哨#12】已报到 {count}/{places}");
}

TEST(Templates, ValuesAreInsertedAsTheyAreAndNotFilledAgain) {
  EXPECT_EQ(sample().render("greeting", {{"name", "{name}"}}), "你好，{name}！");
  EXPECT_EQ(Templates::parse("t = \"{a}{b}\"", "t.toml").render("t", {{"a", "{b}"}, {"b", "x"}}), "{b}x");
}

TEST(Templates, ExtraValuesAreIgnored) {
  EXPECT_EQ(sample().render("greeting", {{"name", "张三"}, {"unused", "x"}}), "你好，张三！");
}

TEST(Templates, BracesThatAreNotPlaceholdersStay) {
  const Templates templates = Templates::parse(R"(t = "{{task}} {unclosed {task} }{")", "t.toml");
  EXPECT_EQ(templates.render("t", {{"task", "7"}}), "{7} {unclosed 7 }{");
}

TEST(Templates, TablesAndDottedKeysAreFlattened) {
  const Templates templates = sample();
  EXPECT_TRUE(templates.has("task.created"));
  EXPECT_TRUE(templates.has("task.cancelled"));
  EXPECT_TRUE(templates.has("task.ticket.opened"));
  EXPECT_FALSE(templates.has("task"));
  EXPECT_EQ(templates.render("task.created", {{"task", "12"}, {"title", "清理楼道"}}), "【吹哨#12】清理楼道");
}

TEST(Templates, AnUnknownKeyThrowsOutOfRange) {
  EXPECT_FALSE(sample().has("nope"));
  EXPECT_THROW(sample().render("nope"), std::out_of_range);
}

TEST(Templates, AValueThatIsNotAStringIsRefusedNamingTheKey) {
  EXPECT_THAT([] { Templates::parse("[task]\nplaces = 5\n", "mine.toml"); },
              ::testing::ThrowsMessage<Error>(
                  AllOf(HasSubstr("mine.toml:2:"), HasSubstr("task.places"), HasSubstr("must be a string"))));
  EXPECT_THAT([] { Templates::parse("list = [\"a\"]\n", "mine.toml"); },
              ::testing::ThrowsMessage<Error>(AllOf(HasSubstr("list"), HasSubstr("found an array"))));
}

TEST(Templates, ATomlSyntaxErrorIsRefusedWithItsPlace) {
  EXPECT_THAT([] { Templates::parse("a = \"x\"\nb = \n", "mine.toml"); },
              ::testing::ThrowsMessage<Error>(HasSubstr("mine.toml:2:")));
}

TEST(Templates, AnEmptyFileHasNoTemplates) {
  const Templates templates = Templates::parse("# nothing yet\n", "empty.toml");
  EXPECT_FALSE(templates.has("help"));
}

TEST(Templates, TheBuiltInChineseTemplatesLoad) {
  // The file's wording belongs to the handlers; whatever it holds must parse.
  EXPECT_NO_THROW(Templates::builtin("zh-CN"));
}

TEST(Templates, AnUnknownBuiltInLanguageIsRefused) {
  EXPECT_THAT([] { Templates::builtin("en"); },
              ::testing::ThrowsMessage<Error>(AllOf(HasSubstr("\"en\""), HasSubstr("zh-CN"))));
}

TEST(Templates, TheBuiltInTemplatesAreTheRepositoryFile) {
  // The compiled-in copy is regenerated from the file at build time; every key in the file is built in.
  const std::filesystem::path file =
      std::filesystem::path(WHISTLE_SOURCE_DIR) / "config/templates/zh-CN.toml";
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  const Templates from_file = Templates::parse(text.str(), file.string());
  const Templates builtin = Templates::builtin("zh-CN");
  for (const char* key : {"event_failed", "help", "unknown"})
    EXPECT_EQ(from_file.has(key), builtin.has(key)) << key;
}

}  // namespace
}  // namespace whistle::config
