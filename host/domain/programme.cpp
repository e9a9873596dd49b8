#include "domain/programme.hpp"

#include <fmt/format.h>

#include <cmath>

#include "domain/financial_year.hpp"

namespace dplan {

std::string Programme::financial_year() const { return financial_year_of(period_end); }

std::string_view indicator_kind_code(IndicatorKind kind) {
    return kind == IndicatorKind::output ? "output" : "outcome";
}

std::optional<IndicatorKind> parse_indicator_kind(std::string_view code) {
    if (code == "output") return IndicatorKind::output;
    if (code == "outcome") return IndicatorKind::outcome;
    return std::nullopt;
}

bool periods_clash(std::string_view start_a, std::string_view end_a, std::string_view start_b, std::string_view end_b) {
    const bool same = start_a == start_b && end_a == end_b;
    const bool overlap = start_a <= end_b && start_b <= end_a;
    return overlap && !same;
}

Achievement achievement(const Indicator& indicator) {
    Achievement result;
    if (!indicator.actual) return result;
    result.reported = true;
    if (!indicator.target) {
        result.target_stated = false;
        return result;
    }
    if (indicator.kind == IndicatorKind::outcome) {
        result.met = *indicator.actual >= *indicator.target;
        return result;
    }
    if (*indicator.target > 0) {
        result.percent = *indicator.actual / *indicator.target * 100.0;
        result.met = *result.percent >= 100.0 - 1e-9;
    }
    return result;
}

std::string format_percent(double percent) {
    const double rounded = std::round(percent * 10.0) / 10.0;
    if (rounded == std::floor(rounded)) return fmt::format("{:.0f}%", rounded);
    return fmt::format("{:.1f}%", rounded);
}

std::string format_number(double value) {
    if (value != std::floor(value)) return fmt::format("{:.1f}", value);
    const std::string digits = fmt::format("{:.0f}", std::fabs(value));
    std::string grouped = value < 0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
        grouped += digits[i];
    }
    return grouped;
}

}  // namespace dplan
