// Minutes of a meeting as paper blocks: rendered to Markdown (paper_as_markdown) and PDF
// (write_paper_pdf) by the same path as the committee paper. Both languages, Chinese first.
#pragma once

#include <functional>
#include <vector>

#include "domain/meeting.hpp"
#include "services/committee_paper.hpp"

namespace dplan {

using AreaNamer = std::function<Bilingual(const std::string& area_id)>;

std::vector<PaperBlock> meeting_minutes(const MeetingRecord& record, const AreaNamer& area_name,
                                        const std::string& today);

}  // namespace dplan
