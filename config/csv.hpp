#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace whistle::config {

/// One record of a CSV file and the line it starts on (1-based).
struct CsvRow {
  std::uint32_t line = 0;
  std::vector<std::string> fields;
};

/// Splits CSV text as spreadsheets write it (RFC 4180: commas, "quoted" fields with "" for a quote
/// and line breaks inside, LF or CRLF, a UTF-8 byte order mark) and drops blank lines; throws Error
/// naming `file` and the line of an unterminated quote or of text after a closing quote.
std::vector<CsvRow> parse_csv(std::string_view text, const std::string& file);

/// The same rows, handed to `each` one at a time (the row is reused after it returns): an org CSV
/// of 100k nodes would otherwise be held twice, as rows and as the nodes made from them.
void for_each_csv_row(std::string_view text, const std::string& file,
                      const std::function<void(CsvRow&)>& each);

}  // namespace whistle::config
