// A strict CSV reader (RFC 4180: commas, double-quoted fields, "" inside quotes, CRLF or LF),
// for files people export from spreadsheets. It refuses what it cannot read faithfully.
#pragma once

#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace dplan {

struct CsvRow {
    int line = 0;  // where the row starts in the file, 1-based
    std::vector<std::string> fields;
};

inline constexpr std::size_t csv_largest_field = 4096;
// A row with more fields than this is not a row of any file we read; refused before it grows.
inline constexpr std::size_t csv_most_fields = 64;

using CsvRowHandler = std::function<void(const CsvRow&)>;

// Throws InvalidInput naming the line for: binary data (NUL), text that is not UTF-8, a quote
// left open, a field longer than csv_largest_field bytes, a row of more than csv_most_fields
// fields. A leading UTF-8 BOM is skipped; blank lines are skipped.
std::vector<CsvRow> read_csv(std::string_view text);

// The same, one row at a time, so a file of a million rows is never held twice. The row passed
// to `on_row` is reused for the next one.
void for_each_csv_row(std::string_view text, const CsvRowHandler& on_row);

// The same, reading the stream in blocks of `block` bytes: only the current row is ever held.
// (Tests and the fuzzer pass small blocks to split quotes and line ends between blocks.)
void for_each_csv_row(std::istream& in, const CsvRowHandler& on_row, std::size_t block = 64 * 1024);

}  // namespace dplan
