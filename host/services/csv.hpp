// A strict CSV reader (RFC 4180: commas, double-quoted fields, "" inside quotes, CRLF or LF),
// for files people export from spreadsheets. It refuses what it cannot read faithfully.
#pragma once

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

}  // namespace dplan
