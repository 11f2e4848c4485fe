#include "store/wal_write_batching.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

namespace whistle::store {

namespace {

constexpr const char* kVfsName = "whistle-wal-batching";
constexpr sqlite3_int64 kNoOffset = -1;
// A commit that spills past this is written in pieces; the storm's commits are ~100 KiB.
constexpr int kMaxKept = 4 << 20;
// The buffer's size that stays allocated between commits.
constexpr int kKeptCapacityKept = 1 << 20;
// The unix VFS writes at most 128 KiB - 1 bytes a call (it masks the size with 0x1ffff).
constexpr int kMaxWrite = 124 << 10;
// A WAL frame header: page number, then the database size after a commit (0: not a commit frame).
constexpr int kFrameHeaderSize = 24;

/// One open file. SQLite allocates `szOsFile` bytes for it; the platform VFS's own file follows.
struct File {
  sqlite3_file base;   ///< must come first: SQLite reads the methods from it
  sqlite3_file* real;  ///< the platform VFS's file, right after this struct
  // Kept writes of a WAL file: `kept_size` bytes that belong at `kept_offset`.
  unsigned char* kept;
  int kept_size;
  int kept_capacity;
  sqlite3_int64 kept_offset;
  /// Where the page of the last commit frame header goes: once written, the commit is whole.
  sqlite3_int64 commit_page_offset;
  /// Where the last read began, until the next write.
  sqlite3_int64 last_read_offset;
  /// A connection's database file and its WAL file, each the other's (null until both are open).
  File* partner;
  /// A database file's key in open_databases() (null for any other file).
  const char* registered_name;
};

// The open database files by the name SQLite opened them with: a WAL file finds its connection's
// database file by that pointer (sqlite3_filename_database), unique to the connection.
std::mutex databases_mutex;
std::unordered_map<const char*, File*>& open_databases() {
  static std::unordered_map<const char*, File*> files;
  return files;
}

using Methods = sqlite3_io_methods;

sqlite3_vfs* platform_vfs(sqlite3_vfs* vfs) {
  return static_cast<sqlite3_vfs*>(vfs->pAppData);
}

File* as_file(sqlite3_file* file) {
  return reinterpret_cast<File*>(file);
}

const sqlite3_io_methods& real_methods(File* file) {
  return *file->real->pMethods;
}

int write_kept(File* file) {
  const int size = file->kept_size;
  file->kept_size = 0;
  int rc = SQLITE_OK;
  for (int done = 0; done < size && rc == SQLITE_OK; done += kMaxWrite) {
    rc = real_methods(file).xWrite(file->real, file->kept + done, std::min(size - done, kMaxWrite),
                                   file->kept_offset + done);
  }
  if (file->kept_capacity > kKeptCapacityKept) {
    // A large transaction (a migration, an import) grew it: the storm's commits need ~100 KiB.
    std::free(file->kept);
    file->kept = nullptr;
    file->kept_capacity = 0;
  }
  return rc;
}

bool is_commit_frame_header(const void* data, int size) {
  if (size != kFrameHeaderSize) return false;
  const auto* bytes = static_cast<const unsigned char*>(data);
  return (bytes[4] | bytes[5] | bytes[6] | bytes[7]) != 0;
}

int keep(File* file, const void* data, int size, sqlite3_int64 offset) {
  if (file->kept_capacity < file->kept_size + size) {
    const int capacity = std::max(file->kept_capacity * 2, file->kept_size + size);
    auto* grown = static_cast<unsigned char*>(std::realloc(file->kept, static_cast<std::size_t>(capacity)));
    if (grown == nullptr) {
      // The transaction fails and rolls back: what it kept must never reach the file later.
      file->kept_size = 0;
      return SQLITE_NOMEM;
    }
    file->kept = grown;
    file->kept_capacity = capacity;
  }
  if (file->kept_size == 0) file->kept_offset = offset;
  std::memcpy(file->kept + file->kept_size, data, static_cast<std::size_t>(size));
  file->kept_size += size;
  return SQLITE_OK;
}

// --- a WAL file's methods: writes kept, everything else after writing them -------------------

void unlink_partner(File* file) {
  if (file->partner != nullptr) file->partner->partner = nullptr;
  file->partner = nullptr;
}

int wal_close(sqlite3_file* handle) {
  File* file = as_file(handle);
  unlink_partner(file);
  const int written = write_kept(file);
  std::free(file->kept);
  file->kept = nullptr;
  const int closed = real_methods(file).xClose(file->real);
  return written != SQLITE_OK ? written : closed;
}

int wal_read(sqlite3_file* handle, void* data, int size, sqlite3_int64 offset) {
  File* file = as_file(handle);
  if (const int rc = write_kept(file); rc != SQLITE_OK) return rc;
  file->last_read_offset = offset;
  return real_methods(file).xRead(file->real, data, size, offset);
}

int wal_write(sqlite3_file* handle, const void* data, int size, sqlite3_int64 offset) {
  File* file = as_file(handle);
  // SQLite rewrites the headers of frames it wrote earlier in the transaction (when it changed
  // one of their pages again) frame by frame: it reads the frame, then writes its header. The
  // last of them is the commit frame's, and no page follows it.
  const bool rewrites_header = offset == file->last_read_offset;
  file->last_read_offset = kNoOffset;
  const bool follows = file->kept_size == 0 || offset == file->kept_offset + file->kept_size;
  if (!follows || file->kept_size + size > kMaxKept) {
    if (const int rc = write_kept(file); rc != SQLITE_OK) return rc;
  }
  if (const int rc = keep(file, data, size, offset); rc != SQLITE_OK) return rc;
  if (is_commit_frame_header(data, size)) {
    // A header written where the last read began may also be a new commit's, its page to come
    // (after recovery, which reads up to the first frame that is not valid, the next commit
    // goes exactly there): write now, and again after that page if it comes.
    file->commit_page_offset = offset + size;
    if (rewrites_header) return write_kept(file);
  } else if (offset == file->commit_page_offset) {
    file->commit_page_offset = kNoOffset;
    return write_kept(file);
  }
  return SQLITE_OK;
}

/// Any other method of a WAL file: what is kept is written first (a read, sync, size or truncate
/// must see it), then the platform's method runs.
template <auto method, typename... Args>
int after_writing_kept(sqlite3_file* handle, Args... args) {
  File* file = as_file(handle);
  if (const int rc = write_kept(file); rc != SQLITE_OK) return rc;
  return (real_methods(file).*method)(file->real, args...);
}

// --- pass-through, for every other file and for what a WAL file does not keep -----------------

template <auto method, typename... Args>
auto passed_on(sqlite3_file* handle, Args... args) {
  return (real_methods(as_file(handle)).*method)(as_file(handle)->real, args...);
}

// --- a connection's database file: pass-through, but the end of a write transaction writes
// whatever its WAL file still keeps ---------------------------------------------------------------

// SQLite's WAL write lock is the first of the shared-memory locks (WAL_WRITE_LOCK in wal.c).
constexpr int kWalWriteLock = 0;

int database_close(sqlite3_file* handle) {
  File* file = as_file(handle);
  {
    const std::lock_guard lock(databases_mutex);
    open_databases().erase(file->registered_name);
  }
  unlink_partner(file);
  return passed_on<&Methods::xClose>(handle);
}

int database_shm_lock(sqlite3_file* handle, int offset, int count, int flags) {
  File* file = as_file(handle);
  // A transaction that spilled frames and then rolled back leaves them kept, no commit to write
  // them. Once the write lock is released another connection may commit frames at those offsets,
  // and the kept bytes, written later, would overwrite them: so they go out while the lock is held
  // (beyond the last commit, where SQLite never reads them; so a failure to write them loses
  // nothing, and is not reported).
  if (offset == kWalWriteLock && flags == (SQLITE_SHM_UNLOCK | SQLITE_SHM_EXCLUSIVE) &&
      file->partner != nullptr)
    write_kept(file->partner);
  return passed_on<&Methods::xShmLock, int, int, int>(handle, offset, count, flags);
}

constexpr sqlite3_io_methods kPassThrough = {3,
                                             passed_on<&Methods::xClose>,
                                             passed_on<&Methods::xRead, void*, int, sqlite3_int64>,
                                             passed_on<&Methods::xWrite, const void*, int, sqlite3_int64>,
                                             passed_on<&Methods::xTruncate, sqlite3_int64>,
                                             passed_on<&Methods::xSync, int>,
                                             passed_on<&Methods::xFileSize, sqlite3_int64*>,
                                             passed_on<&Methods::xLock, int>,
                                             passed_on<&Methods::xUnlock, int>,
                                             passed_on<&Methods::xCheckReservedLock, int*>,
                                             passed_on<&Methods::xFileControl, int, void*>,
                                             passed_on<&Methods::xSectorSize>,
                                             passed_on<&Methods::xDeviceCharacteristics>,
                                             passed_on<&Methods::xShmMap, int, int, int, void volatile**>,
                                             passed_on<&Methods::xShmLock, int, int, int>,
                                             passed_on<&Methods::xShmBarrier>,
                                             passed_on<&Methods::xShmUnmap, int>,
                                             passed_on<&Methods::xFetch, sqlite3_int64, int, void**>,
                                             passed_on<&Methods::xUnfetch, sqlite3_int64, void*>};

// A WAL file: what it keeps is written before anything that reads, syncs or measures the file.
constexpr sqlite3_io_methods wal_methods() {
  sqlite3_io_methods methods = kPassThrough;
  methods.xClose = wal_close;
  methods.xRead = wal_read;
  methods.xWrite = wal_write;
  methods.xTruncate = after_writing_kept<&Methods::xTruncate, sqlite3_int64>;
  methods.xSync = after_writing_kept<&Methods::xSync, int>;
  methods.xFileSize = after_writing_kept<&Methods::xFileSize, sqlite3_int64*>;
  methods.xFileControl = after_writing_kept<&Methods::xFileControl, int, void*>;
  methods.xFetch = after_writing_kept<&Methods::xFetch, sqlite3_int64, int, void**>;
  return methods;
}
constexpr sqlite3_io_methods kWal = wal_methods();

// A connection's database file: its write lock's release writes what its WAL file still keeps.
constexpr sqlite3_io_methods database_methods() {
  sqlite3_io_methods methods = kPassThrough;
  methods.xClose = database_close;
  methods.xShmLock = database_shm_lock;
  return methods;
}
constexpr sqlite3_io_methods kDatabase = database_methods();

// --- the VFS ---------------------------------------------------------------------------------

int open_file(sqlite3_vfs* vfs, const char* name, sqlite3_file* handle, int flags, int* out_flags) {
  File* file = as_file(handle);
  file->base.pMethods = nullptr;
  file->real = reinterpret_cast<sqlite3_file*>(file + 1);
  file->kept = nullptr;
  file->kept_size = 0;
  file->kept_capacity = 0;
  file->kept_offset = 0;
  file->commit_page_offset = kNoOffset;
  file->last_read_offset = kNoOffset;
  file->partner = nullptr;
  file->registered_name = nullptr;
  const int rc = platform_vfs(vfs)->xOpen(platform_vfs(vfs), name, file->real, flags, out_flags);
  // SQLite closes a file whose methods are set even when the open failed.
  if (file->real->pMethods == nullptr) return rc;
  if (file->real->pMethods->iVersion < 3) {
    // Every method here passes on to a version 3 file (the unix VFS's); anything older is refused.
    file->real->pMethods->xClose(file->real);
    return SQLITE_CANTOPEN;
  }
  file->base.pMethods = &kPassThrough;
  if (rc != SQLITE_OK) return rc;
  if ((flags & SQLITE_OPEN_MAIN_DB) != 0 && name != nullptr) {
    file->base.pMethods = &kDatabase;
    const std::lock_guard lock(databases_mutex);
    open_databases()[name] = file;
    file->registered_name = name;
  } else if ((flags & SQLITE_OPEN_WAL) != 0 && name != nullptr) {
    const std::lock_guard lock(databases_mutex);
    const auto found = open_databases().find(sqlite3_filename_database(name));
    // Kept writes need the database file's write lock to tell when a transaction ends.
    if (found == open_databases().end() || found->second->partner != nullptr) return rc;
    File* database = found->second;
    // Without powersafe overwrite (the database's `psow=0`) SQLite pads a synchronous commit to a
    // sector and splits its last frame around a sync: such a WAL is written as SQLite writes it.
    const int device = database->real->pMethods->xDeviceCharacteristics(database->real);
    if ((device & SQLITE_IOCAP_POWERSAFE_OVERWRITE) == 0) return rc;
    file->partner = database;
    database->partner = file;
    file->base.pMethods = &kWal;
  }
  return rc;
}

int delete_file(sqlite3_vfs* vfs, const char* name, int sync_dir) {
  return platform_vfs(vfs)->xDelete(platform_vfs(vfs), name, sync_dir);
}
int access(sqlite3_vfs* vfs, const char* name, int flags, int* out) {
  return platform_vfs(vfs)->xAccess(platform_vfs(vfs), name, flags, out);
}
int full_pathname(sqlite3_vfs* vfs, const char* name, int size, char* out) {
  return platform_vfs(vfs)->xFullPathname(platform_vfs(vfs), name, size, out);
}
void* dl_open(sqlite3_vfs* vfs, const char* name) {
  return platform_vfs(vfs)->xDlOpen(platform_vfs(vfs), name);
}
void dl_error(sqlite3_vfs* vfs, int size, char* out) {
  platform_vfs(vfs)->xDlError(platform_vfs(vfs), size, out);
}
void (*dl_sym(sqlite3_vfs* vfs, void* library, const char* symbol))(void) {
  return platform_vfs(vfs)->xDlSym(platform_vfs(vfs), library, symbol);
}
void dl_close(sqlite3_vfs* vfs, void* library) {
  platform_vfs(vfs)->xDlClose(platform_vfs(vfs), library);
}
int randomness(sqlite3_vfs* vfs, int size, char* out) {
  return platform_vfs(vfs)->xRandomness(platform_vfs(vfs), size, out);
}
int sleep_for(sqlite3_vfs* vfs, int microseconds) {
  return platform_vfs(vfs)->xSleep(platform_vfs(vfs), microseconds);
}
int current_time(sqlite3_vfs* vfs, double* out) {
  return platform_vfs(vfs)->xCurrentTime(platform_vfs(vfs), out);
}
int last_error(sqlite3_vfs* vfs, int size, char* out) {
  return platform_vfs(vfs)->xGetLastError(platform_vfs(vfs), size, out);
}
int current_time_int64(sqlite3_vfs* vfs, sqlite3_int64* out) {
  return platform_vfs(vfs)->xCurrentTimeInt64(platform_vfs(vfs), out);
}

}  // namespace

const char* wal_write_batching_vfs() {
  static std::once_flag registered;
  static sqlite3_vfs vfs{};
  std::call_once(registered, [] {
    sqlite3_vfs* platform = sqlite3_vfs_find(nullptr);
    if (platform == nullptr || platform->iVersion < 2)
      throw std::runtime_error("SQLite has no usable default VFS");
    vfs.iVersion = 2;
    vfs.szOsFile = static_cast<int>(sizeof(File)) + platform->szOsFile;
    vfs.mxPathname = platform->mxPathname;
    vfs.zName = kVfsName;
    vfs.pAppData = platform;
    vfs.xOpen = open_file;
    vfs.xDelete = delete_file;
    vfs.xAccess = access;
    vfs.xFullPathname = full_pathname;
    vfs.xDlOpen = dl_open;
    vfs.xDlError = dl_error;
    vfs.xDlSym = dl_sym;
    vfs.xDlClose = dl_close;
    vfs.xRandomness = randomness;
    vfs.xSleep = sleep_for;
    vfs.xCurrentTime = current_time;
    vfs.xGetLastError = last_error;
    vfs.xCurrentTimeInt64 = current_time_int64;
    if (sqlite3_vfs_register(&vfs, 0) != SQLITE_OK)
      throw std::runtime_error("cannot register the WAL batching VFS");
  });
  return kVfsName;
}

}  // namespace whistle::store
