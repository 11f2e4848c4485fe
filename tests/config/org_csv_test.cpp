#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/config.hpp"
#include "config/csv.hpp"
#include "tests/config/config_test_support.hpp"

namespace whistle::config {
namespace {

using ::testing::HasSubstr;
using testing::names;
using testing::TempDir;

constexpr std::string_view kOrgCsv =
    "level,id,parent,name,chat,leaders\n"
    "community,c1,,锦华家园社区,generic:c1,generic:u-wang\n"
    "grid,g1,c1,第一网格,generic:g1,generic:u-li\n"
    "building,b3,g1,\"3号楼, 东\",generic:b3;wecom:b3-wecom,generic:u-qian|generic:u-sun\n"
    "unit,b3u2,b3,3号楼2单元,generic:b3u2,\n";

// The error for a config that points at `csv`; the file paths are checked by the caller.
std::string csv_refusal(const TempDir& dir, std::string_view csv) {
  dir.write("org.csv", csv);
  const std::filesystem::path config = dir.write("whistle.toml", "org_csv = \"org.csv\"\n");
  try {
    load_config(config);
  } catch (const Error& error) {
    return error.what();
  }
  ADD_FAILURE() << "the CSV was accepted:\n" << csv;
  return {};
}

TEST(OrgCsv, TheOrgIsReadFromACsvBesideTheConfig) {
  TempDir dir;
  dir.write("org.csv", kOrgCsv);
  const Config config = load_config(dir.write("whistle.toml", "org_csv = \"org.csv\"\n"));
  ASSERT_EQ(config.nodes.size(), 4u);
  EXPECT_EQ(config.nodes[0].id, "c1");
  EXPECT_EQ(config.nodes[0].level, Level::community);
  EXPECT_EQ(config.nodes[0].parent, "");
  EXPECT_EQ(config.nodes[0].leaders, (std::vector<std::string>{"generic:u-wang"}));
  const Node& building = config.nodes[2];
  EXPECT_EQ(building.level, Level::building);
  EXPECT_EQ(building.parent, "g1");
  EXPECT_EQ(building.name, "3号楼, 东");
  EXPECT_EQ(building.chats, (std::vector<std::string>{"generic:b3", "wecom:b3-wecom"}));
  EXPECT_EQ(building.leaders, (std::vector<std::string>{"generic:u-qian", "generic:u-sun"}));
  EXPECT_TRUE(config.nodes[3].leaders.empty());
}

TEST(OrgCsv, TheHeaderRowIsOptionalAndASeventhColumnGivesStaff) {
  TempDir dir;
  dir.write("org.csv", "community,c1,,社区,generic:c1,generic:u-wang,generic:u-zhou\r\n\r\n");
  const Config config = load_config(dir.write("whistle.toml", "org_csv = \"org.csv\"\n"));
  ASSERT_EQ(config.nodes.size(), 1u);
  EXPECT_EQ(config.nodes[0].staff, (std::vector<std::string>{"generic:u-zhou"}));
}

TEST(OrgCsv, AnAbsolutePathIsUsedAsWritten) {
  TempDir dir;
  const std::filesystem::path csv = dir.write("org.csv", kOrgCsv);
  const Config config = parse_config("org_csv = \"" + csv.string() + "\"\n", "/elsewhere/whistle.toml");
  EXPECT_EQ(config.nodes.size(), 4u);
}

TEST(OrgCsv, CsvNodesAreCheckedLikeNodeTablesNamingTheCsvLine) {
  TempDir dir;
  const std::string message = csv_refusal(dir,
                                          "level,id,parent,name,chat,leaders\n"
                                          "community,c1,,社区,generic:c1,\n"
                                          "building,b1,c1,1号楼,generic:b1,\n");
  EXPECT_THAT(message, names("parent", "the parent of a building must be a grid",
                             (dir.path() / "org.csv").string() + ":3"));
}

TEST(OrgCsv, AParentAfterItsChildInTheCsvIsRefused) {
  TempDir dir;
  EXPECT_THAT(csv_refusal(dir, "grid,g1,c1,网格,,\ncommunity,c1,,社区,,\n"),
              names("parent", "parent must come first", (dir.path() / "org.csv").string() + ":1"));
}

TEST(OrgCsv, ADuplicateIdInTheCsvNamesTheFirstLine) {
  TempDir dir;
  EXPECT_THAT(csv_refusal(dir, "community,c1,,社区,,\ncommunity,c1,,社区二,,\n"),
              HasSubstr("duplicate node id \"c1\" (first defined at " + (dir.path() / "org.csv").string() +
                        " line 1)"));
}

TEST(OrgCsv, AnUnqualifiedLeaderInTheCsvIsRefused) {
  TempDir dir;
  EXPECT_THAT(csv_refusal(dir, "community,c1,,社区,generic:c1,u-wang\n"),
              names("leaders", "\"u-wang\" is not a qualified id", (dir.path() / "org.csv").string() + ":1"));
}

TEST(OrgCsv, ARowWithTheWrongNumberOfFieldsIsRefused) {
  TempDir dir;
  EXPECT_THAT(csv_refusal(dir, "community,c1,,社区,generic:c1,generic:u,x,y\n"),
              names("", "expected 6 fields", (dir.path() / "org.csv").string() + ":1"));
}

TEST(OrgCsv, AnUnknownLevelInTheCsvIsRefused) {
  TempDir dir;
  EXPECT_THAT(csv_refusal(dir, "社区,c1,,社区,,\n"),
              names("level", "\"社区\" is not a level", (dir.path() / "org.csv").string() + ":1"));
}

TEST(OrgCsv, AMissingCsvFileIsRefusedAtTheOrgCsvKey) {
  TempDir dir;
  const std::filesystem::path config = dir.write("whistle.toml", "org_csv = \"missing.csv\"\n");
  try {
    load_config(config);
    FAIL() << "a missing CSV was accepted";
  } catch (const Error& error) {
    EXPECT_THAT(error.what(), names("org_csv", "cannot read", config.string()));
    EXPECT_THAT(error.what(), HasSubstr("missing.csv"));
  }
}

// Pointed at a folder, the loader said only "std::bad_alloc".
TEST(OrgCsv, AFolderWhereTheCsvShouldBeIsRefusedByName) {
  TempDir dir;
  std::filesystem::create_directory(dir.path() / "org.csv");
  const std::filesystem::path config = dir.write("whistle.toml", "org_csv = \"org.csv\"\n");
  try {
    load_config(config);
    FAIL() << "a folder was accepted as the CSV";
  } catch (const Error& error) {
    EXPECT_THAT(error.what(), names("org_csv", "is a folder", config.string()));
  }
}

TEST(OrgCsv, NodeTablesAndACsvTogetherAreRefused) {
  EXPECT_THAT(testing::refusal(std::string("org_csv = \"org.csv\"\n") + std::string(testing::kCommunity)),
              names("org_csv", "not both"));
}

TEST(OrgCsv, ACsvChatAlsoBoundToAResponderIsRefused) {
  TempDir dir;
  dir.write("org.csv", "community,c1,,社区,generic:c1,\n");
  const std::filesystem::path config =
      dir.write("whistle.toml",
                "org_csv = \"org.csv\"\n[[responder]]\nid = \"w\"\nname = \"物业\"\nnode = \"c1\"\n"
                "chats = [\"generic:c1\"]\n");
  EXPECT_THROW(load_config(config), Error);
}

TEST(Csv, QuotedFieldsMayHoldCommasQuotesAndLineBreaks) {
  const std::vector<CsvRow> rows =
      parse_csv("a,\"b,c\",\"say \"\"hi\"\"\"\n\"two\nlines\",x\nlast,row", "t.csv");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].fields, (std::vector<std::string>{"a", "b,c", "say \"hi\""}));
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"two\nlines", "x"}));
  EXPECT_EQ(rows[1].line, 2u);
  EXPECT_EQ(rows[2].line, 4u);
  EXPECT_EQ(rows[2].fields, (std::vector<std::string>{"last", "row"}));
}

TEST(Csv, AByteOrderMarkAndCrlfLineEndsAreHandled) {
  const std::vector<CsvRow> rows = parse_csv("\xEF\xBB\xBFlevel,id\r\nunit,u1\r\n", "t.csv");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].fields, (std::vector<std::string>{"level", "id"}));
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"unit", "u1"}));
}

TEST(Csv, OldMacLineEndsAreRowsToo) {
  // Excel's "CSV (Macintosh)": read as one row, the whole org was taken for its header.
  const std::vector<CsvRow> rows = parse_csv("level,id\runit,u1\r", "t.csv");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"unit", "u1"}));
  EXPECT_EQ(rows[1].line, 2u);
}

TEST(Csv, AFileThatIsNotUtf8IsRefusedWithItsLine) {
  // "锦华" in GBK, as Chinese Excel's plain CSV saves it.
  EXPECT_THAT([] { parse_csv("level,id,name\ncommunity,c1,\xBD\xF5\xBB\xAA\n", "t.csv"); },
              ::testing::ThrowsMessage<Error>(HasSubstr("t.csv:2: is not UTF-8")));
}

TEST(Csv, BlankLinesAreSkippedButCountedForLineNumbers) {
  const std::vector<CsvRow> rows = parse_csv("\na,b\n\nc,d\n", "t.csv");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].line, 2u);
  EXPECT_EQ(rows[1].line, 4u);
}

TEST(Csv, AnUnclosedQuoteIsRefusedWithItsLine) {
  EXPECT_THAT([] { parse_csv("a,b\nc,\"open\n", "t.csv"); },
              ::testing::ThrowsMessage<Error>(HasSubstr("t.csv:2: a quoted field is not closed")));
}

TEST(Csv, TextAfterAClosingQuoteIsRefused) {
  EXPECT_THAT([] { parse_csv("\"a\"b,c\n", "t.csv"); },
              ::testing::ThrowsMessage<Error>(HasSubstr("t.csv:1: unexpected text after a closing quote")));
}

}  // namespace
}  // namespace whistle::config
