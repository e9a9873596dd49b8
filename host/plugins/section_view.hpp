// Builds the C view of a plan section that validation and report extensions read. The view
// points into this object, which must outlive the call.
#pragma once

#include <vector>

#include "domain/plan.hpp"
#include "dplan/sdk/section_view.h"

namespace dplan::plugins {

class SectionView {
  public:
    SectionView(const PlanSection& section, std::size_t measurable_indicator_count);
    SectionView(const SectionView&) = delete;
    SectionView& operator=(const SectionView&) = delete;

    const dplan_section_view* get() const { return &view_; }

  private:
    std::vector<std::vector<const char*>> partner_codes_;
    std::vector<dplan_focus_point_view> points_;
    dplan_section_view view_{};
};

}  // namespace dplan::plugins
