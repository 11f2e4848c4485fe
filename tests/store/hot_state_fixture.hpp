#pragma once

// The hot-state tests' common ground: a small org, a person, and a two-place task in a database
// file of its own, with the repositories that keep the hot state over it.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>

#include "store/database.hpp"
#include "store/people.hpp"
#include "store/signups.hpp"
#include "store/tasks.hpp"
#include "store_test_support.hpp"

namespace whistle::store {

class HotStateTest : public ::testing::Test {
 protected:
  HotStateTest() : db_(DatabaseOptions{.path = file_.path()}) {
    Transaction transaction(db_);
    testing::add_small_org(db_);
    people_.touch("generic:a", "阿一", 1);
    Task task;
    task.community = "c1";
    task.node = "b3u2";
    task.chat = "generic:b3u2";
    task.creator = "generic:a";
    task.title = "打扫楼道";
    task.places = 2;
    task_ = tasks_.create(task).id;
    transaction.commit();
  }

  // A task of community c1 whistled by 阿一 in a node's own chat, not yet stored.
  static Task task_at(const std::string& node, const std::string& title) {
    Task task;
    task.community = "c1";
    task.node = node;
    task.chat = "generic:" + node;
    task.creator = "generic:a";
    task.title = title;
    return task;
  }

  // What SQLite holds of a signup, through a connection of its own (no hot state of ours).
  std::optional<std::string> state_on_disk(const std::string& person) {
    SQLite::Database other(file_.path());
    SQLite::Statement s(other, "SELECT state FROM signups WHERE task_id = ? AND person_id = ?");
    s.bind(1, static_cast<std::int64_t>(task_));
    s.bind(2, person);
    if (!s.executeStep()) return std::nullopt;
    return s.getColumn(0).getString();
  }

  testing::TempDatabaseFile file_{"hot-state"};
  Database db_;
  PeopleRepository people_{db_};
  TaskRepository tasks_{db_};
  SignupRepository signups_{db_};
  std::int64_t task_ = 0;
};

}  // namespace whistle::store
