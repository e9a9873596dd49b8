// The programmes service: programmes, their indicators and readings, CSV imports and exports,
// and the achievement summaries, each use case beginning with its permission check. Officers
// work on their district's programmes, NGO staff on their organisation's, committee members read
// their district's; lists and summaries are filtered in SQL to what the user may read.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "domain/achievement_summary.hpp"
#include "domain/filters.hpp"
#include "domain/programme.hpp"
#include "domain/user.hpp"
#include "services/indicator_import.hpp"
#include "services/report_import.hpp"

namespace dplan {

class Database;

class ProgrammeService {
  public:
    ProgrammeService(Database& db, User actor);

    std::vector<Programme> list();
    Programme get(std::int64_t programme_id);
    // Without a district or organisation it takes the user's own.
    std::int64_t create(Programme programme);
    // The programme serves a focus point of a plan its district is drafting (draft or returned).
    void link_focus_point(std::int64_t programme_id, std::int64_t focus_point_id);

    std::vector<Indicator> indicators(std::int64_t programme_id);
    // Adds the indicator to its programme, or redefines the one with its code; bumps the
    // programme's version. With `seen_version`, refused (Conflict) if the programme has changed.
    void put_indicator(const Indicator& indicator, std::optional<int> seen_version = std::nullopt);
    // One reading for a period, or a correction of the one for exactly that period. Returns the
    // indicator with its new achieved value.
    Indicator record_reading(std::int64_t programme_id, const std::string& code, double value,
                             const std::string& period_start, const std::string& period_end);
    // Every reading of the indicator, superseded ones too, oldest first.
    std::vector<Reading> history(std::int64_t programme_id, const std::string& code);

    // docs/indicators-csv.md; all or nothing, and only into programmes the user may report for.
    IndicatorImportResult import_csv(std::string_view csv, bool dry_run, const ImportProgress& progress = {});
    // The same, streaming a file (the command line's import): never held whole.
    IndicatorImportResult import_csv_file(const std::filesystem::path& file, bool dry_run,
                                          const ImportProgress& progress = {});
    // The columns the import reads, with the English description last, so an export imports back
    // unchanged: a row per current reading, and a row with an empty actual for an indicator nothing
    // has been reported for.
    std::string export_csv();

    // A programme report as NGOs write it (services/report_reading.hpp), its text or its file (PDF
    // or text): into the named programme, a new one, or the one the report's head names. Officers of
    // the programme's district, NGO staff of its organisation and admins; a new programme is in the
    // user's district and organisation.
    ReportImportResult import_report(std::string_view text, const ReportImportOptions& options);
    ReportImportResult import_report_file(const std::filesystem::path& file, const ReportImportOptions& options);

    std::vector<AchievementGroup> summary(AchievementGrouping grouping, AchievementFilter filter);
    std::vector<ShortfallRow> shortfalls(AchievementFilter filter, int limit);
    // Indicators of the readable programmes that serve the plan's focus points.
    std::vector<PlanIndicator> plan_indicators(std::int64_t plan_id);

  private:
    Indicator indicator(std::int64_t programme_id, const std::string& code);

    Database& db_;
    User actor_;
};

}  // namespace dplan
