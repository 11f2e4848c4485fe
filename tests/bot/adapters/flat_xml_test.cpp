// The small XML reader behind WeCom's callbacks: what it reads, and what it refuses.
#include "bot/adapters/flat_xml.hpp"

#include <gtest/gtest.h>

namespace whistle::bot {
namespace {
namespace flat_xml_cases {

XmlFields read(std::string_view text) {
  auto parsed = parse_flat_xml(text);
  if (auto* problem = std::get_if<std::string>(&parsed)) {
    ADD_FAILURE() << *problem << " for " << text;
    return {};
  }
  return std::get<XmlFields>(std::move(parsed));
}

std::string refusal(std::string_view text) {
  auto parsed = parse_flat_xml(text);
  if (auto* problem = std::get_if<std::string>(&parsed)) return *problem;
  return "";
}

TEST(FlatXml, ReadsTextCdataEntitiesAndNestedLeaves) {
  const XmlFields xml = read(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xml>\n <A>plain</A>\n <B><![CDATA[<not> &amp; a "
      "tag]]></B>"
      "<C>x &lt; y "
      "&#65;&#x42;</C><D/><E></E><Info><Count>2</Count><Item><Name>n</Name></Item></Info></xml>\n");
  EXPECT_EQ(xml.get("A"), "plain");
  EXPECT_EQ(xml.get("B"), "<not> &amp; a tag");
  EXPECT_EQ(xml.get("C"), "x < y AB");
  EXPECT_EQ(xml.get("D"), "");
  EXPECT_EQ(xml.get("E"), "");
  EXPECT_EQ(xml.get("Info/Count"), "2");
  EXPECT_EQ(xml.get("Info/Item/Name"), "n");
  EXPECT_FALSE(xml.get("Info"));
  EXPECT_FALSE(xml.get("Missing"));
}

TEST(FlatXml, ARepeatedFieldHasNoValue) {
  const XmlFields xml = read("<xml><A>1</A><A>2</A><B>3</B></xml>");
  EXPECT_FALSE(xml.get("A"));
  EXPECT_TRUE(xml.repeated("A"));
  EXPECT_EQ(xml.get("B"), "3");
}

TEST(FlatXml, RefusesWhatCouldExpandHideOrConfuse) {
  EXPECT_NE(refusal("<!DOCTYPE xml [<!ENTITY a \"b\">]><xml><A>&a;</A></xml>"), "");
  EXPECT_NE(refusal("<xml><!ENTITY a \"b\"><A>1</A></xml>"), "");
  EXPECT_NE(refusal("<xml><!-- c --><A>1</A></xml>"), "");
  EXPECT_NE(refusal("<xml><?pi x?><A>1</A></xml>"), "");
  EXPECT_NE(refusal("<xml><A>&unknown;</A></xml>"), "");
  EXPECT_NE(refusal("<xml><A>&#0;</A></xml>"), "");
  EXPECT_NE(refusal("<xml><A>&#xD800;</A></xml>"), "");
  EXPECT_NE(refusal("<xml><A>&#x110000;</A></xml>"), "");
  EXPECT_NE(refusal("<xml><A>& </A></xml>"), "");
  EXPECT_NE(refusal("<xml><A x=\"1\">1</A></xml>"), "");
  EXPECT_NE(refusal("<xml><A>1</B></xml>"), "");
  EXPECT_NE(refusal("<xml><A>1</A>"), "");
  EXPECT_NE(refusal("<xml><A><![CDATA[1</A></xml>"), "");
  EXPECT_NE(refusal("<xml><A>text<B>1</B></A></xml>"), "");
  EXPECT_NE(refusal("<xml></xml><xml></xml>"), "");
  EXPECT_NE(refusal("<xml></xml>trailing"), "");
  EXPECT_NE(refusal("plain text"), "");
  EXPECT_NE(refusal(""), "");
  EXPECT_NE(refusal("<"), "");
  EXPECT_NE(refusal("<1a></1a>"), "");
  std::string deep = "<xml>";
  for (int i = 0; i < 9; ++i)
    deep += "<a>";
  EXPECT_NE(refusal(deep), "");
  std::string many = "<xml>";
  for (int i = 0; i < 1001; ++i)
    many += "<a/>";
  many += "</xml>";
  EXPECT_EQ(refusal(many), "too many XML elements");
}

TEST(FlatXml, EscapeIsTheInverseOfReading) {
  const std::string text = "a<b>&\"c\"'d'";
  EXPECT_EQ(read("<xml><A>" + xml_escape(text) + "</A></xml>").get("A"), text);
}

}  // namespace flat_xml_cases
}  // namespace
}  // namespace whistle::bot
