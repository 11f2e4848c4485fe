#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "config/templates.hpp"
#include "handlers/context.hpp"
#include "handlers/dispatcher.hpp"
#include "handlers/language/command.hpp"
#include "handlers/message.hpp"
#include "store/attendance.hpp"
#include "store/database.hpp"
#include "store/jobs.hpp"
#include "store/ledger.hpp"
#include "store/org.hpp"
#include "store/people.hpp"
#include "store/publications.hpp"
#include "store/redemptions.hpp"
#include "store/responders.hpp"
#include "store/rewards.hpp"
#include "store/signups.hpp"
#include "store/tasks.hpp"
#include "store/tickets.hpp"

namespace whistle::handlers::testing {

/// Monday 2026-11-23 09:00 in Asia/Shanghai, the "now" of most tests.
inline constexpr std::int64_t kMonday0900 = 1795395600;
/// Saturday 2026-11-28 09:00 in Asia/Shanghai.
inline constexpr std::int64_t kSaturday0900 = 1795827600;
inline constexpr std::int64_t kHour = 3600;
/// Asia/Shanghai's offset from UTC in seconds.
inline constexpr int kShanghai = 8 * 3600;
/// The night and the morning after kMonday0900 (quiet hours run 22:00-07:00).
inline constexpr std::int64_t kMonday2300 = kMonday0900 + 14 * kHour;
inline constexpr std::int64_t kTuesday0700 = kMonday0900 + 22 * kHour;
inline constexpr std::int64_t kTuesday0900 = kMonday0900 + 24 * kHour;

/// The demo's people the tests act as (config/demo.toml).
inline const std::string kZhang = "generic:u-zhang";
inline const std::string kChen = "generic:u-chen";  // 陈单元长, 3号楼2单元
inline const std::string kLiu = "generic:u-liu";
inline const std::string kQian = "generic:u-qian";  // 钱楼栋长, 3号楼
inline const std::string kLi = "generic:u-li";      // 李网格长, 第一网格

/// Whether `text` contains `part`: tests assert facts in a reply, not its whole wording.
inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// "generic:<id>".
inline std::string qualified(const std::string& id) {
  return "generic:" + id;
}

/// A 吹哨 command as the parser would produce it.
Command whistle_command(const std::string& title, std::optional<int> places = std::nullopt,
                        std::optional<std::int64_t> start = std::nullopt,
                        std::optional<std::int64_t> end = std::nullopt,
                        std::optional<int> points = std::nullopt);

/// A command of `intent` with an optional task number.
Command task_command(Intent intent, std::optional<std::int64_t> task = std::nullopt);

/// A bare "1", "+1", "我来" or 接龙 line (`title` is the 接龙's added name).
Command implicit_report_in(const std::string& text, std::optional<std::string> title = std::nullopt);

/// A line the parser did not understand.
Command unknown_line(const std::string& text, bool addressed = false);

/// The demo community synced into a fresh :memory: database, with a dispatcher and the store's
/// repositories to look behind the replies.
class HandlerTest : public ::testing::Test {
 protected:
  HandlerTest();

  /// `sender` (unqualified, e.g. "u-zhang") says `command` in group `chat` ("b3u2"), inside a
  /// transaction as the real writer does.
  std::vector<Reply> say(const std::string& chat, const std::string& sender, const std::string& name,
                         const Command& command, std::int64_t at = kMonday0900, bool mentions_bot = false);

  /// `sender` says `command` to the bot in private.
  std::vector<Reply> say_privately(const std::string& sender, const std::string& name, const Command& command,
                                   std::int64_t at = kMonday0900);

  /// How the bot reads a chat line said at `at`: the real parser, with the demo's place names, so
  /// a test can be written the way people talk ("取消 1", "吹哨 打扫 0人 明天上午9点").
  Command read(const std::string& line, std::int64_t at = kMonday0900) const;

  /// A reply template filled in, to compare a reply with by template key and values rather than
  /// by its wording.
  std::string rendered(std::string_view key,
                       const std::vector<std::pair<std::string_view, std::string>>& values) const;

  /// Runs the jobs due at `now` in a transaction.
  std::vector<Reply> run_jobs(std::int64_t now);

  /// 陈单元长 (u-chen, leader of 3号楼2单元) whistles in b3u2; returns the task's number.
  std::int64_t whistle_in_b3u2(const std::string& title, std::optional<int> places = 5,
                               std::optional<std::int64_t> start = kSaturday0900);

  /// The task of the demo community with this number (fails the test if there is none).
  store::Task task(std::int64_t number);

  /// The ticket of the demo community with this number (fails the test if there is none).
  store::Ticket ticket(std::int64_t number);

  /// The state of a person's signup for a task number; empty if they never reported in.
  std::optional<store::SignupState> signup_state(std::int64_t number, const std::string& person);

  store::Database db_;
  config::Config config_;
  config::Templates templates_;
  Dispatcher dispatcher_;
  store::OrgRepository org_{db_};
  store::PeopleRepository people_{db_};
  store::TaskRepository tasks_{db_};
  store::SignupRepository signups_{db_};
  store::Jobs jobs_{db_};
  store::AttendanceRepository attendance_{db_};
  store::LedgerRepository ledger_{db_};
  store::RewardRepository rewards_{db_};
  store::RedemptionRepository redemptions_{db_};
  store::PublicationRepository publications_{db_};
  store::TicketRepository tickets_{db_};
  store::ResponderRepository responders_{db_};

  /// The services a handler sees, over this fixture's repositories.
  Services services() {
    return Services{org_,     people_,      tasks_,        signups_, jobs_,       attendance_, ledger_,
                    rewards_, redemptions_, publications_, tickets_, responders_, config_,     templates_};
  }
};

/// The replies' chats, in order.
std::vector<std::string> chats_of(const std::vector<Reply>& replies);

}  // namespace whistle::handlers::testing
