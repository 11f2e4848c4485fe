#include "config/csv.hpp"

#include <optional>

#include "config/config_error.hpp"

namespace whistle::config {

namespace {

// The line of the first byte that does not belong to well-formed UTF-8, if any.
std::optional<std::uint32_t> first_line_not_utf8(std::string_view text) {
  std::uint32_t line = 1;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') ++line;
    std::size_t length = 1;
    if (byte >= 0x80) {
      if (byte >= 0xC2 && byte <= 0xDF) {
        length = 2;
      } else if (byte >= 0xE0 && byte <= 0xEF) {
        length = 3;
      } else if (byte >= 0xF0 && byte <= 0xF4) {
        length = 4;
      } else {
        return line;
      }
      if (i + length > text.size()) return line;
      for (std::size_t k = 1; k < length; ++k) {
        if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return line;
      }
    }
    i += length;
  }
  return std::nullopt;
}

}  // namespace

void for_each_csv_row(std::string_view text, const std::string& file,
                      const std::function<void(CsvRow&)>& each) {
  // Excel saves "CSV UTF-8" with a byte order mark; it is not part of the first field.
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  // Chinese Excel's plain "CSV" is GBK: read as UTF-8 every name would be garbled everywhere.
  if (const std::optional<std::uint32_t> bad_line = first_line_not_utf8(text)) {
    fail(Where{file, "", *bad_line, 0},
         "is not UTF-8 text (Excel: save as \"CSV UTF-8 (逗号分隔)\", not the plain \"CSV\", which is GBK)");
  }

  CsvRow row{1, {}};
  std::string field;
  std::uint32_t line = 1;
  std::size_t i = 0;

  auto end_row = [&]() {
    row.fields.push_back(std::move(field));
    field.clear();
    const bool blank = row.fields.size() == 1 && row.fields[0].empty();
    if (!blank) each(row);
    // The fields' vector keeps its capacity for the next row.
    row.line = line;
    row.fields.clear();
  };

  while (i < text.size()) {
    const char c = text[i];
    if (c == '"' && field.empty()) {
      // A quoted field: runs to the next lone quote, across commas and line breaks.
      const std::uint32_t opened_on = line;
      ++i;
      while (true) {
        if (i >= text.size()) fail(Where{file, "", opened_on, 0}, "a quoted field is not closed");
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (text[i] == '\n') ++line;
        field += text[i++];
      }
      if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
        fail(Where{file, "", line, 0},
             "unexpected text after a closing quote (write \"\" for a quote inside a field)");
      }
      continue;
    }
    if (c == ',') {
      row.fields.push_back(std::move(field));
      field.clear();
      ++i;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      ++i;  // the '\n' ends the row
    } else if (c == '\n' || c == '\r') {
      // A lone CR ends a row too: Excel's "CSV (Macintosh)" writes it, and read as text it made
      // the whole file one header row, an empty org, and every bound chat unbound.
      ++line;
      end_row();
      ++i;
    } else {
      field += c;
      ++i;
    }
  }
  end_row();
}

std::vector<CsvRow> parse_csv(std::string_view text, const std::string& file) {
  std::vector<CsvRow> rows;
  for_each_csv_row(text, file, [&rows](CsvRow& row) { rows.push_back(row); });
  return rows;
}

}  // namespace whistle::config
