// The month, in time order (the sim's clock only moves forward). Hand count, for node c1:
//   ranking: 张三 10 (task #1, 2 h) + 5 (加分) = 15 points, 2.0 h; 刘阿姨 10 points, 2.0 h.
//   b3u2 ranks the same two (task #1 and the 加分 are at b3u2); g1's ranking is the same (b3u2 is
//   below it); b1 has nobody.
//   open tasks with places left: #2 (g1, 4 wanted, 1 signed, 3 left); #3 (b3u2) is full; #1 has a
//   place left but ended on 11-07 (still open: nobody closed it).
//   tickets received in November: 4 (T1 … T4); solved 2 (T1, T2), both rated 满意 and closed;
//   T3 accepted, then its solve deadline (11-15 12:00) passed and it climbed to 3号楼 to be
//   overseen, still with whoever took it: accepted; T4 assigned (waiting for its 接单).
//   回音壁: T2 (resolved 11-03) before T1 (resolved 11-02); T2 reported in private.
//   公示: 陈单元长 posted October's (empty, named) for 3号楼2单元 by hand on 11-25; no other
//   publication.
#include "tests/bot/board/board_month.hpp"

#include <stdexcept>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/cli/whistle_process.hpp"

namespace whistle::bot::board::testing {

namespace {

using nlohmann::json;

json say(const std::string& at, const std::string& chat, const std::string& from, const std::string& name,
         const std::string& text) {
  return json{{"at", at}, {"chat", chat}, {"from", from}, {"name", name}, {"text", text}};
}

json in_private(const std::string& at, const std::string& person, const std::string& name,
                const std::string& text) {
  return json{{"at", at}, {"chat", "@" + person}, {"from", person}, {"name", name}, {"text", text}};
}

json with_mention(json line, const std::string& person) {
  line["mentions"] = json::array({person});
  return line;
}

std::vector<json> script() {
  return {
      // Task #1 in the 3号楼2单元 group: two volunteers, both stay the whole two hours.
      say("2026-11-02T08:00", "b3u2", "u-chen", "陈单元长",
          "吹哨 清理楼道杂物 3人 11月7日上午9点 2小时 10分"),
      say("2026-11-02T08:05", "b3u2", "u-zhang", "张三", "报到 1"),
      say("2026-11-02T08:06", "b3u2", "u-liu", "刘阿姨", "报到 1"),
      // T1: a phone number in the text; accepted, resolved, rated 满意.
      say("2026-11-02T09:00", "b3u2", "u-zhang", "张三", std::string("报事 楼道灯坏了 电话") + kPhone),
      say("2026-11-02T09:30", "b3u2", "u-chen", "陈单元长", "接单 T1"),
      say("2026-11-02T11:00", "b3u2", "u-chen", "陈单元长", "办结 T1 已更换灯泡"),
      say("2026-11-02T12:00", "b3u2", "u-zhang", "张三", "评价 T1 满意"),
      // T2: reported in private; its reporter is never named on the board.
      in_private("2026-11-03T09:00", "u-mi", kPrivateReporter, "报事 3号楼2单元 水管漏水"),
      in_private("2026-11-03T10:00", "u-chen", "陈单元长", "接单 T2"),
      in_private("2026-11-03T15:00", "u-chen", "陈单元长", "办结 T2 已修好"),
      in_private("2026-11-03T16:00", "u-mi", kPrivateReporter, "评价 T2 满意"),
      // T3: a title with markup, accepted and still open.
      say("2026-11-04T09:00", "b3u2", "u-he", "何大爷", "报事 门禁<script>alert(1)</script>坏了"),
      say("2026-11-04T09:30", "b3u2", "u-chen", "陈单元长", "接单 T3"),
      // Task #1 happens.
      say("2026-11-07T08:55", "b3u2", "u-zhang", "张三", "签到 1"),
      say("2026-11-07T08:58", "b3u2", "u-liu", "刘阿姨", "签到 1"),
      say("2026-11-07T11:00", "b3u2", "u-zhang", "张三", "签退 1"),
      say("2026-11-07T11:01", "b3u2", "u-liu", "刘阿姨", "签退 1"),
      say("2026-11-07T11:10", "b3u2", "u-chen", "陈单元长", "验收 1"),
      with_mention(say("2026-11-10T09:00", "b3u2", "u-chen", "陈单元长", "加分 @张三 5 帮助孤寡老人"),
                   "u-zhang"),
      // T4: received, waiting for its 接单.
      say("2026-11-12T09:00", "b3u2", "u-he", "何大爷", "报事 水管漏水"),
      // Task #2 (a grid group, places left) and task #3 (full).
      say("2026-11-20T09:00", "g1", "u-li", "李网格长", "吹哨 垃圾分类宣传 4人 11月28日上午9点 2小时 5分"),
      say("2026-11-20T09:05", "g1", "u-tian", "田七", "报到 2"),
      say("2026-11-20T10:00", "b3u2", "u-chen", "陈单元长", "吹哨 搬运物资 1人 11月29日上午9点 1小时 3分"),
      say("2026-11-20T10:05", "b3u2", "u-ma", "马六", "报到 3"),
      say("2026-11-25T10:00", "b3u2", "u-chen", "陈单元长", "公示 10月"),
      json{{"at", "2026-11-25T11:00"}},
  };
}

}  // namespace

std::string make_month(const std::string& db) {
  std::string input;
  for (const json& line : script())
    input += line.dump() + "\n";
  const cli_testing::ProcessRun run =
      cli_testing::run_whistle("sim --db " + db, cli_testing::Stderr::merged, input);
  if (run.exit_code != 0) throw std::runtime_error("whistle sim failed:\n" + run.out);
  return run.out;
}

}  // namespace whistle::bot::board::testing
