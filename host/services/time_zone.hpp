// Local meeting times in an IANA time zone ("Asia/Hong_Kong"), converted to UTC for calendars.
// libstdc++ 12 has no std::chrono time-zone database, so this uses Howard Hinnant's date/tz.h
// (libhowardhinnant-date-dev, linked as date::date-tz with USE_OS_TZDB=1) over the system's
// tzdata: no process-wide TZ, no mktime, safe from any thread.
#pragma once

#include <string>
#include <string_view>

namespace dplan {

// True when the system's tzdata has a zone of that name. File names in the tzdata folder that are
// not zones (zone.tab, posixrules, localtime, right/..., posix/...) are not.
bool is_time_zone(std::string_view zone);

// "2024-06-18T14:30" in Asia/Hong_Kong -> "20240618T063000Z". A local time that falls in a
// daylight-saving gap or overlap takes the earlier instant. InvalidInput for a time that is not
// a real YYYY-MM-DDTHH:MM (2024-02-31T10:00, 24:00) or an unknown zone.
std::string local_to_utc_basic(std::string_view local_time, std::string_view zone);

}  // namespace dplan
