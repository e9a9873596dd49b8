// A small plan with Chinese text, for storage tests.
#pragma once

#include "domain/plan.hpp"
#include "storage/database.hpp"

namespace dplan::testing {

Plan sample_plan(std::int64_t district_id);

// Creates the district "riverside" (河畔區) and returns its id.
std::int64_t create_sample_district(Database& db);

}  // namespace dplan::testing
