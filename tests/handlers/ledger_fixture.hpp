#pragma once

// What the confirmation, adjustment and points tests share: attendance written as the check-in
// work will write it, balances read back, and messages carrying the platform's mention ids.

#include <map>
#include <string>
#include <vector>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {

/// Saturday 2026-11-28 11:30 in Asia/Shanghai: after the demo task (09:00–11:00) has ended.
inline constexpr std::int64_t kSaturday1130 = kSaturday0900 + 2 * kHour + 30 * 60;

class LedgerTest : public HandlerTest {
 protected:
  void check_in(std::int64_t number, const std::string& person, std::int64_t at,
                std::optional<std::string> node = std::nullopt) {
    store::Transaction transaction(db_);
    attendance_.check_in(task(number).id, qualified(person), "c1", node, at, std::nullopt);
    transaction.commit();
  }

  void check_out(std::int64_t number, const std::string& person, std::int64_t at) {
    store::Transaction transaction(db_);
    attendance_.check_out(task(number).id, qualified(person), at, std::nullopt);
    transaction.commit();
  }

  void flag(std::int64_t number, const std::string& person, const std::string& why) {
    store::Transaction transaction(db_);
    attendance_.flag(task(number).id, qualified(person), why);
    transaction.commit();
  }

  std::int64_t balance(const std::string& person) { return ledger_.balance("c1", qualified(person)); }

  std::optional<store::AttendanceOutcome> outcome(std::int64_t number, const std::string& person) {
    const std::optional<store::Attendance> row = attendance_.find(task(number).id, qualified(person));
    return row ? row->outcome : std::nullopt;
  }

  /// `line` said in a group with the platform's ids of the people @-mentioned (unqualified).
  std::vector<Reply> say_mentioning(const std::string& chat, const std::string& sender,
                                    const std::string& name, const std::string& line,
                                    const std::vector<std::string>& mentioned, std::int64_t at = kMonday0900,
                                    const std::map<std::string, std::string>& mentioned_names = {}) {
    Message message;
    message.chat = qualified(chat);
    message.sender = qualified(sender);
    message.sender_name = name;
    message.text = line;
    message.at = at;
    for (const std::string& id : mentioned)
      message.mentions.push_back(qualified(id));
    for (const auto& [id, mentioned_name] : mentioned_names)
      message.mention_names[qualified(id)] = mentioned_name;
    store::Transaction transaction(db_);
    std::vector<Reply> replies = dispatcher_.handle(message, read(line, at), at);
    transaction.commit();
    return replies;
  }

  /// 陈单元长's task #1 in b3u2 (Saturday 09:00–11:00, 10 points), with these people reported in.
  std::int64_t task_with(const std::vector<std::pair<std::string, std::string>>& volunteers) {
    const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 5);
    for (const auto& [id, name] : volunteers)
      say("b3u2", id, name, read("报到 " + std::to_string(number)));
    return number;
  }
};

}  // namespace whistle::handlers::testing
