#include "plugins/section_view.hpp"

namespace dplan::plugins {

SectionView::SectionView(const PlanSection& section, std::size_t measurable_indicator_count) {
    partner_codes_.reserve(section.focus_points.size());
    for (const auto& point : section.focus_points) {
        auto& codes = partner_codes_.emplace_back();
        // sector_code() returns views of string literals, so .data() is NUL-terminated.
        for (Sector sector : point.partners) codes.push_back(sector_code(sector).data());
        points_.push_back({{point.text.zh.c_str(), point.text.en.c_str()}, codes.data(), codes.size()});
    }
    view_.area_id = section.area_id.c_str();
    view_.objective = {section.objective.zh.c_str(), section.objective.en.c_str()};
    view_.focus_points = points_.data();
    view_.focus_point_count = points_.size();
    view_.measurable_indicator_count = measurable_indicator_count;
}

}  // namespace dplan::plugins
