#pragma once

// A scripted conversation in the demo org and a writer whose every row can be listed: what the
// hot state's differential tests and the event path's tests run and compare.

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "bot/event_digest.hpp"
#include "bot/event_processor.hpp"
#include "bot/inbound_event.hpp"
#include "tests/bot/event_fixture.hpp"

namespace whistle::bot::test_events {

// One side of a differential run: the writer over the demo org, as the server runs it (batches, the
// hot state kept) or with the hot state dropped before every event (every read from SQLite), whose
// rows the other side's must equal.
struct DifferentialRun : test_events::DemoWriter {
  using DemoWriter::DemoWriter;
  // Every row of every table, sorted, as text.
  std::vector<std::string> rows() {
    std::vector<std::string> all;
    SQLite::Statement tables(db.raw(), "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    while (tables.executeStep()) {
      const std::string table = tables.getColumn(0).getString();
      SQLite::Statement rows(db.raw(), "SELECT * FROM \"" + table + "\"");
      while (rows.executeStep()) {
        std::string row = table;
        for (int i = 0; i < rows.getColumnCount(); ++i) {
          const SQLite::Column column = rows.getColumn(i);
          row += column.isNull() ? "|NULL"
                                 : "|" + std::string(static_cast<const char*>(column.getBlob()),
                                                     static_cast<std::size_t>(column.getBytes()));
        }
        all.push_back(std::move(row));
      }
    }
    std::sort(all.begin(), all.end());
    return all;
  }
};

// One line of a scripted conversation: where, who (id and display name), what.
struct ScriptLine {
  const char* chat;
  const char* from;
  const char* name;
  const char* text;
};

// The script's lines as webhook events a minute apart, with ids `prefix`0, `prefix`1…
inline std::vector<InboundEvent> script_events(const std::vector<ScriptLine>& script,
                                               const std::string& prefix, std::int64_t first_at) {
  std::vector<InboundEvent> events;
  for (std::size_t i = 0; i < script.size(); ++i) {
    const ScriptLine& line = script[i];
    events.push_back(webhook_event(prefix + std::to_string(i), line.chat, line.from, line.name, line.text,
                                   first_at + static_cast<std::int64_t>(i) * 60));
  }
  return events;
}

// Whistles, report-ins to the waitlist, renames, withdrawals that move people up, fewer places,
// a private report-in, a check-in, a ticket, a redemption, a redelivery and a reused id, a
// cancelled task, lists.
inline std::vector<InboundEvent> conversation() {
  const std::vector<ScriptLine> script{
      {"b3u2", "u-chen", "陈单元长", "吹哨 打扫楼道 2人 周六上午9点 2小时"},
      {"b3u2", "u-a", "阿甲", "报到"},
      {"b3u2", "u-b", "", "1"},
      {"b3u2", "u-c", "阿丙", "报到 1"},
      {"b3u2", "u-d", "阿丁", "+1"},
      {"b3u2", "u-a", "阿甲", "报到 1"},
      {"b3u2", "u-b", "阿乙", "任务"},
      {"b3u2", "u-a", "阿甲改", "取消 1"},
      {"b3u2", "u-c", "阿丙", "报到 1"},
      {"b3u1", "u-feng", "冯单元长", "吹哨 清理车棚 3人 周六下午2点 2小时"},
      {"b3u1", "u-e", "阿戊", "报到"},
      {"@u-f", "u-f", "阿己", "报到 2"},
      {"b3u2", "u-a", "阿甲", "报到 1"},
      {"b3u2", "u-chen", "陈单元长", "修改 1 人数 1"},
      {"b3u2", "u-d", "阿丁", "我不去了"},
      {"b3u2", "u-b", "阿乙", "积分"},
      {"b3u2", "u-chen", "陈单元长", "吹哨 搬桌子 10人 明天上午10点 1小时"},
      {"b3u2", "u-g", "阿庚", "报到 3"},
      {"b3u2", "u-g", "阿庚", "报到"},
      {"b3u2", "u-chen", "陈单元长", "撤销 3"},
      {"b3u2", "u-g", "阿庚", "报到 3"},
      {"b3u2", "u-j", "阿壬", "报到"},
      {"b3u2", "u-j", "阿壬", "任务"},
      {"b3u2", "u-h", "阿辛", "签到 1"},
      {"b3u2", "u-b", "阿乙", "签到 1"},
      {"b3u1", "u-e", "阿戊", "我不去了"},
      {"b3u1", "u-i", "", "报到 2"},
      {"b3u2", "u-x", "生人", "你好"},
      {"g9", "u-y", "外人", "报到 1"},
      {"b3u2", "u-zhang", "张三", "报事 3号楼2单元楼道灯坏了"},
      {"@u-b", "u-b", "阿乙", "兑换 大米5斤"},
      {"@u-b", "u-b", "阿乙", "核销 123456"},
      {"b3u2", "u-a", "阿甲", "排行"},
      // The bot's questions, kept and answered: an offer taken in private, an ask answered, an
      // offer in a group declined, and chatter beside them.
      {"@u-zhang", "u-zhang", "张三", "马桶堵了"},
      {"b3u2", "u-x", "生人", "吹哨助手 楼道里有人给电动车充电"},
      {"@u-zhang", "u-zhang", "张三", "是的"},
      {"b3u2", "u-a", "阿甲", "收到"},
      {"@u-zhang", "u-zhang", "张三", "报修"},
      {"@u-zhang", "u-zhang", "张三", "厨房水龙头一直漏水"},
      {"b3u2", "u-x", "生人", "吹哨助手 不用了"},
  };
  std::vector<InboundEvent> events = script_events(script, "d-", kMonday0900);
  events.push_back(events[3]);  // a redelivery
  InboundEvent reused = events[4];
  reused.message.text = "我不去了";
  reused.digest = event_digest(reused.message);
  events.push_back(reused);  // an id used again for another message
  return events;
}

// Applies `events` in batches of three, as a writer under load takes them; one outcome per event.
inline std::vector<EventOutcome> apply_in_threes(const std::vector<InboundEvent>& events,
                                                 DifferentialRun& run) {
  std::vector<EventOutcome> outcomes;
  for (std::size_t start = 0; start < events.size(); start += 3) {
    const std::size_t end = std::min(events.size(), start + 3);
    const std::vector<InboundEvent> batch(events.begin() + static_cast<std::ptrdiff_t>(start),
                                          events.begin() + static_cast<std::ptrdiff_t>(end));
    for (EventOutcome& outcome : run.processor.apply(batch))
      outcomes.push_back(std::move(outcome));
  }
  return outcomes;
}

}  // namespace whistle::bot::test_events
