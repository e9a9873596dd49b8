// Calendar dates as users write them (YYYY-MM-DD) and periods between two of them: the one home
// of the "is this a real date" and "does it end before it starts" rules that programmes,
// readings, imports and meetings share.
#pragma once

#include <string>
#include <string_view>

namespace dplan {

// Throws InvalidInput unless `date` is a real calendar date written YYYY-MM-DD.
void require_iso_date(const std::string& date);

// True when `end` comes before `start`: dates (YYYY-MM-DD) or local times (YYYY-MM-DDTHH:MM),
// both already checked, which order as text.
bool ends_before_start(std::string_view start, std::string_view end);

// Throws InvalidInput unless both are real dates and `end` is not before `start`.
void require_period(const std::string& start, const std::string& end);

}  // namespace dplan
