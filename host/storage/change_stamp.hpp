// A cheap fingerprint of everything the dashboard shows: any committed change to plans, reviews,
// meetings, indicators or readings, by any process, changes it. Aggregates over indexed columns.
#pragma once

#include <string>

#include "storage/database.hpp"

namespace dplan {

std::string change_stamp(Database& db);

}  // namespace dplan
