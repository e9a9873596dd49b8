// A readable difference between two revisions of a plan: which fields, sections and focus
// points changed, and how. Focus points are matched by id, so a reworded point reads as
// "changed", not as one removed and one added.
#pragma once

#include <vector>

#include "domain/bilingual.hpp"
#include "domain/plan.hpp"

namespace dplan {

struct PlanChange {
    Bilingual where;  // "theme", "family", "family · focus point 2"
    Bilingual what;   // "changed: 「舊」 → 「新」"
};

std::vector<PlanChange> diff_plans(const Plan& before, const Plan& after);

}  // namespace dplan
