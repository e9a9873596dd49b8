// Demo stakeholders and meetings for the Riverside plan: a planning meeting with attendance,
// minutes, views on several areas (one addressed in the plan, one not adopted, one open) and
// action items (one overdue), the committee meeting that discussed the paper, and an upcoming
// consultation session.
#pragma once

#include "domain/plan.hpp"

namespace dplan {

class Database;

void load_demo_meetings(Database& db, const Plan& plan);

}  // namespace dplan
