// A strict CSV reader (RFC 4180: commas, double-quoted fields, "" inside quotes, CRLF or LF),
// for files people export from spreadsheets. It refuses what it cannot read faithfully.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace dplan {

struct CsvRow {
    int line = 0;  // where the row starts in the file, 1-based
    std::vector<std::string> fields;
};

inline constexpr std::size_t csv_largest_field = 4096;

// Throws InvalidInput naming the line for: binary data (NUL), text that is not UTF-8, a quote
// left open, a field longer than csv_largest_field bytes. A leading UTF-8 BOM is skipped;
// blank lines are skipped.
std::vector<CsvRow> read_csv(std::string_view text);

// The same, one row at a time, so a file of a million rows is never held twice. The row passed
// to `on_row` is reused for the next one.
void for_each_csv_row(std::string_view text, const std::function<void(const CsvRow&)>& on_row);

}  // namespace dplan
