// `dplan programme import-report`: a programme report's indicators (services/report_reading.hpp)
// written as indicators and one reading each for the report's period, all or nothing, in one
// transaction. A report imported again for the same period corrects its readings. Into an existing
// programme, indicators are matched by code; a stored description or target that differs from the
// report's is a warning and stays unless definitions are to be updated.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/programme.hpp"
#include "domain/user.hpp"
#include "services/report_reading.hpp"

namespace dplan {

class Database;

struct ReportImportOptions {
    std::optional<std::int64_t> programme_id;  // into this programme
    bool new_programme = false;                // create it from the report's head
    bool dry_run = false;                      // check and show, write nothing
    bool update_definitions = false;           // a stored description or target gives way to the report's
};

// What happens to each of the report's indicators.
enum class IndicatorOutcome {
    added,      // new to the programme
    unchanged,  // stored with the same definition
    kept,       // stored with a different description or target, left as it was (a warning says how)
    updated,    // stored differently, redefined as the report says (--update-definitions)
};

struct ImportedIndicator {
    ReportIndicator indicator;
    IndicatorOutcome outcome = IndicatorOutcome::added;
    bool correction = false;  // a reading for the report's period was already stored: this supersedes it
};

struct ReportImportResult {
    ProgrammeReportText report;
    std::int64_t programme_id = 0;  // 0 for a programme a dry run would create
    Bilingual programme_name;
    bool programme_created = false;  // or, on a dry run, would be
    std::vector<ImportedIndicator> indicators;
    std::vector<ReportNote> warnings;  // stored definitions that differ from the report's
    bool written = false;
};

// Who may do what, asked by the programme service: `may_create` for a new programme (given the
// programme it would create, with the actor's district and organisation), `may_report` for an
// existing one. Both throw PermissionDenied.
struct ReportImportChecks {
    std::function<void(Programme&)> may_create;
    std::function<void(const Programme&)> may_report;
};

// Throws InvalidInput listing every problem ("line 5: 6: unknown measure word ..."), with nothing
// written: the report's own errors, an unknown or already existing programme, a stored indicator
// of another kind or unit, a period that partly overlaps one already reported.
ReportImportResult import_programme_report(Database& db, const ProgrammeReportText& report,
                                           const ReportImportOptions& options, const User& reporter,
                                           const ReportImportChecks& checks);

// The report's text: a PDF (by its %PDF- signature) through poppler, anything else as UTF-8 text.
// InvalidInput for a file that cannot be read, a PDF without text (encrypted, damaged or scanned
// images), or more than report_largest_text.
std::string report_file_text(const std::filesystem::path& file);

}  // namespace dplan
