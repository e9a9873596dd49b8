// `dplan indicators import`: programme indicators and their readings from CSV
// (docs/indicators-csv.md). Every row is checked first and every problem reported with its line;
// nothing is written unless all rows are valid, and then all in one transaction.
#pragma once

#include <functional>
#include <string_view>

#include "domain/programme.hpp"

namespace dplan {

class Database;

inline constexpr std::string_view indicator_csv_header =
    "programme,indicator_code,kind,description,unit,target,actual,period_start,period_end";

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
IndicatorImportResult import_indicator_csv(Database& db, std::string_view csv, std::int64_t reported_by,
                                           const ProgrammeCheck& may_report, bool dry_run,
                                           const ImportProgress& progress = {});

}  // namespace dplan
