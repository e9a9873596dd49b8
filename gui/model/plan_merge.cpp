#include "plan_merge.hpp"

#include <algorithm>

namespace dplan::gui {

namespace {

template <typename Items, typename Key>
auto find_by(Items& items, const Key& key, auto member) {
    return std::find_if(items.begin(), items.end(), [&](const auto& item) { return item.*member == key; });
}

template <typename T>
void take_if_changed(T& target, const T& base, const T& mine) {
    if (!(mine == base)) target = mine;
}

}  // namespace

Plan merge_edits(const Plan& base, const Plan& mine, const Plan& latest) {
    Plan merged = latest;
    take_if_changed(merged.theme, base.theme, mine.theme);
    take_if_changed(merged.purpose, base.purpose, mine.purpose);
    take_if_changed(merged.advice_sought, base.advice_sought, mine.advice_sought);
    for (const auto& my_section : mine.sections) {
        const auto base_section = find_by(base.sections, my_section.area_id, &PlanSection::area_id);
        auto target = find_by(merged.sections, my_section.area_id, &PlanSection::area_id);
        if (target == merged.sections.end()) continue;  // removed by the other editor
        if (base_section == base.sections.end()) {
            *target = my_section;
            continue;
        }
        take_if_changed(target->objective, base_section->objective, my_section.objective);
        for (const auto& point : my_section.focus_points) {
            if (point.id == 0) {
                target->focus_points.push_back(point);
                continue;
            }
            const auto base_point = find_by(base_section->focus_points, point.id, &FocusPoint::id);
            const auto latest_point = find_by(target->focus_points, point.id, &FocusPoint::id);
            if (latest_point == target->focus_points.end() || base_point == base_section->focus_points.end()) continue;
            take_if_changed(latest_point->text, base_point->text, point.text);
            take_if_changed(latest_point->partners, base_point->partners, point.partners);
        }
        for (const auto& base_point : base_section->focus_points) {
            if (find_by(my_section.focus_points, base_point.id, &FocusPoint::id) == my_section.focus_points.end()) {
                std::erase_if(target->focus_points, [&](const FocusPoint& p) { return p.id == base_point.id; });
            }
        }
    }
    return merged;
}

}  // namespace dplan::gui
