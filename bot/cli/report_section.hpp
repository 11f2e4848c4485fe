#pragma once

#include "bot/cli/report_writer.hpp"
#include "handlers/ranking_month.hpp"

namespace whistle::store {
class Database;
}

namespace whistle::bot {

/// Reads one node's month as `whistle report` shows it (and the board's report export serves it).
ReportSection report_section(store::Database& db, const store::OrgNode& node,
                             const handlers::RankingMonth& month);

}  // namespace whistle::bot
