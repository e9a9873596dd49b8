// Times are stored as UTC ISO-8601 text with milliseconds ("2024-05-02T03:04:05.678Z") in both
// SQLite and MariaDB, so they sort as text and read back identically on either backend.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace dplan {

std::string now_utc_iso8601();
std::string utc_iso8601(std::chrono::system_clock::time_point time);
// The time a stored timestamp names; nullopt for text not in that form, or a year outside 1900 to 2200.
std::optional<std::chrono::system_clock::time_point> parse_utc_iso8601(std::string_view text);

}  // namespace dplan
