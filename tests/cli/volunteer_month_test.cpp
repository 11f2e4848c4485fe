// A month of the volunteer loop through the real `whistle sim` binary (the demo community, a
// database file): whistles in unit, building and grid groups, report-ins, withdrawals, check-in and
// check-out (a sign-in code read from the leader's private message), confirmation, adjustments, a
// task edited, redemptions picked up, cancelled and expired, then the 民情日 publication on
// 1 December 09:00 and a restart on 2 December. The expected figures are computed here from the
// script, then compared with the database, `whistle verify-ledger`, `whistle check` and
// `whistle report`.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "whistle_process.hpp"

namespace {

using nlohmann::json;

// ---- the real binary, driven line by line --------------------------------------------------

// `whistle sim` with a pipe on each side. Lines are written as the script goes; where the script
// needs something the bot said (a sign-in code, a pickup code), it reads the output until that
// line comes. The sim flushes after every input line, so nothing waits on a buffer.
class SimProcess {
 public:
  explicit SimProcess(const std::string& db) {
    int in[2];
    int out[2];
    if (::pipe(in) != 0 || ::pipe(out) != 0) return;
    stderr_path_ = db + ".stderr";
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(in[0], 0);
      ::dup2(out[1], 1);
      const int err = ::open(stderr_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (err >= 0) ::dup2(err, 2);
      ::close(in[1]);
      ::close(out[0]);
      ::execl(WHISTLE_BINARY, WHISTLE_BINARY, "sim", "--db", db.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    to_sim_ = in[1];
    from_sim_ = out[0];
  }
  ~SimProcess() {
    if (to_sim_ >= 0) ::close(to_sim_);
    if (pid_ > 0 && !finished_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    if (from_sim_ >= 0) ::close(from_sim_);
    std::filesystem::remove(stderr_path_);
  }

  void send(const json& line) {
    const std::string text = line.dump() + "\n";
    std::size_t written = 0;
    while (written < text.size()) {
      const ssize_t n = ::write(to_sim_, text.data() + written, text.size() - written);
      if (n <= 0) return;
      written += static_cast<std::size_t>(n);
    }
  }

  // Reads output until a line matches; every line read is kept in `lines()`.
  std::optional<json> wait_for(const std::function<bool(const json&)>& match) {
    for (std::size_t i = scanned_; i < lines_.size(); ++i) {
      if (match(lines_[i])) {
        scanned_ = i + 1;
        return lines_[i];
      }
    }
    scanned_ = lines_.size();
    while (read_some(30'000)) {
      for (std::size_t i = scanned_; i < lines_.size(); ++i) {
        if (match(lines_[i])) {
          scanned_ = i + 1;
          return lines_[i];
        }
      }
      scanned_ = lines_.size();
    }
    return std::nullopt;
  }

  // Closes the input, reads the rest and returns the exit code.
  int finish() {
    ::close(to_sim_);
    to_sim_ = -1;
    while (read_some(60'000)) {
    }
    int status = 0;
    ::waitpid(pid_, &status, 0);
    finished_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  const std::vector<json>& lines() const { return lines_; }
  std::string errors() const {
    std::string text;
    if (FILE* f = std::fopen(stderr_path_.c_str(), "r")) {
      std::array<char, 4096> buffer{};
      std::size_t n = 0;
      while ((n = std::fread(buffer.data(), 1, buffer.size(), f)) > 0)
        text.append(buffer.data(), n);
      std::fclose(f);
    }
    return text;
  }

 private:
  bool read_some(int timeout_ms) {
    pollfd fd{from_sim_, POLLIN, 0};
    if (::poll(&fd, 1, timeout_ms) <= 0) return false;
    std::array<char, 8192> buffer{};
    const ssize_t n = ::read(from_sim_, buffer.data(), buffer.size());
    if (n <= 0) return false;
    pending_.append(buffer.data(), static_cast<std::size_t>(n));
    for (std::size_t end = pending_.find('\n'); end != std::string::npos; end = pending_.find('\n')) {
      lines_.push_back(json::parse(pending_.substr(0, end)));
      pending_.erase(0, end + 1);
    }
    return true;
  }

  pid_t pid_ = -1;
  int to_sim_ = -1;
  int from_sim_ = -1;
  bool finished_ = false;
  std::string stderr_path_;
  std::string pending_;
  std::vector<json> lines_;
  std::size_t scanned_ = 0;
};

using whistle::cli_testing::ProcessRun;

ProcessRun run_month_whistle(const std::string& arguments) {
  return whistle::cli_testing::run_whistle(arguments, whistle::cli_testing::Stderr::merged);
}

// ---- the script's people, times and rules -------------------------------------------------

json say(const std::string& at, const std::string& chat, const std::string& from, const std::string& name,
         const std::string& text, const std::vector<std::string>& mentions = {}) {
  json line{{"at", at}, {"chat", chat}, {"from", from}, {"name", name}, {"text", text}};
  if (!mentions.empty()) line["mentions"] = mentions;
  return line;
}

json in_private(const std::string& at, const std::string& person, const std::string& text) {
  return json{{"at", at}, {"chat", "@" + person}, {"text", text}};
}

json clock(const std::string& at) {
  return json{{"at", at}};
}

// "2026-11-07T08:50" in Asia/Shanghai (UTC+8, the demo's zone) → Unix seconds.
std::int64_t local(const std::string& at) {
  std::tm tm{};
  ::strptime(at.c_str(), "%Y-%m-%dT%H:%M", &tm);
  return static_cast<std::int64_t>(::timegm(&tm)) - 8 * 3600;
}

std::int64_t minutes_between(const std::string& from, const std::string& to) {
  return (local(to) - local(from)) / 60;
}

// Paid minutes: the stay counted inside the task's time (as check-out tells it), so at most the
// task's length; the scheduled length when vouched for or when there is no check-out.
struct Window {
  std::string start, end;
  std::int64_t length() const { return minutes_between(start, end); }
};
std::int64_t paid_minutes(const std::string& in, const std::optional<std::string>& out, const Window& task) {
  // Without a check-out the stay runs to the task's end.
  const std::int64_t from = std::max(local(in), local(task.start));
  const std::int64_t to = out ? std::min(local(*out), local(task.end)) : local(task.end);
  return std::max<std::int64_t>(0, to - from) / 60;
}

std::string text_of(const json& line) {
  return line["text"].get<std::string>();
}
bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

bool mentions(const json& line, const std::string& person) {
  for (const json& m : line["mentions"])
    if (m == person) return true;
  return false;
}

// The sim's lines at one moment.
std::vector<json> at(const std::vector<json>& lines, const std::string& moment) {
  std::vector<json> found;
  for (const json& line : lines)
    if (line["at"] == moment) found.push_back(line);
  return found;
}

bool is_publication_line(const json& line) {
  return text_of(line).starts_with("【积分公示】");
}

// The rules the demo runs with (config defaults).
constexpr double kMinStayRatio = 0.6;
constexpr int kRedemptionDays = 14;

// The catalog's 洗衣液 (demo config): 30 points, 20 in stock.
constexpr std::int64_t kSoapPoints = 30;
constexpr std::int64_t kSoapStock = 20;

// ---- the test ---------------------------------------------------------------------------------

class VolunteerMonth : public ::testing::Test {
 protected:
  void SetUp() override { remove(); }
  void TearDown() override { remove(); }
  void remove() {
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(db_ + suffix);
  }
  const std::string db_ =
      (std::filesystem::temp_directory_path() / ("whistle-month-" + std::to_string(::getpid()) + ".db"))
          .string();
};

TEST_F(VolunteerMonth, AMonthOfTheVolunteerLoopEndsInOnePublicationPerGroupWithTheLedgerDigest) {
  // Tasks: #1 in a unit group, #2 in a building group with 下发, #3 in a grid group.
  const std::int64_t t1_points = 10, t2_points = 30, t3_points = 20;
  const Window t1{"2026-11-07T09:00", "2026-11-07T11:00"};  // 11月7日上午9点 2小时
  const Window t2{"2026-11-14T09:00", "2026-11-14T11:00"};  // 11月14日上午9点-11点
  const Window t3{"2026-11-22T15:00", "2026-11-22T18:00"};  // 11月21日下午2点 3小时, moved to 22日下午3点
  const std::int64_t t1_length = t1.length(), t2_length = t2.length(), t3_length = t3.length();
  const std::int64_t bonus = 5, deduction = 2;

  // When each person checked in and out (the script below uses these same strings).
  const std::string zhang_in_1 = "2026-11-07T08:50", zhang_out_1 = "2026-11-07T10:40";
  const std::string liu_in_1 = "2026-11-07T08:55", liu_out_1 = "2026-11-07T09:30";  // too short
  const std::string tian_in_2 = "2026-11-14T08:51", tian_out_2 = "2026-11-14T10:30";
  const std::string lin_in_2 = "2026-11-14T08:55", lin_out_2 = "2026-11-14T09:20";  // too short
  const std::string zhang_in_2 = "2026-11-14T09:00", zhang_out_2 = "2026-11-14T11:00";
  const std::string he_in_2 = "2026-11-14T09:05";  // no check-out
  const std::string zhang_in_3 = "2026-11-22T14:50", zhang_out_3 = "2026-11-22T18:00";
  const std::string liu_in_3 = "2026-11-22T14:55", liu_out_3 = "2026-11-22T17:00";
  const std::string tian_in_3 = "2026-11-22T15:00", tian_out_3 = "2026-11-22T18:05";

  // The short stays of the script are short by the rule (counted inside the task's time).
  ASSERT_LT(paid_minutes(liu_in_1, liu_out_1, t1), kMinStayRatio * t1_length);
  ASSERT_LT(paid_minutes(lin_in_2, lin_out_2, t2), kMinStayRatio * t2_length);
  ASSERT_GE(paid_minutes(liu_in_3, liu_out_3, t3), kMinStayRatio * t3_length);

  SimProcess sim(db_);
  // ---- task #1: a unit group, a waitlist, a withdrawal
  sim.send(say("2026-11-02T09:00", "b3u2", "u-chen", "陈单元长",
               "吹哨 清理3号楼2单元楼道杂物 3人 11月7日上午9点 2小时 " + std::to_string(t1_points) + "分"));
  sim.send(say("2026-11-02T09:05", "b3u2", "u-zhang", "张三", "报到 1"));
  sim.send(say("2026-11-02T09:06", "b3u2", "u-liu", "刘阿姨", "我来"));
  sim.send(say("2026-11-02T09:07", "b3u2", "u-he", "何大爷", "1"));
  sim.send(say("2026-11-02T09:08", "b3u2", "u-ma", "马六", "报到 1"));        // waitlisted
  sim.send(say("2026-11-02T10:00", "b3u2", "u-he", "何大爷", "取消报到 1"));  // 马六 moves up
  // ---- task #2: a building group, handed down to its units
  sim.send(
      say("2026-11-03T09:00", "b3", "u-qian", "钱楼栋长",
          "吹哨 3号楼消防通道清理 下发 4人 11月14日上午9点-11点 每人" + std::to_string(t2_points) + "分"));
  sim.send(say("2026-11-03T09:10", "b3u1", "u-tian", "田七", "报到 2"));
  sim.send(say("2026-11-03T09:11", "b3u1", "u-lin", "林八", "我来"));
  sim.send(say("2026-11-03T09:12", "b3u2", "u-zhang", "张三", "报到 2"));
  sim.send(say("2026-11-03T09:13", "b3", "u-he", "何大爷", "报到 2"));
  // ---- task #3: a grid group
  sim.send(say("2026-11-05T10:00", "g1", "u-li", "李网格长",
               "吹哨 第一网格垃圾分类宣传 2人 11月21日下午2点 3小时 " + std::to_string(t3_points) + "分"));
  sim.send(say("2026-11-05T10:05", "g1", "u-zhang", "张三", "报到 3"));
  sim.send(say("2026-11-05T10:06", "g1", "u-liu", "刘阿姨", "报到 3"));
  // ---- 7 November: task #1 happens
  json zhang_check_in = say(zhang_in_1, "b3u2", "u-zhang", "张三", "签到 1");
  zhang_check_in["location"] = json{{"lat", 33.62}, {"lon", 114.65}};
  sim.send(zhang_check_in);
  sim.send(say(liu_in_1, "b3u2", "u-liu", "刘阿姨", "簽到 1"));
  sim.send(say(liu_out_1, "b3u2", "u-liu", "刘阿姨", "签退 1"));
  sim.send(say(zhang_out_1, "b3u2", "u-zhang", "张三", "签退 1"));
  sim.send(say("2026-11-07T11:10", "b3u2", "u-chen", "陈单元长", "验收 1"));
  sim.send(say("2026-11-07T11:15", "b3u2", "u-chen", "陈单元长", "确认 1 @刘阿姨", {"u-liu"}));
  sim.send(say("2026-11-10T09:00", "b3u2", "u-chen", "陈单元长",
               "加分 @张三 " + std::to_string(bonus) + " 帮助孤寡老人", {"u-zhang"}));
  sim.send(say("2026-11-10T09:05", "b3u2", "u-zhang", "张三", "积分"));
  // ---- the sign-in code of task #2 comes to the leader in private
  sim.send(say("2026-11-13T20:00", "b3", "u-qian", "钱楼栋长", "签到码 2"));
  const std::regex four_digits("(^|[^0-9])([0-9]{4})([^0-9]|$)");
  std::string sign_code;
  const std::optional<json> code_line = sim.wait_for([&](const json& line) {
    std::smatch match;
    const std::string text = text_of(line);
    if (line["chat"] != "@u-qian" || !std::regex_search(text, match, four_digits)) return false;
    sign_code = match[2];
    return true;
  });
  ASSERT_TRUE(code_line) << "the sign-in code comes to the leader in private";
  // ---- 14 November: task #2 happens, with the code
  sim.send(say("2026-11-14T08:50", "b3u1", "u-tian", "田七", "签到 2"));  // no code: refused
  sim.send(say(tian_in_2, "b3u1", "u-tian", "田七", "签到 2 " + sign_code));
  sim.send(say(lin_in_2, "b3u1", "u-lin", "林八", "簽到 2 " + sign_code));
  sim.send(say(zhang_in_2, "b3u2", "u-zhang", "张三", "签到 2 " + sign_code));
  sim.send(say(he_in_2, "b3", "u-he", "何大爷", "签到 2 " + sign_code));
  sim.send(say(lin_out_2, "b3u1", "u-lin", "林八", "签退 2"));
  sim.send(say(tian_out_2, "b3u1", "u-tian", "田七", "签退 2"));
  sim.send(say(zhang_out_2, "b3u2", "u-zhang", "张三", "签退"));
  sim.send(say("2026-11-14T11:10", "b3", "u-qian", "钱楼栋长", "验收 2"));
  sim.send(
      say("2026-11-14T11:12", "b3", "u-qian", "钱楼栋长", "不予确认 2 @林八 签到20分钟就走了", {"u-lin"}));
  // ---- redemptions: one left to expire, one picked up, one cancelled
  const std::regex pickup_code("([2-9A-HJ-NP-Z]{4,6})");
  auto code_for = [&](const std::string& person) {
    std::string code;
    const std::optional<json> line = sim.wait_for([&](const json& l) {
      if (l["chat"] != "@" + person) return false;
      const std::string text = text_of(l);
      std::smatch match;
      std::string::const_iterator from = text.cbegin();
      while (std::regex_search(from, text.cend(), match, pickup_code)) {
        const std::string candidate = match[1];
        if (std::any_of(candidate.begin(), candidate.end(), [](char c) { return c >= '2' && c <= '9'; }) &&
            std::any_of(candidate.begin(), candidate.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
          code = candidate;
          return true;
        }
        from = match[0].second;
      }
      return false;
    });
    return line ? code : std::string();
  };
  const std::string he_redeemed_at = "2026-11-15T10:00";
  sim.send(in_private(he_redeemed_at, "u-he", "兑换 洗衣液"));
  const std::string he_code = code_for("u-he");
  sim.send(say("2026-11-16T10:00", "b3u2", "u-zhang", "张三", "兑换 洗衣液"));
  const std::string zhang_code = code_for("u-zhang");
  sim.send(say("2026-11-16T10:05", "b3u1", "u-tian", "田七", "我要兑换洗衣液"));
  const std::string tian_code = code_for("u-tian");
  ASSERT_FALSE(he_code.empty());
  ASSERT_FALSE(zhang_code.empty());
  ASSERT_FALSE(tian_code.empty());
  sim.send(in_private("2026-11-17T09:00", "u-tian", "取消兑换 " + tian_code));
  sim.send(in_private("2026-11-18T10:00", "u-zhou", "核销 " + zhang_code));
  // ---- task #3 moved and enlarged, then done
  sim.send(say("2026-11-18T11:00", "g1", "u-li", "李网格长", "修改 3 时间 11月22日下午3点"));
  sim.send(say("2026-11-18T11:01", "g1", "u-li", "李网格长", "修改 3 人数 3"));
  sim.send(say("2026-11-18T11:30", "g1", "u-tian", "田七", "报到 3"));
  sim.send(say(zhang_in_3, "g1", "u-zhang", "张三", "签到 3"));
  sim.send(say(liu_in_3, "g1", "u-liu", "刘阿姨", "签到"));  // her one task today
  sim.send(say(tian_in_3, "g1", "u-tian", "田七", "签到 3"));
  sim.send(say(liu_out_3, "g1", "u-liu", "刘阿姨", "签退 3"));
  sim.send(say(zhang_out_3, "g1", "u-zhang", "张三", "签退 3"));
  sim.send(say(tian_out_3, "g1", "u-tian", "田七", "签退 3"));
  sim.send(say("2026-11-22T18:10", "g1", "u-li", "李网格长", "验收 3"));
  sim.send(say("2026-11-23T09:00", "b3u2", "u-chen", "陈单元长",
               "扣分 @刘阿姨 " + std::to_string(deduction) + " 活动迟到", {"u-liu"}));
  sim.send(in_private("2026-11-25T20:00", "u-liu", "积分"));
  sim.send(in_private("2026-11-25T20:01", "u-ma", "我的报到"));
  sim.send(say("2026-11-25T20:05", "g1", "u-li", "李网格长", "积分 @张三", {"u-zhang"}));
  // ---- 民情日
  sim.send(clock("2026-12-01T08:59"));
  sim.send(clock("2026-12-01T10:00"));
  ASSERT_EQ(sim.finish(), 0) << sim.errors();
  EXPECT_EQ(sim.errors(), "");
  const std::vector<json>& out = sim.lines();
  if (const char* dump = std::getenv("WHISTLE_MONTH_DUMP")) {  // to read what the chats saw
    std::ofstream file(dump);
    for (const json& line : out)
      file << line.dump() << "\n";
  }

  // ---- what the month should come to, from the script ----------------------------------------
  struct Expected {
    std::string name;
    std::int64_t points = 0;   // November's earnings
    std::int64_t minutes = 0;  // November's service minutes
    std::int64_t spent = 0;    // held by redemptions still standing
  };
  std::map<std::string, Expected> expected;
  expected["u-zhang"] = {"张三", t1_points + bonus + t2_points + t3_points,
                         paid_minutes(zhang_in_1, zhang_out_1, t1) +
                             paid_minutes(zhang_in_2, zhang_out_2, t2) +
                             paid_minutes(zhang_in_3, zhang_out_3, t3),
                         kSoapPoints};  // picked up
  expected["u-liu"] = {"刘阿姨", t1_points + t3_points - deduction,
                       t1_length /* vouched */ + paid_minutes(liu_in_3, liu_out_3, t3), 0};
  expected["u-tian"] = {"田七", t2_points + t3_points,
                        paid_minutes(tian_in_2, tian_out_2, t2) + paid_minutes(tian_in_3, tian_out_3, t3),
                        0};                                                              // cancelled
  expected["u-he"] = {"何大爷", t2_points, paid_minutes(he_in_2, std::nullopt, t2), 0};  // expired
  // 林八 was refused, 马六 never came (no_show_points is 0): neither earned anything.

  // ---- what the chats saw -------------------------------------------------------------------
  // #2 was handed down: the building group and both of its unit groups.
  std::set<std::string> task2_chats;
  for (const json& line : at(out, "2026-11-03T09:00"))
    if (contains(text_of(line), "#2")) task2_chats.insert(line["chat"].get<std::string>());
  EXPECT_EQ(task2_chats, (std::set<std::string>{"b3", "b3u1", "b3u2"}));

  // 马六 was waitlisted, then moved up when 何大爷 withdrew, and is told.
  bool ma_told = false;
  for (const json& line : at(out, "2026-11-02T10:00"))
    ma_told = ma_told || line["chat"] == "@u-ma" || mentions(line, "u-ma");
  EXPECT_TRUE(ma_told);

  // At #1's end 马六, who never checked in, is told in private that he missed it.
  bool ma_no_show = false;
  for (const json& line : at(out, "2026-11-07T11:00"))
    ma_no_show = ma_no_show || (line["chat"] == "@u-ma" && contains(text_of(line), "#1"));
  EXPECT_TRUE(ma_no_show);

  // The short stays are flagged to the tasks' creators in private.
  bool flagged_1 = false, flagged_2 = false;
  for (const json& line : at(out, liu_out_1))
    flagged_1 = flagged_1 || (line["chat"] == "@u-chen" && contains(text_of(line), "#1"));
  for (const json& line : at(out, lin_out_2))
    flagged_2 = flagged_2 || (line["chat"] == "@u-qian" && contains(text_of(line), "#2"));
  EXPECT_TRUE(flagged_1);
  EXPECT_TRUE(flagged_2);

  // The sign-in code never appears in a group.
  for (const json& line : out) {
    if (line["chat"].get<std::string>().starts_with("@")) continue;
    EXPECT_FALSE(contains(text_of(line), "签到码") && contains(text_of(line), sign_code)) << line.dump();
  }

  // 林八 is told in private, with the reason.
  bool lin_refused = false;
  for (const json& line : at(out, "2026-11-14T11:12"))
    lin_refused = lin_refused || (line["chat"] == "@u-lin" && contains(text_of(line), "签到20分钟就走了"));
  EXPECT_TRUE(lin_refused);

  // The uncollected redemption expires redemption_days later at 18:00, when the service center
  // closes, and 何大爷 is told.
  const std::string he_expiry = "2026-11-29T18:00";
  ASSERT_EQ(local(he_expiry) - local(he_redeemed_at), kRedemptionDays * 86400 + 8 * 3600);
  bool he_told = false;
  for (const json& line : at(out, he_expiry))
    he_told = he_told || (line["chat"] == "@u-he" && contains(text_of(line), he_code));
  EXPECT_TRUE(he_told) << "expiry told at " << he_expiry;

  // 积分 answers with the balance the script gives at that moment.
  auto answer_has = [&](const std::string& moment, const std::string& chat, std::int64_t points) {
    for (const json& line : at(out, moment))
      if (line["chat"] == chat && contains(text_of(line), std::to_string(points) + "分")) return true;
    return false;
  };
  EXPECT_TRUE(answer_has("2026-11-10T09:05", "b3u2", t1_points + bonus)) << "张三's own 积分";
  EXPECT_TRUE(answer_has("2026-11-25T20:00", "@u-liu", t1_points + t3_points - deduction))
      << "刘阿姨 in private";
  // Someone else's balance goes to the asking leader in private, not to the group.
  EXPECT_TRUE(
      answer_has("2026-11-25T20:05", "@u-li", t1_points + bonus + t2_points + t3_points - kSoapPoints))
      << "积分 @张三 asked by the grid's leader";
  EXPECT_FALSE(answer_has("2026-11-25T20:05", "g1", t1_points + bonus + t2_points + t3_points - kSoapPoints))
      << "积分 @张三 asked by the grid's leader";

  // 马六's 我的报到 no longer lists #1: over, with everyone settled (he as missed), it finished,
  // so it is not 进行中 for weeks. He is answered all the same.
  bool ma_answered = false;
  bool ma_listed = false;
  for (const json& line : at(out, "2026-11-25T20:01")) {
    if (line["chat"] != "@u-ma") continue;
    ma_answered = true;
    ma_listed = ma_listed || contains(text_of(line), "#1");
  }
  EXPECT_TRUE(ma_answered);
  EXPECT_FALSE(ma_listed);

  // The 修改 of #3 is told to everyone signed up, in private.
  for (const char* person : {"@u-zhang", "@u-liu"}) {
    bool told = false;
    for (const json& line : at(out, "2026-11-18T11:00"))
      told = told || (line["chat"] == person && contains(text_of(line), "#3"));
    EXPECT_TRUE(told) << person;
  }

  // ---- the 民情日 publication: every bound group once, at 1 December 09:00 ---------------------
  std::map<std::string, int> published;
  std::map<std::string, std::string> publication_text;
  for (const json& line : out) {
    if (!is_publication_line(line)) continue;
    EXPECT_EQ(line["at"], "2026-12-01T09:00") << line.dump();
    EXPECT_TRUE(contains(text_of(line), "2026年11月")) << line.dump();
    ++published[line["chat"].get<std::string>()];
    publication_text[line["chat"].get<std::string>()] += text_of(line);
  }
  const std::vector<std::string> bound_chats{"b1", "b1u1", "b3", "b3u1", "b3u2",
                                             "b5", "b5u1", "c1", "g1",   "g2"};
  ASSERT_EQ(published.size(), bound_chats.size());
  for (const std::string& chat : bound_chats) {
    EXPECT_EQ(published[chat], 1) << chat;
  }

  // ---- the ledger, as the database holds it --------------------------------------------------
  std::string last_hash;
  std::int64_t entries = 0;
  {
    SQLite::Database db(db_, SQLite::OPEN_READONLY);
    SQLite::Statement last(db, "SELECT hash FROM ledger WHERE community_id = 'c1' ORDER BY id DESC LIMIT 1");
    ASSERT_TRUE(last.executeStep());
    last_hash = last.getColumn(0).getString();
    entries = db.execAndGet("SELECT COUNT(*) FROM ledger WHERE community_id = 'c1'").getInt64();

    // Entries the script wrote: 2 for #1, 1 bonus, 3 for #2, 3 redemptions, 1 cancel refund,
    // 3 for #3, 1 deduction, 1 expiry refund.
    EXPECT_EQ(entries, 2 + 1 + 3 + 3 + 1 + 3 + 1 + 1);

    // Each publication carries that digest; the table keeps one scheduled row per group's node.
    SQLite::Statement rows(db, "SELECT node_id, digest, entries, month, author_id IS NULL FROM publications");
    int kept = 0;
    while (rows.executeStep()) {
      ++kept;
      EXPECT_EQ(rows.getColumn(1).getString(), last_hash);
      EXPECT_EQ(rows.getColumn(2).getInt64(), entries);
      EXPECT_EQ(rows.getColumn(3).getString(), "2026-11");
      EXPECT_EQ(rows.getColumn(4).getInt(), 1);
    }
    EXPECT_EQ(kept, static_cast<int>(bound_chats.size()));
    for (const std::string& chat : bound_chats) {
      EXPECT_TRUE(contains(publication_text[chat], last_hash)) << chat;
      EXPECT_TRUE(contains(publication_text[chat], "第" + std::to_string(entries) + "条")) << chat;
    }

    // Balances, November's points and hours per person.
    const std::int64_t november = local("2026-11-01T00:00"), december = local("2026-12-01T00:00");
    for (const auto& [person, want] : expected) {
      const std::string id = "generic:" + person;
      SQLite::Statement balance(db, "SELECT COALESCE(SUM(points), 0) FROM ledger WHERE person_id = ?");
      balance.bind(1, id);
      ASSERT_TRUE(balance.executeStep());
      EXPECT_EQ(balance.getColumn(0).getInt64(), want.points - want.spent) << person;
      SQLite::Statement month(
          db,
          "SELECT COALESCE(SUM(points), 0), COALESCE(SUM(minutes), 0) FROM ledger "
          "WHERE person_id = ? AND kind NOT IN ('redeem', 'refund') AND at >= ? AND at < ?");
      month.bind(1, id);
      month.bind(2, static_cast<std::int64_t>(november));
      month.bind(3, static_cast<std::int64_t>(december));
      ASSERT_TRUE(month.executeStep());
      EXPECT_EQ(month.getColumn(0).getInt64(), want.points) << person;
      EXPECT_EQ(month.getColumn(1).getInt64(), want.minutes) << person;
    }
    for (const char* nobody : {"generic:u-lin", "generic:u-ma"}) {
      SQLite::Statement none(db, "SELECT COUNT(*) FROM ledger WHERE person_id = ?");
      none.bind(1, nobody);
      ASSERT_TRUE(none.executeStep());
      EXPECT_EQ(none.getColumn(0).getInt64(), 0) << nobody;
    }

    // Attendance outcomes: 马六 a no-show, 林八 refused, 刘阿姨 vouched on #1, a location kept.
    auto outcome = [&](int number, const std::string& person) {
      SQLite::Statement row(db,
                            "SELECT a.outcome FROM attendance a JOIN tasks t ON t.id = a.task_id "
                            "WHERE t.community_id = 'c1' AND t.number = ? AND a.person_id = ?");
      row.bind(1, number);
      row.bind(2, "generic:" + person);
      return row.executeStep() ? row.getColumn(0).getString() : std::string("(none)");
    };
    EXPECT_EQ(outcome(1, "u-ma"), "no_show");
    EXPECT_EQ(outcome(1, "u-liu"), "vouched");
    EXPECT_EQ(outcome(1, "u-zhang"), "confirmed");
    EXPECT_EQ(outcome(2, "u-lin"), "refused");
    EXPECT_EQ(outcome(2, "u-he"), "confirmed");
    EXPECT_EQ(db.execAndGet("SELECT in_lat FROM attendance a JOIN tasks t ON t.id = a.task_id "
                            "WHERE t.number = 1 AND a.person_id = 'generic:u-zhang'")
                  .getDouble(),
              33.62);
    // 田七's check-in without the code was refused: his time is the second try.
    EXPECT_EQ(db.execAndGet("SELECT checked_in_at FROM attendance a JOIN tasks t ON t.id = a.task_id "
                            "WHERE t.number = 2 AND a.person_id = 'generic:u-tian'")
                  .getInt64(),
              local(tian_in_2));
    // #3 moved to the 22nd, 15:00, its length kept, three places, three signed up.
    EXPECT_EQ(db.execAndGet("SELECT start_at FROM tasks WHERE number = 3").getInt64(),
              local("2026-11-22T15:00"));
    EXPECT_EQ(db.execAndGet("SELECT end_at - start_at FROM tasks WHERE number = 3").getInt64(),
              t3_length * 60);
    EXPECT_EQ(db.execAndGet("SELECT places FROM tasks WHERE number = 3").getInt(), 3);

    // Stock and redemptions after the pickup, the cancel and the expiry.
    EXPECT_EQ(
        db.execAndGet("SELECT stock FROM rewards WHERE community_id = 'c1' AND name = '洗衣液'").getInt64(),
        kSoapStock - 1);
    auto status = [&](const std::string& code) {
      SQLite::Statement row(db, "SELECT status, person_id FROM redemptions WHERE code = ?");
      row.bind(1, code);
      return row.executeStep() ? row.getColumn(0).getString() + " " + row.getColumn(1).getString()
                               : std::string("(none)");
    };
    EXPECT_EQ(status(zhang_code), "picked_up generic:u-zhang");
    EXPECT_EQ(status(tian_code), "cancelled generic:u-tian");
    EXPECT_EQ(status(he_code), "expired generic:u-he");
  }

  // ---- the ranking order matches the points given ---------------------------------------------
  std::vector<std::pair<std::int64_t, std::string>> order;
  for (const auto& [person, want] : expected)
    order.emplace_back(want.points, want.name);
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = 0; i + 1 < order.size(); ++i)
    ASSERT_GT(order[i].first, order[i + 1].first) << "the script gives distinct totals";
  const std::string& c1 = publication_text["c1"];
  std::size_t previous = 0;
  for (const auto& [points, name] : order) {
    const std::size_t where = c1.find(name);
    ASSERT_NE(where, std::string::npos) << name << " in\n" << c1;
    EXPECT_GT(where, previous) << name << " ranked out of order in\n" << c1;
    previous = where;
  }
  EXPECT_FALSE(contains(c1, "林八"));
  EXPECT_FALSE(contains(c1, "马六"));
  // The second grid did nothing: its group's publication names none of them.
  for (const auto& [points, name] : order)
    EXPECT_FALSE(contains(publication_text["g2"], name)) << name;

  // ---- verify-ledger, check, report --------------------------------------------------------
  const ProcessRun verify = run_month_whistle("verify-ledger --db " + db_);
  EXPECT_EQ(verify.exit_code, 0) << verify.out;
  EXPECT_TRUE(contains(
      verify.out, "ledger of c1: " + std::to_string(entries) + " entries, digest " + last_hash + ", intact"))
      << verify.out;
  const ProcessRun check = run_month_whistle("check --db " + db_);
  EXPECT_EQ(check.exit_code, 0) << check.out;

  const ProcessRun csv = run_month_whistle("report --db " + db_ + " --month 2026-11 --format csv");
  ASSERT_EQ(csv.exit_code, 0) << csv.out;
  EXPECT_EQ(csv.out.rfind("\xEF\xBB\xBF", 0), 0u) << "a UTF-8 byte order mark first";
  int rank = 0;
  for (const auto& [points, name] : order) {
    ++rank;
    std::string person;
    for (const auto& [id, want] : expected)
      if (want.name == name) person = id;
    char hours[32];
    std::snprintf(hours, sizeof hours, "%.2f", static_cast<double>(expected[person].minutes) / 60.0);
    const std::string row =
        std::to_string(rank) + "," + name + ",generic:" + person + "," + std::to_string(points) + "," + hours;
    EXPECT_TRUE(contains(csv.out, "\r\n" + row)) << row << "\n" << csv.out;
  }

  // ---- a restart on 2 December publishes nothing again ----------------------------------------
  SimProcess again(db_);
  again.send(say("2026-12-02T09:00", "b3u2", "u-zhang", "张三", "积分"));
  again.send(clock("2026-12-02T12:00"));
  ASSERT_EQ(again.finish(), 0) << again.errors();
  ASSERT_FALSE(again.lines().empty()) << "积分 is answered";
  for (const json& line : again.lines())
    EXPECT_FALSE(is_publication_line(line)) << line.dump();
  {
    SQLite::Database db(db_, SQLite::OPEN_READONLY);
    EXPECT_EQ(db.execAndGet("SELECT COUNT(*) FROM publications").getInt(),
              static_cast<int>(bound_chats.size()));
  }
  EXPECT_EQ(run_month_whistle("verify-ledger --db " + db_).exit_code, 0);
  EXPECT_EQ(run_month_whistle("check --db " + db_).exit_code, 0);
}

}  // namespace
