#pragma once

namespace whistle::bot {

/// Names the calling thread as `top -H`, `ps -L`, perf and /proc/<pid>/task/*/comm show it, so an
/// operator (and bench/run.py) can tell the writer from the network. Linux keeps 15 bytes of it.
/// The process's main thread keeps the process's name: `pgrep -x whistle` and friends read that.
void name_this_thread(const char* name);

}  // namespace whistle::bot
