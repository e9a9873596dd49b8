// Programmes, their indicators and readings. A reading is never changed: a correction is a newer
// reading for the same period, which supersedes the old one. Each indicator's achieved value is
// kept up to date in the same transaction as the readings that change it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/achievement_summary.hpp"
#include "domain/programme.hpp"
#include "domain/read_scope.hpp"
#include "domain/sector.hpp"
#include "storage/database.hpp"

namespace dplan {

// Recomputes indicators.actual from the current readings; append a WHERE clause.
inline constexpr const char* refresh_actual_sql =
    "UPDATE indicators SET actual = CASE WHEN kind = 'output' "
    "THEN (SELECT SUM(r.value) FROM readings r WHERE r.indicator_id = indicators.id AND r.is_current = 1) "
    "ELSE (SELECT r.value FROM readings r WHERE r.indicator_id = indicators.id AND r.is_current = 1 "
    "ORDER BY r.period_end DESC, r.id DESC LIMIT 1) END";

class ProgrammeRepository {
  public:
    explicit ProgrammeRepository(Database& db) : db_(db) {}

    std::int64_t create(const Programme& programme);                 // InvalidInput on a taken name
    std::optional<Programme> find_by_name(const std::string& name);  // Chinese, else English name
    Programme get(std::int64_t id);                                  // NotFound
    std::vector<Programme> list(const ReadScope& scope);             // those the scope lets its reader see

    // Inserts the indicator, or updates its kind, description, unit and target. Returns its id.
    std::int64_t put_indicator(const Indicator& indicator);
    // Bumps the programme's version, inside the caller's write; with `seen_version`, refuses
    // (Conflict) when the programme is no longer at that version.
    void touch(std::int64_t programme_id, std::optional<int> seen_version);
    // Inside a write: holds the programme's row and its indicators' rows until the transaction
    // ends, so readings checked against what is stored cannot be raced by another writer
    // (MariaDB: SELECT ... FOR UPDATE; SQLite's write transaction already holds the database).
    void hold_programme(std::int64_t programme_id);
    // InvalidInput when the period partly overlaps one already reported for the indicator. The
    // check and the insert run in one transaction holding the indicator's row.
    void add_reading(std::int64_t indicator_id, double value, const std::string& period_start,
                     const std::string& period_end, std::int64_t reported_by);
    // Every reading of the indicator, superseded ones too, oldest first.
    std::vector<Reading> readings(std::int64_t indicator_id);
    // Current readings of all the programme's indicators, by indicator code then period.
    std::vector<std::pair<std::string, Reading>> current_readings(std::int64_t programme_id);
    // Periods (start, end) of the indicator's current readings.
    std::vector<std::pair<std::string, std::string>> current_periods(std::int64_t indicator_id);
    // Marks the indicator's current reading for exactly this period as superseded.
    void supersede_reading(std::int64_t indicator_id, const std::string& period_start, const std::string& period_end);
    // Recomputes the achieved value of the indicator from its current readings.
    void refresh_actual(std::int64_t indicator_id);
    // Links the programme to a plan focus point it serves (linking twice is harmless).
    void link_focus_point(std::int64_t programme_id, std::int64_t focus_point_id);
    // Per section of the plan: indicators with a target > 0 in programmes linked to its focus points.
    std::map<std::string, std::size_t> measurable_indicators(std::int64_t plan_id);

    // With each indicator's achieved value as `actual`, in code order.
    std::vector<Indicator> indicators(std::int64_t programme_id);
    // The plan a focus point belongs to (nullopt: no such focus point).
    std::optional<std::int64_t> plan_of_focus_point(std::int64_t focus_point_id);
    // Indicators of the programmes linked to the plan's focus points that the scope lets its
    // reader see, per area, in area, programme and code order.
    std::vector<PlanIndicator> plan_indicators(std::int64_t plan_id, const ReadScope& scope);
    // Per area of the plan and sector: how many programmes serving the area's focus points are
    // run by organisations of the sector.
    struct SectorCount {
        std::string area_id;
        Sector sector;
        int programmes;
    };
    std::vector<SectorCount> programmes_by_sector(std::int64_t plan_id);

  private:
    template <typename Value>
    std::vector<Programme> select(const char* where, const Value& value);

    Database& db_;
};

}  // namespace dplan
