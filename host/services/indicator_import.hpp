// `dplan indicators import` / `export`: programme indicators and their readings as CSV
// (docs/indicators-csv.md). Every row is checked first and every problem reported with its line;
// nothing is written unless all rows are valid, and then all in one transaction, which also
// checks the periods against what is stored while holding the indicators' rows.
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>

#include "domain/programme.hpp"
#include "domain/user.hpp"

namespace dplan {

class Database;

// The columns every file has, in the order export writes them.
inline constexpr std::string_view indicator_csv_header =
    "programme,indicator_code,kind,description,unit,target,actual,period_start,period_end";
// A column a file may add: the English description. Without it, stored English descriptions are
// kept; with it, the column says what they are.
inline constexpr std::string_view indicator_csv_english_column = "description_en";

// Limits on what one import reads (docs/indicators-csv.md): a national year is about a million
// readings, 80 MB.
inline constexpr std::uintmax_t indicator_csv_largest_file = 512 * 1024 * 1024;
inline constexpr std::size_t indicator_csv_most_rows = 5'000'000;

struct IndicatorImportResult {
    std::size_t rows = 0;
    std::size_t readings = 0;  // rows with an actual value
};

// Called with (rows written, rows in all) while writing.
using ImportProgress = std::function<void(std::size_t, std::size_t)>;

// Called once for each programme the file names; throws (PermissionDenied) when the reporter may
// not report for it, which ends the import with nothing written.
using ProgrammeCheck = std::function<void(const Programme&)>;

// Throws InvalidInput listing every error ("line 4, target: expected a number, got 'abc'").
// The programme service calls this; front ends import through it.
IndicatorImportResult import_indicator_csv(Database& db, std::string_view csv, const User& reporter,
                                           const ProgrammeCheck& may_report, bool dry_run,
                                           const ImportProgress& progress = {});

// The same, streaming the file: only the current row and a small record per reading are held.
// InvalidInput for a file that cannot be opened or is larger than indicator_csv_largest_file.
IndicatorImportResult import_indicator_csv_file(Database& db, const std::filesystem::path& file, const User& reporter,
                                                const ProgrammeCheck& may_report, bool dry_run,
                                                const ImportProgress& progress = {});

}  // namespace dplan
