#include "services/programme_report.hpp"

#include <fmt/format.h>

#include "domain/indicator_unit.hpp"

namespace dplan {

namespace {

// "200 人", "70%", or "未訂明 not stated" for a target a report did not give.
std::string target_text(const Indicator& indicator, const std::string& unit) {
    return indicator.target ? format_number(*indicator.target) + unit : "未訂明 not stated";
}

std::string achieved_text(const Achievement& result, const std::string& not_applicable) {
    if (result.percent) return format_percent(*result.percent);
    return result.target_stated ? not_applicable : "目標未訂明 target not stated";
}

// "2023-04-01" -> "01/04/2023", as Hong Kong reports write dates.
std::string day_month_year(const std::string& date) {
    return date.size() == 10 ? fmt::format("{}/{}/{}", date.substr(8, 2), date.substr(5, 2), date.substr(0, 4)) : date;
}
}  // namespace

std::string programme_report_markdown(const Programme& programme, const std::vector<Indicator>& indicators) {
    std::string out = fmt::format("# {} {}\n\n{} – {}\n\n", programme.name.zh, programme.name.en,
                                  day_month_year(programme.period_start), day_month_year(programme.period_end));
    if (!programme.organisation_name.zh.empty()) {
        out += fmt::format("主辦機構 Organisation: {} {}\n\n", programme.organisation_name.zh,
                           programme.organisation_name.en);
    }
    if (!programme.objectives.zh.empty() || !programme.objectives.en.empty()) {
        out += fmt::format("## 計劃目標 Objectives\n\n{}\n\n{}\n\n", programme.objectives.zh, programme.objectives.en);
    }
    out +=
        "## 成果指標 Output indicators\n\n| 指標 Indicator | 目標 Target | 實際 Actual | 達標率 Achieved "
        "|\n|---|---|---|---|\n";
    for (const auto& indicator : indicators) {
        if (indicator.kind != IndicatorKind::output) continue;
        const Achievement result = achievement(indicator);
        const std::string unit = indicator_unit_name(indicator.unit).zh;
        std::string achieved = "未有匯報 not reported";
        if (result.reported) achieved = achieved_text(result, "不適用 n/a (target 0)");
        out += fmt::format("| {} {} | {} | {} | {} |\n", indicator.code, indicator.description.zh,
                           target_text(indicator, " " + unit),
                           indicator.actual ? format_number(*indicator.actual) : "–", achieved);
    }
    out +=
        "\n## 成效指標 Outcome indicators\n\n| 預期目標 Expected | 達致成效 Achieved | 結果 Result |\n|---|---|---|\n";
    for (const auto& indicator : indicators) {
        if (indicator.kind != IndicatorKind::outcome) continue;
        const Achievement result = achievement(indicator);
        const std::string verdict = !result.reported        ? "未有匯報 not reported"
                                    : !result.target_stated ? "目標未訂明 target not stated"
                                    : result.met            ? "達標 met"
                                                            : "未達標 not met";
        out += fmt::format("| {} {} {} | {} | {} |\n", indicator.code, target_text(indicator, "%"),
                           indicator.description.zh, indicator.actual ? format_number(*indicator.actual) + "%" : "–",
                           verdict);
    }
    return out;
}

std::vector<PaperBlock> programme_report_blocks(const Programme& programme, const std::vector<Indicator>& indicators) {
    std::vector<PaperBlock> blocks;
    blocks.push_back({BlockKind::title, programme.name.zh});
    if (!programme.name.en.empty()) blocks.push_back({BlockKind::letterhead, programme.name.en});
    blocks.push_back({BlockKind::letterhead, fmt::format("{} – {}", day_month_year(programme.period_start),
                                                         day_month_year(programme.period_end))});
    if (!programme.organisation_name.zh.empty()) {
        blocks.push_back(
            {BlockKind::letterhead, fmt::format("主辦機構 Organisation：{} {}", programme.organisation_name.zh,
                                                programme.organisation_name.en)});
    }
    if (!programme.objectives.zh.empty() || !programme.objectives.en.empty()) {
        blocks.push_back({BlockKind::heading, "計劃目標 Objectives"});
        if (!programme.objectives.zh.empty()) blocks.push_back({BlockKind::paragraph, programme.objectives.zh});
        if (!programme.objectives.en.empty()) blocks.push_back({BlockKind::paragraph, programme.objectives.en});
    }
    blocks.push_back({BlockKind::heading, "成果指標 Output indicators"});
    for (const auto& indicator : indicators) {
        if (indicator.kind != IndicatorKind::output) continue;
        const Achievement result = achievement(indicator);
        std::string achieved = "未有匯報 not reported";
        if (result.reported) achieved = achieved_text(result, "不適用 n/a");
        blocks.push_back(
            {BlockKind::bullet,
             fmt::format("{} {}：目標 target {}，實際 actual {}（{}）", indicator.code, indicator.description.zh,
                         target_text(indicator, " " + indicator_unit_name(indicator.unit).zh),
                         indicator.actual ? format_number(*indicator.actual) : "–", achieved)});
    }
    blocks.push_back({BlockKind::heading, "成效指標 Outcome indicators"});
    for (const auto& indicator : indicators) {
        if (indicator.kind != IndicatorKind::outcome) continue;
        const Achievement result = achievement(indicator);
        const std::string verdict = !result.reported        ? "未有匯報 not reported"
                                    : !result.target_stated ? "目標未訂明 target not stated"
                                    : result.met            ? "達標 met"
                                                            : "未達標 not met";
        blocks.push_back(
            {BlockKind::bullet, fmt::format("{} {} {}：達致成效 achieved {}（{}）", indicator.code,
                                            target_text(indicator, "%"), indicator.description.zh,
                                            indicator.actual ? format_number(*indicator.actual) + "%" : "–", verdict)});
    }
    return blocks;
}

}  // namespace dplan
