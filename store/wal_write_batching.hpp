#pragma once

namespace whistle::store {

/// The name of a SQLite VFS, registered on first call (thread-safe), that is the platform's own
/// VFS except that it hands each commit's WAL frames to the kernel in one write.
///
/// SQLite writes a WAL frame as two writes, its 24-byte header and its page; a commit of 23 pages
/// took 46 pwrite calls, and pwrite was ~22% of the writer's time at half load (bench/README.md).
/// This VFS keeps a WAL file's writes while they follow each other, and writes them at once:
/// - after the page of a commit frame (a frame header whose "database size after commit" field
///   is set): SQLite publishes the commit to other connections only after that, so they never
///   see a frame that is not in the file;
/// - before anything that reads or syncs the file or asks its size, and on close;
/// - before a write that does not follow the kept ones, and when 4 MiB are kept (a transaction
///   that spills its cache);
/// - after a commit frame header written where the last read began: SQLite rewrites the headers
///   of a spilled transaction's frames that way (read the frame, write its header; the commit
///   frame's comes last, no page after), and after recovery the next commit goes there too;
/// - when the connection releases SQLite's WAL write lock (its database file's shared-memory lock
///   0), whatever is still kept: a rolled-back spill's frames, which must not land later over
///   another connection's commit.
/// A WAL whose database lacks powersafe overwrite (`psow=0`) is not kept at all: SQLite pads its
/// synchronous commits and splits the last frame around a sync. The kept bytes go out in pieces
/// of 124 KiB, as the unix VFS writes under 128 KiB a call.
/// A failed write is the failure of the write call that caused it, as SQLite expects; what was
/// kept is then dropped, as the rollback that follows discards those frames anyway.
const char* wal_write_batching_vfs();

}  // namespace whistle::store
