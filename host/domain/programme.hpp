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
    std::optional<std::int64_t> organisation_id;  // who runs it
    Bilingual organisation_name;                  // filled in when read
    std::optional<std::int64_t> district_id;
    std::string period_start;  // YYYY-MM-DD
    std::string period_end;
    Bilingual objectives;
    std::vector<std::string> areas;  // service-area ids it serves

    // The year it reports in: the financial year its period ends in.
    std::string financial_year() const;
    int version = 0;  // bumped by every change to the programme or its indicators
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
    // Empty: the target is not stated (a report printed the figure without one); 0: not applicable.
    std::optional<double> target = 0.0;
    std::optional<std::string> catalogue_code;  // the plugin catalogue indicator it instantiates
    // Achieved so far: outputs add up the current reading of every period, outcomes take the
    // current reading of the latest period. Empty until something is reported.
    std::optional<double> actual;
};

// A value reported for a period: a month, a quarter or the whole programme. A correction is a
// newer reading for the same period; the one it supersedes stays as history (current = false).
struct Reading {
    std::int64_t id = 0;
    std::int64_t indicator_id = 0;
    double value = 0;
    std::string period_start, period_end;
    std::string reported_by;  // user name
    std::string reported_at;
    bool current = true;
};

struct Achievement {
    bool reported = false;
    std::optional<double> percent;  // outputs with a target above zero
    bool target_stated = true;      // false: nothing to measure against ("target not stated")
    bool met = false;               // output: percent >= 100; outcome: actual >= target
};

Achievement achievement(const Indicator& indicator);

// Two readings of one indicator may cover the same period (a correction) or periods that do not
// meet; partly overlapping periods would count the same days twice.
bool periods_clash(std::string_view start_a, std::string_view end_a, std::string_view start_b, std::string_view end_b);

// 130 -> "130%", 107.5 -> "107.5%", 116.666 -> "116.7%".
std::string format_percent(double percent);
// 2150 -> "2,150"; 74.5 -> "74.5".
std::string format_number(double value);

// An outcome is a rate with a target rate, and reads as committee members say it:
// "58.3% against a target of 60%" (「58.3%（目標 60%）」).
Bilingual outcome_against_target(double achieved, double target);

}  // namespace dplan
