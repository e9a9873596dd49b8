// Local meeting times in an IANA time zone ("Asia/Hong_Kong"), converted to UTC for calendars.
// libstdc++ 12 has no std::chrono time-zone database, so this uses the system's tzdata through
// the C library (TZ + mktime), serialised because TZ is process-wide.
#pragma once

#include <string>
#include <string_view>

namespace dplan {

// True when the system's tzdata knows the zone.
bool is_time_zone(std::string_view zone);

// "2024-06-18T14:30" in Asia/Hong_Kong -> "20240618T063000Z".
std::string local_to_utc_basic(std::string_view local_time, std::string_view zone);

}  // namespace dplan
