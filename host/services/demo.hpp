// Demo data: the fictional Riverside district (河畔區) and its 2024-25 plan in both languages,
// drawn from the sample committee paper in shared/samples.
#pragma once

#include <cstdint>

#include "domain/plan.hpp"
#include "domain/user.hpp"

namespace dplan {

class Database;

struct DemoResult {
    std::int64_t plan_id = 0;
    bool created = false;  // false: the demo was already there and was left as it was
};

// The demo plan itself, not stored (district 0): `dplan plugin check` runs plugins over it.
Plan demo_plan();

// Loads the demo into a migrated database, once: a second call finds and returns it.
DemoResult load_demo(Database& db, const User& actor = system_user());

}  // namespace dplan
