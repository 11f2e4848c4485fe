#pragma once

#include <string_view>

namespace whistle::bot {

/// Which malloc serves this process: "mimalloc" when the binary was linked with it (CMake option
/// WHISTLE_MIMALLOC, on for `whistle` outside sanitized builds), "system" otherwise (glibc's, or a
/// sanitizer's). Checked on a real allocation, not assumed from the build: a link that silently
/// stopped replacing malloc shows here and in the server's start-up line.
std::string_view allocator_name();

/// Settings for a long-running server, made before any thread starts. Under glibc's malloc: fixed
/// mmap and trim thresholds and two arenas (see allocator.cpp for why). Nothing under mimalloc,
/// whose defaults already give memory back without a trim per batch.
void tune_allocator_for_serving();

/// Hands freed memory back to the system, after start-up's peak (config loading and the org sync).
void release_free_memory();

}  // namespace whistle::bot
