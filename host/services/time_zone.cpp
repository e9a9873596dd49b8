#include "services/time_zone.hpp"

#include <date/tz.h>
#include <fmt/format.h>

#include <charconv>

#include "domain/error.hpp"

namespace dplan {

namespace {

const date::time_zone* find_zone(std::string_view zone) {
    // The OS database also answers to "localtime", the link Debian keeps to /etc/localtime: the
    // machine's zone, which is not a name a meeting can carry elsewhere.
    if (zone.empty() || zone == "localtime") return nullptr;
    try {
        return date::locate_zone(zone);
    } catch (const std::runtime_error&) {
        return nullptr;
    }
}

[[noreturn]] void bad_time(std::string_view local_time) {
    throw InvalidInput(
        {fmt::format("時間「{}」不正確，應為實有的日期及時間，例如 2024-06-18T14:30", local_time),
         fmt::format("time '{}' is not valid; expected a real date and time such as 2024-06-18T14:30", local_time)});
}

}  // namespace

bool is_time_zone(std::string_view zone) { return find_zone(zone) != nullptr; }

std::string local_to_utc_basic(std::string_view local_time, std::string_view zone) {
    const date::time_zone* tz = find_zone(zone);
    if (tz == nullptr) {
        throw InvalidInput({fmt::format("不明時區「{}」", zone),
                            fmt::format("unknown time zone '{}'; use an IANA name such as Asia/Hong_Kong", zone)});
    }
    if (local_time.size() != 16 || local_time[4] != '-' || local_time[7] != '-' || local_time[10] != 'T' ||
        local_time[13] != ':') {
        bad_time(local_time);
    }
    auto part = [&](std::size_t from, std::size_t length) {
        unsigned value = 0;
        const auto [end, ec] = std::from_chars(local_time.data() + from, local_time.data() + from + length, value);
        if (ec != std::errc{} || end != local_time.data() + from + length) bad_time(local_time);
        return value;
    };
    const date::year_month_day day{date::year{static_cast<int>(part(0, 4))}, date::month{part(5, 2)},
                                   date::day{part(8, 2)}};
    const unsigned hour = part(11, 2), minute = part(14, 2);
    if (!day.ok() || hour > 23 || minute > 59) bad_time(local_time);
    const auto local = date::local_days{day} + std::chrono::hours{hour} + std::chrono::minutes{minute};
    const auto utc = tz->to_sys(local, date::choose::earliest);
    return date::format("%Y%m%dT%H%M%SZ", std::chrono::floor<std::chrono::seconds>(utc));
}

}  // namespace dplan
