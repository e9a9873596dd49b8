// Adding a loaded plugin's service area to the plan in the editor (`dplan plan add-area` in the
// window): which areas can be added, whether this user may add one now or why not, and the worker
// job that adds it through the plans service. The new section, its panel and its findings appear
// with the reload that follows every job.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "snapshot.hpp"
#include "worker.hpp"

namespace dplan::gui {

struct AreaAddition {
    std::vector<AreaInfo> areas;       // loaded service areas the plan has no section for, standard order
    std::optional<Bilingual> refused;  // why no area can be added now; empty: the control may be used
};

// `unsaved_edits`: the editor's draft differs from the stored plan. The area is added to the stored
// plan, so the user saves first rather than have the draft fall behind it.
AreaAddition area_addition(const Snapshot& snapshot, bool unsaved_edits);

// Queues the addition on the worker; a refusal comes back as the worker's error, like any write's.
void add_area(Worker& worker, std::int64_t plan_id, const std::string& area_id, const std::string& reason);

}  // namespace dplan::gui
