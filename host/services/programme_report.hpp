// A programme's report laid out as NGOs lay theirs out: outputs with target, actual and the
// percentage achieved; outcomes with the expected target against what was achieved.
#pragma once

#include <string>
#include <vector>

#include "domain/programme.hpp"
#include "services/committee_paper.hpp"

namespace dplan {

std::string programme_report_markdown(const Programme& programme, const std::vector<Indicator>& indicators);

// The same report as blocks for the paper renderer (write_paper_pdf).
std::vector<PaperBlock> programme_report_blocks(const Programme& programme, const std::vector<Indicator>& indicators);

}  // namespace dplan
