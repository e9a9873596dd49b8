// A programme's report laid out as NGOs lay theirs out: outputs with target, actual and the
// percentage achieved; outcomes with the expected target against what was achieved.
#pragma once

#include <string>
#include <vector>

#include "domain/programme.hpp"

namespace dplan {

std::string programme_report_markdown(const Programme& programme, const std::vector<Indicator>& indicators);

}  // namespace dplan
