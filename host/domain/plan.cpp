#include "domain/plan.hpp"

#include <algorithm>

namespace dplan {

const PlanSection* Plan::section(std::string_view area_id) const {
    auto found =
        std::find_if(sections.begin(), sections.end(), [&](const PlanSection& s) { return s.area_id == area_id; });
    return found == sections.end() ? nullptr : &*found;
}

}  // namespace dplan
