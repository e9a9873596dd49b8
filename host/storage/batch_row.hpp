// One row of an answer read as text, as storage/statement_batch.hpp and Database::write_reading
// hand them out: its columns in order, NULL as nothing.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace dplan {

using BatchRow = std::vector<std::optional<std::string>>;

}  // namespace dplan
