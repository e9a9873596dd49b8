#include "domain/timestamp.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <charconv>
#include <ctime>

namespace dplan {

std::string utc_iso8601(std::chrono::system_clock::time_point time) {
    const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count() % 1000;
    return fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03}Z", fmt::gmtime(std::chrono::system_clock::to_time_t(time)), millis);
}

std::string now_utc_iso8601() { return utc_iso8601(std::chrono::system_clock::now()); }

std::optional<std::chrono::system_clock::time_point> parse_utc_iso8601(std::string_view text) {
    // "YYYY-MM-DDTHH:MM:SS.mmmZ": the fields at fixed offsets.
    if (text.size() != 24 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
        text[16] != ':' || text[19] != '.' || text[23] != 'Z') {
        return std::nullopt;
    }
    auto field = [&](std::size_t at, std::size_t length) -> std::optional<int> {
        // Digits only: from_chars would take "-1" as a number.
        for (std::size_t i = at; i < at + length; ++i) {
            if (text[i] < '0' || text[i] > '9') return std::nullopt;
        }
        int value = 0;
        const auto [end, error] = std::from_chars(text.data() + at, text.data() + at + length, value);
        if (error != std::errc() || end != text.data() + at + length) return std::nullopt;
        return value;
    };
    const auto year = field(0, 4), month = field(5, 2), day = field(8, 2), hour = field(11, 2), minute = field(14, 2),
               second = field(17, 2), millis = field(20, 3);
    if (!year || !month || !day || !hour || !minute || !second || !millis) return std::nullopt;
    // The clock counts nanoseconds in 64 bits: about 1678 to 2262. Outside a narrower span the
    // conversion would overflow, and no plan, session or audit entry is dated there.
    if (*year < 1900 || *year > 2200) return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year(*year), std::chrono::month(static_cast<unsigned>(*month)),
                                           std::chrono::day(static_cast<unsigned>(*day))};
    if (!date.ok() || *hour > 23 || *minute > 59 || *second > 60) return std::nullopt;
    return std::chrono::sys_days(date) + std::chrono::hours(*hour) + std::chrono::minutes(*minute) +
           std::chrono::seconds(*second) + std::chrono::milliseconds(*millis);
}

}  // namespace dplan
