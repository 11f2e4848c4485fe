#include "store/statement_trace.hpp"

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include "store/database.hpp"

namespace whistle::store {

namespace {

int record(unsigned type, void* context, void* /*statement*/, void* sql) {
  const char* text = static_cast<const char*>(sql);
  // A trigger's body is reported as "-- <its SQL>": part of the statement that fired it.
  if (type == SQLITE_TRACE_STMT && text != nullptr && !(text[0] == '-' && text[1] == '-')) {
    static_cast<std::vector<std::string>*>(context)->emplace_back(text);
  }
  return 0;
}

}  // namespace

StatementTrace::StatementTrace(Database& db) : db_(db) {
  sqlite3_trace_v2(db_.raw().getHandle(), SQLITE_TRACE_STMT, record, &statements_);
}

StatementTrace::~StatementTrace() {
  sqlite3_trace_v2(db_.raw().getHandle(), 0, nullptr, nullptr);
}

}  // namespace whistle::store
