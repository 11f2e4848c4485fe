#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "config/config.hpp"

namespace whistle::bot {

/// An input line the simulator cannot use; the message says what is wrong with it.
class SimInputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The deterministic simulator behind `whistle sim`: the same writer path as the server
/// (EventProcessor: inbox → parse → handler → outbox → jobs, one transaction per event), driven by a
/// virtual clock that only moves when an input line says so. Jobs fire as the clock passes them,
/// and every message the bot sends — replies and outbox deliveries alike — comes out in order.
class Simulator {
 public:
  /// Opens (or continues) the database at `db_path` (":memory:" for a throwaway run).
  Simulator(const config::Config& config, const std::string& db_path);
  ~Simulator();

  /// Takes one input line (a message, or a bare `{"at": ...}` that moves the clock) and returns
  /// the messages the bot sent, as output objects. Throws SimInputError for a line it cannot use.
  std::vector<nlohmann::json> feed(std::string_view line);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace whistle::bot
