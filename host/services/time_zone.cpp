#include "services/time_zone.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <mutex>
#include <optional>

namespace dplan {

namespace {
std::mutex tz_mutex;
}

bool is_time_zone(std::string_view zone) {
    if (zone.empty() || zone.find("..") != std::string_view::npos || zone.front() == '/') return false;
    return std::filesystem::is_regular_file(std::filesystem::path("/usr/share/zoneinfo") / zone);
}

std::string local_to_utc_basic(std::string_view local_time, std::string_view zone) {
    std::tm local{};
    const std::string text(local_time);
    local.tm_year = std::stoi(text.substr(0, 4)) - 1900;
    local.tm_mon = std::stoi(text.substr(5, 2)) - 1;
    local.tm_mday = std::stoi(text.substr(8, 2));
    local.tm_hour = std::stoi(text.substr(11, 2));
    local.tm_min = std::stoi(text.substr(14, 2));
    local.tm_isdst = -1;
    std::time_t instant = 0;
    {
        const std::lock_guard lock(tz_mutex);
        const char* previous = std::getenv("TZ");
        const std::optional<std::string> saved = previous ? std::optional<std::string>(previous) : std::nullopt;
        setenv("TZ", std::string(zone).c_str(), 1);
        tzset();
        instant = std::mktime(&local);
        if (saved) {
            setenv("TZ", saved->c_str(), 1);
        } else {
            unsetenv("TZ");
        }
        tzset();
    }
    std::tm utc{};
    gmtime_r(&instant, &utc);
    return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}Z", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour,
                       utc.tm_min, utc.tm_sec);
}

}  // namespace dplan
