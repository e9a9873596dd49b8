// A programme (計劃) run for a period, its indicators and what they achieved.
//   output (成果指標): actual / target as a percentage; over 100% is normal and shown as such;
//                      a zero target is "not applicable", never a division by zero.
//   outcome (成效指標): met when the achieved percentage reaches the target percentage.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/bilingual.hpp"

namespace dplan {

struct Programme {
    std::int64_t id = 0;
    Bilingual name;
    std::optional<std::int64_t> district_id;
    std::string period_start;  // YYYY-MM-DD
    std::string period_end;
    std::vector<std::string> areas;  // service-area ids it serves
};

enum class IndicatorKind { output, outcome };

std::string_view indicator_kind_code(IndicatorKind kind);
std::optional<IndicatorKind> parse_indicator_kind(std::string_view code);

struct Indicator {
    std::int64_t id = 0;
    std::int64_t programme_id = 0;
    std::string code;  // "1A-a"
    IndicatorKind kind = IndicatorKind::output;
    Bilingual description;
    std::string unit;
    double target = 0;
    std::optional<std::string> catalogue_code;  // the plugin catalogue indicator it instantiates
    std::optional<double> actual;  // the newest reading, if any
};

struct Achievement {
    bool reported = false;
    std::optional<double> percent;  // outputs with a target above zero
    bool met = false;               // output: percent >= 100; outcome: actual >= target
};

Achievement achievement(const Indicator& indicator);

// 130 -> "130%", 107.5 -> "107.5%", 116.666 -> "116.7%".
std::string format_percent(double percent);
// 2150 -> "2,150"; 74.5 -> "74.5".
std::string format_number(double value);

}  // namespace dplan
