#include "cli/plan_text.hpp"

#include <fmt/format.h>

#include "domain/section_texts.hpp"

namespace dplan::cli {

std::string plan_as_text(const Context& context, const Plan& plan, const District& district, const AreaNamer& area_name,
                         bool show_ids) {
    auto label = [&](const char* zh, const char* en) { return context.pick({zh, en}); };
    std::string text;
    auto line = [&text](const std::string& s) { text += s + '\n'; };

    line(fmt::format("{} {} · {} · {}", label("計劃", "Plan"), plan.id, context.pick(district.name),
                     plan.financial_year));
    if (!plan.paper_no.empty()) line(fmt::format("{}: {}", label("文件編號", "Paper No."), plan.paper_no));
    line(fmt::format("{}: {} ({} {})", label("狀態", "Status"), context.pick(status_name(plan.status)),
                     label("版本", "version"), plan.version));
    if (!plan.council.empty() || !plan.committee.empty()) {
        line(fmt::format("{}: {} {}", label("致", "To"), context.pick(plan.council), context.pick(plan.committee)));
    }
    if (!plan.office.empty()) line(fmt::format("{}: {}", label("發件", "From"), context.pick(plan.office)));
    line(fmt::format("{}: {}", label("主題", "Theme"), context.pick(plan.theme)));
    if (!plan.purpose.empty()) {
        line("");
        line(label("目的", "Purpose"));
        line("  " + context.pick(plan.purpose));
    }
    for (const auto& section : plan.sections) {
        line("");
        line(fmt::format("[{}] {}", section.area_id, context.pick(area_name(section.area_id))));
        for (const auto& text : section_texts) {
            const Bilingual& value = section.*text.member;
            if (text.builtin || !value.empty()) {
                line(fmt::format("  {}: {}", context.pick(text.label), context.pick(value)));
            }
        }
        line(fmt::format("  {}:", label("工作計劃重點", "Focus points")));
        int number = 0;
        for (const auto& point : section.focus_points) {
            std::string partners;
            for (Sector sector : point.partners) {
                if (!partners.empty()) partners += ", ";
                partners += context.pick(sector_name(sector));
            }
            if (partners.empty()) partners = label("未有合作界別", "no partner sector");
            const std::string id = show_ids ? fmt::format(" (#{})", point.id) : "";
            line(fmt::format("    {}.{} {}", ++number, id, context.pick(point.text)));
            line(fmt::format("       {}: {}", label("合作界別", "Partners"), partners));
        }
    }
    if (!plan.advice_sought.empty()) {
        line("");
        line(label("諮詢意見", "Advice sought"));
        line("  " + context.pick(plan.advice_sought));
    }
    return text;
}

}  // namespace dplan::cli
