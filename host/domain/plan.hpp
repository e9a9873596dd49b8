// The annual district welfare plan (年度福利工作計劃): one section per service area, each with an
// objective (工作目標) and ordered focus points (工作計劃重點) that name their partner sectors.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/bilingual.hpp"
#include "domain/plan_status.hpp"
#include "domain/sector.hpp"

namespace dplan {

struct FocusPoint {
    std::int64_t id = 0;  // 0 until stored; stays stable across revisions
    Bilingual text;
    std::vector<Sector> partners;

    bool operator==(const FocusPoint&) const = default;
};

struct PlanSection {
    std::int64_t id = 0;
    std::string area_id;  // the service-area plugin's id: "family", "elderly", ...
    Bilingual objective;
    std::vector<FocusPoint> focus_points;
    // Texts added later go last, so the many {id, area, objective, points} initializers stay valid.
    // The needs of the district in this area, as planning meetings and data showed them: why the
    // objective and focus points are what they are. Optional.
    Bilingual district_needs = {};

    bool operator==(const PlanSection&) const = default;
};

struct Plan {
    std::int64_t id = 0;
    std::int64_t district_id = 0;
    std::string financial_year;  // "2024-25"
    std::string paper_no;        // "3/24-25"
    Bilingual theme;
    Bilingual purpose;
    Bilingual advice_sought;
    // Whom the paper goes to and from, as it says (a district's names change with each council
    // term, and one office serves several districts); a new plan takes its district's defaults.
    Bilingual council;    // 荃灣區議會
    Bilingual committee;  // 社會服務及社區發展委員會
    Bilingual office;     // 社會福利署荃灣及葵青區福利辦事處
    PlanStatus status = PlanStatus::draft;
    int version = 0;                        // bumped by every save; a save against an older version is refused
    std::optional<int> submitted_revision;  // the revision frozen by the last submission
    std::string created_at;
    std::string updated_at;
    std::vector<PlanSection> sections;

    const PlanSection* section(std::string_view area_id) const;
    bool operator==(const Plan&) const = default;
};

// One row of a plan listing.
struct PlanSummary {
    std::int64_t id = 0;
    std::int64_t district_id = 0;
    std::string district_code;
    Bilingual district_name;
    std::string financial_year;
    Bilingual theme;
    PlanStatus status = PlanStatus::draft;
    int version = 0;
    std::string updated_at;
};

struct PlanRevision {
    int number = 0;
    std::int64_t author_id = 0;
    std::string author_name;
    std::string created_at;
    std::string reason;
    std::string snapshot_json;  // the whole plan as saved, in the documented JSON form
};

}  // namespace dplan
