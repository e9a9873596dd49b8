// Times are stored as UTC ISO-8601 text with milliseconds ("2024-05-02T03:04:05.678Z") in both
// SQLite and MariaDB, so they sort as text and read back identically on either backend.
#pragma once

#include <string>

namespace dplan {

std::string now_utc_iso8601();

}  // namespace dplan
