// Programmes, their indicators and readings. A reading is never changed: a correction is a newer
// reading, and the newest one counts.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/programme.hpp"
#include "storage/database.hpp"

namespace dplan {

class ProgrammeRepository {
public:
    explicit ProgrammeRepository(Database& db) : db_(db) {}

    std::int64_t create(const Programme& programme);  // InvalidInput on a taken name
    std::optional<Programme> find_by_name(const std::string& name);  // Chinese, else English name
    Programme get(std::int64_t id);  // NotFound
    std::vector<Programme> list();

    // Inserts the indicator, or updates its kind, description, unit and target. Returns its id.
    std::int64_t put_indicator(const Indicator& indicator);
    void add_reading(std::int64_t indicator_id, double value, const std::string& period_start,
                     const std::string& period_end, std::int64_t reported_by);
    // Links the programme to a plan focus point it serves (linking twice is harmless).
    void link_focus_point(std::int64_t programme_id, std::int64_t focus_point_id);
    // Per section of the plan: indicators with a target > 0 in programmes linked to its focus points.
    std::map<std::string, std::size_t> measurable_indicators(std::int64_t plan_id);

    // With each indicator's newest reading as `actual`, in code order.
    std::vector<Indicator> indicators(std::int64_t programme_id);

private:
    template <typename Value>
    std::vector<Programme> select(const char* where, const Value& value);

    Database& db_;
};

}  // namespace dplan
