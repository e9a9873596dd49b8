#include "domain/period.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>

#include "domain/error.hpp"

namespace dplan {

void require_iso_date(const std::string& date) {
    using namespace std::chrono;
    int y = 0;
    unsigned m = 0, d = 0;
    const bool shaped = date.size() == 10 && date[4] == '-' && date[7] == '-' &&
                        std::sscanf(date.c_str(), "%4d-%2u-%2u", &y, &m, &d) == 3;
    if (!shaped || !year_month_day{year{y}, month{m}, day{d}}.ok()) {
        throw InvalidInput({fmt::format("日期「{}」不正確，應為 YYYY-MM-DD，例如 2024-06-18", date),
                            fmt::format("date '{}' is not valid; expected YYYY-MM-DD, e.g. 2024-06-18", date)});
    }
}

bool ends_before_start(std::string_view start, std::string_view end) { return end < start; }

void require_period(const std::string& start, const std::string& end) {
    require_iso_date(start);
    require_iso_date(end);
    if (ends_before_start(start, end)) {
        throw InvalidInput({fmt::format("結束日期（{}）早於開始日期（{}）", end, start),
                            fmt::format("the period ends ({}) before it starts ({})", end, start)});
    }
}

}  // namespace dplan
