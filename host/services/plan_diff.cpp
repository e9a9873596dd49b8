#include "services/plan_diff.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "domain/section_texts.hpp"

namespace dplan {

namespace {

std::string partners_text(const std::vector<Sector>& partners) {
    std::string text;
    for (Sector sector : partners) text += (text.empty() ? "" : ", ") + std::string(sector_code(sector));
    return text.empty() ? "-" : text;
}

void compare_text(std::vector<PlanChange>& changes, const Bilingual& where, const Bilingual& before,
                  const Bilingual& after) {
    if (before.zh != after.zh) {
        changes.push_back({where,
                           {fmt::format("中文改為：「{}」→「{}」", before.zh, after.zh),
                            fmt::format("Chinese changed: 「{}」 → 「{}」", before.zh, after.zh)}});
    }
    if (before.en != after.en) {
        changes.push_back({where,
                           {fmt::format("英文改為：“{}” → “{}”", before.en, after.en),
                            fmt::format("English changed: \"{}\" → \"{}\"", before.en, after.en)}});
    }
}

void compare_points(std::vector<PlanChange>& changes, const PlanSection& before, const PlanSection& after) {
    for (std::size_t i = 0; i < after.focus_points.size(); ++i) {
        const auto& point = after.focus_points[i];
        const Bilingual where{fmt::format("{} · 第 {} 項重點", after.area_id, i + 1),
                              fmt::format("{} · focus point {}", after.area_id, i + 1)};
        const auto old = std::find_if(before.focus_points.begin(), before.focus_points.end(),
                                      [&](const FocusPoint& p) { return p.id == point.id && point.id != 0; });
        if (old == before.focus_points.end()) {
            changes.push_back({where,
                               {fmt::format("新增：「{}」", point.text.zh.empty() ? point.text.en : point.text.zh),
                                fmt::format("added: \"{}\"", point.text.en.empty() ? point.text.zh : point.text.en)}});
            continue;
        }
        const auto old_position = static_cast<std::size_t>(old - before.focus_points.begin());
        if (old_position != i) {
            changes.push_back({where,
                               {fmt::format("由第 {} 項移至第 {} 項", old_position + 1, i + 1),
                                fmt::format("moved from position {} to {}", old_position + 1, i + 1)}});
        }
        compare_text(changes, where, old->text, point.text);
        if (old->partners != point.partners) {
            changes.push_back(
                {where,
                 {fmt::format("合作界別：{} → {}", partners_text(old->partners), partners_text(point.partners)),
                  fmt::format("partners: {} → {}", partners_text(old->partners), partners_text(point.partners))}});
        }
    }
    for (const auto& point : before.focus_points) {
        const bool kept = std::any_of(after.focus_points.begin(), after.focus_points.end(),
                                      [&](const FocusPoint& p) { return p.id == point.id; });
        if (!kept) {
            changes.push_back(
                {{after.area_id, after.area_id},
                 {fmt::format("刪除重點：「{}」", point.text.zh),
                  fmt::format("focus point removed: \"{}\"", point.text.en.empty() ? point.text.zh : point.text.en)}});
        }
    }
}

}  // namespace

std::vector<PlanChange> diff_plans(const Plan& before, const Plan& after) {
    std::vector<PlanChange> changes;
    if (before.paper_no != after.paper_no) {
        changes.push_back({{"文件編號", "paper number"},
                           {fmt::format("文件編號：{} → {}", before.paper_no, after.paper_no),
                            fmt::format("paper number: {} → {}", before.paper_no, after.paper_no)}});
    }
    compare_text(changes, {"主題", "theme"}, before.theme, after.theme);
    compare_text(changes, {"目的", "purpose"}, before.purpose, after.purpose);
    compare_text(changes, {"諮詢意見", "advice sought"}, before.advice_sought, after.advice_sought);
    compare_text(changes, {"區議會", "council"}, before.council, after.council);
    compare_text(changes, {"委員會", "committee"}, before.committee, after.committee);
    compare_text(changes, {"福利辦事處", "office"}, before.office, after.office);
    for (const auto& section : after.sections) {
        const PlanSection* old = before.section(section.area_id);
        if (old == nullptr) {
            changes.push_back({{section.area_id, section.area_id}, {"新增服務範疇部分", "section added"}});
            continue;
        }
        for (const auto& text : section_texts) {
            compare_text(changes, section_text_place(section.area_id, text), (*old).*text.member, section.*text.member);
        }
        compare_points(changes, *old, section);
    }
    for (const auto& section : before.sections) {
        if (after.section(section.area_id) == nullptr) {
            changes.push_back({{section.area_id, section.area_id}, {"刪除服務範疇部分", "section removed"}});
        }
    }
    return changes;
}

}  // namespace dplan
