#include "store/empty_schema_copy.hpp"

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <cstring>
#include <new>
#include <stdexcept>
#include <string>

#include "store/migrations.hpp"

namespace whistle::store {

namespace {

// The bytes of the migrated empty database. Made once, under the thread-safe initialisation of
// a function's static, and never changed after: every caller only reads it.
const std::string& empty_schema_image() {
  static const std::string image = [] {
    SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA foreign_keys = ON");  // as Database's constructor migrates
    apply_migrations(db, all_migrations());
    sqlite3_int64 size = 0;
    unsigned char* bytes = sqlite3_serialize(db.getHandle(), "main", &size, 0);
    if (bytes == nullptr) throw std::runtime_error("cannot copy the migrated empty database");
    std::string copy(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size));
    sqlite3_free(bytes);
    return copy;
  }();
  return image;
}

}  // namespace

void copy_empty_schema_into(SQLite::Database& db) {
  const std::string& image = empty_schema_image();
  // SQLite takes the buffer over (FREEONCLOSE), so it must come from SQLite's allocator; it frees
  // it itself when the call fails. RESIZEABLE lets the database grow past the copy.
  auto* bytes = static_cast<unsigned char*>(sqlite3_malloc64(image.size()));
  if (bytes == nullptr) throw std::bad_alloc();
  std::memcpy(bytes, image.data(), image.size());
  const auto size = static_cast<sqlite3_int64>(image.size());
  const int rc = sqlite3_deserialize(db.getHandle(), "main", bytes, size, size,
                                     SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
  if (rc != SQLITE_OK) {
    throw std::runtime_error(std::string("cannot start the in-memory database from the empty schema: ") +
                             sqlite3_errstr(rc));
  }
}

}  // namespace whistle::store
