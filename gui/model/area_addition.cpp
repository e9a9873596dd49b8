#include "area_addition.hpp"

#include "strings.hpp"

namespace dplan::gui {

AreaAddition area_addition(const Snapshot& snapshot, bool unsaved_edits) {
    AreaAddition result;
    if (!snapshot.plan) return result;
    const Plan& plan = *snapshot.plan;
    for (const auto& area : snapshot.areas) {
        if (plan.section(area.id) == nullptr) result.areas.push_back(area);
    }
    // The most lasting reason first: a user who may not edit need not hear about unsaved edits.
    if (snapshot.edit_refused) {
        result.refused = snapshot.edit_refused;
    } else if (plan.status != PlanStatus::draft && plan.status != PlanStatus::returned) {
        result.refused = Strings::both("label.add_area_frozen");
    } else if (result.areas.empty()) {
        result.refused = Strings::both("label.add_area_none");
    } else if (unsaved_edits) {
        result.refused = Strings::both("label.add_area_unsaved");
    }
    return result;
}

void add_area(Worker& worker, std::int64_t plan_id, const std::string& area_id, const std::string& reason) {
    worker.run({"加入服務範疇", "Adding a service area"},
               [plan_id, area_id, reason](DashboardClient& client, const Progress&) {
                   client.add_area(plan_id, area_id, reason);
               });
}

}  // namespace dplan::gui
