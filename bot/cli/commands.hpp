#pragma once

namespace whistle::bot {

/// `whistle serve [--config FILE]`: the webhook server, until SIGTERM/SIGINT. Returns the exit code.
int run_serve_command(int argc, char** argv);

/// `whistle sim [--config FILE] [--db FILE]`: JSON lines in, the bot's messages as JSON lines out.
int run_sim_command(int argc, char** argv);

/// `whistle chat [--config FILE] [--db FILE] --chat ID --as USER`: type as a person in a group.
int run_chat_command(int argc, char** argv);

/// `whistle parse [--config FILE] [--at 2026-11-23T09:00] TEXT`: how the bot reads one line.
int run_parse_command(int argc, char** argv);

/// `whistle check [--config FILE] --db FILE`: the rules that must always hold, as JSON; exit 1 if one is
/// broken.
int run_check_command(int argc, char** argv);

/// `whistle verify-ledger [--config FILE] [--db FILE]`: recomputes the ledger's hash chains and
/// names the first broken entry; exit 1 then.
int run_verify_ledger_command(int argc, char** argv);

/// `whistle report [--config FILE] [--db FILE] [--month YYYY-MM] [--node ID] [--format md|csv|json]`:
/// the month's ledger, ranking and figures for officials.
int run_report_command(int argc, char** argv);

}  // namespace whistle::bot
