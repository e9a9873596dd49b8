#include "cli/plan_edit.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <sstream>
#include <tuple>

#include "domain/error.hpp"
#include "domain/section_texts.hpp"
#include "services/plan_merge.hpp"

namespace dplan::cli {

namespace {

[[noreturn]] void bad(std::string_view option, std::string_view value, const Bilingual& expected) {
    throw InvalidInput({fmt::format("--{}「{}」不正確：應為{}", option, value, expected.zh),
                        fmt::format("--{} {} is not valid: expected {}", option, value, expected.en)});
}

// `form` is a pattern such as AREA=TEXT, the same in both languages.
std::pair<std::string, std::string> split(std::string_view option, const std::string& value, std::string_view form) {
    const auto equals = value.find('=');
    if (equals == std::string::npos || equals == 0) bad(option, value, {std::string(form), std::string(form)});
    return {value.substr(0, equals), value.substr(equals + 1)};
}

PlanSection& section_of(Plan& plan, std::string_view option, const std::string& area) {
    for (auto& section : plan.sections) {
        if (section.area_id == area) return section;
    }
    std::vector<std::string> areas;
    for (const auto& section : plan.sections) areas.push_back(section.area_id);
    bad(option, area,
        {fmt::format("此計劃其中一個服務範疇：「{}」（另一範疇的部分可用 dplan plan add-area {} {} 加入）",
                     fmt::join(areas, "」、「"), plan.id, area),
         fmt::format("a service area of this plan: {} (add a section for another area with 'dplan plan add-area {} "
                     "{}')",
                     fmt::join(areas, ", "), plan.id, area)});
}

std::int64_t parse_id(std::string_view option, const std::string& text) {
    std::int64_t id = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc{} || ptr != text.data() + text.size() || id <= 0)
        bad(option, text, {"工作計劃重點編號", "a focus point id"});
    return id;
}

// The focus point with `id`, and the section holding it.
std::pair<PlanSection*, std::size_t> find_point(Plan& plan, std::string_view option, const std::string& id_text) {
    const auto id = parse_id(option, id_text);
    for (auto& section : plan.sections) {
        for (std::size_t i = 0; i < section.focus_points.size(); ++i) {
            if (section.focus_points[i].id == id) return {&section, i};
        }
    }
    bad(option, id_text,
        {"此計劃其中一個工作計劃重點的編號（見 dplan plan show --ids）",
         "the id of a focus point of this plan (see 'dplan plan show --ids')"});
}

bool no_section_texts(const std::map<std::string, std::vector<std::string>, std::less<>>& given) {
    return std::all_of(given.begin(), given.end(), [](const auto& entry) { return entry.second.empty(); });
}

}  // namespace

bool PlanEdits::empty() const {
    return theme_zh.empty() && theme_en.empty() && purpose_zh.empty() && purpose_en.empty() && advice_zh.empty() &&
           advice_en.empty() && paper_no.empty() && council_zh.empty() && council_en.empty() && committee_zh.empty() &&
           committee_en.empty() && office_zh.empty() && office_en.empty() && no_section_texts(section_text_zh) &&
           no_section_texts(section_text_en) && add_point.empty() && point_zh.empty() && point_en.empty() &&
           partners.empty() && remove_point.empty() && move_point.empty();
}

void apply_edits(Plan& plan, const PlanEdits& edits) {
    auto set = [](std::string& field, const std::string& value) {
        if (!value.empty()) field = value;
    };
    set(plan.theme.zh, edits.theme_zh);
    set(plan.theme.en, edits.theme_en);
    set(plan.purpose.zh, edits.purpose_zh);
    set(plan.purpose.en, edits.purpose_en);
    set(plan.advice_sought.zh, edits.advice_zh);
    set(plan.advice_sought.en, edits.advice_en);
    set(plan.paper_no, edits.paper_no);
    set(plan.council.zh, edits.council_zh);
    set(plan.council.en, edits.council_en);
    set(plan.committee.zh, edits.committee_zh);
    set(plan.committee.en, edits.committee_en);
    set(plan.office.zh, edits.office_zh);
    set(plan.office.en, edits.office_en);
    for (const auto& section_text : section_texts) {
        const std::string option(section_text.key);
        for (const auto& [values, suffix, side] : {std::tuple{&edits.section_text_zh, "", &Bilingual::zh},
                                                   std::tuple{&edits.section_text_en, "-en", &Bilingual::en}}) {
            const auto given = values->find(section_text.key);
            if (given == values->end()) continue;
            for (const auto& value : given->second) {
                auto [area, text] = split(option + suffix, value, "AREA=TEXT");
                (section_of(plan, option + suffix, area).*section_text.member).*side = text;
            }
        }
    }
    for (const auto& value : edits.point_zh) {
        auto [id, text] = split("point", value, "POINT_ID=TEXT");
        auto [section, index] = find_point(plan, "point", id);
        section->focus_points[index].text.zh = text;
    }
    for (const auto& value : edits.point_en) {
        auto [id, text] = split("point-en", value, "POINT_ID=TEXT");
        auto [section, index] = find_point(plan, "point-en", id);
        section->focus_points[index].text.en = text;
    }
    for (const auto& value : edits.partners) {
        auto [id, list] = split("partners", value, "POINT_ID=ngo,health,...");
        auto [section, index] = find_point(plan, "partners", id);
        std::vector<Sector> sectors;
        std::stringstream codes(list);
        for (std::string code; std::getline(codes, code, ',');) {
            const auto sector = parse_sector(code);
            if (!sector) {
                bad("partners", value,
                    {"合作界別代號：ngo、health、education、business、district_group、government、resident",
                     "sector codes: ngo, health, education, business, district_group, government, resident"});
            }
            sectors.push_back(*sector);
        }
        section->focus_points[index].partners = sectors;
    }
    for (const auto& value : edits.move_point) {
        auto [id, position_text] = split("move-point", value, "POINT_ID=POSITION");
        auto [section, index] = find_point(plan, "move-point", id);
        std::size_t position = 0;
        auto [ptr, ec] = std::from_chars(position_text.data(), position_text.data() + position_text.size(), position);
        if (ec != std::errc{} || position < 1 || position > section->focus_points.size()) {
            bad("move-point", value,
                {fmt::format("由 1 至 {} 的位置", section->focus_points.size()),
                 fmt::format("a position from 1 to {}", section->focus_points.size())});
        }
        FocusPoint moved = section->focus_points[index];
        section->focus_points.erase(section->focus_points.begin() + static_cast<std::ptrdiff_t>(index));
        section->focus_points.insert(section->focus_points.begin() + static_cast<std::ptrdiff_t>(position - 1), moved);
    }
    for (const auto& id : edits.remove_point) {
        auto [section, index] = find_point(plan, "remove-point", id);
        section->focus_points.erase(section->focus_points.begin() + static_cast<std::ptrdiff_t>(index));
    }
    for (const auto& value : edits.add_point) {
        auto [area, text] = split("add-point", value, "AREA=TEXT");
        section_of(plan, "add-point", area).focus_points.push_back({0, {text, ""}, {}});
    }
}

Conflict explain_stale_edit(const Conflict& refused, const Plan& seen, const PlanEdits& edits, const Plan& latest) {
    Bilingual message = refused.message();
    Plan mine = seen;
    try {
        apply_edits(mine, edits);
    } catch (const InvalidInput& e) {
        message.zh += fmt::format("\n你的修改提及第 {} 版之後才有的項目（{}）；請先查看第 {} 版再改。", seen.version,
                                  e.message().zh, latest.version);
        message.en += fmt::format(
            "\nYour edit names something revision {} did not have ({}); look at revision {} "
            "and edit again.",
            seen.version, e.message().en, latest.version);
        return Conflict(message);
    }
    const auto merge = merge_plans(seen, mine, latest);
    if (merge.conflicts.empty()) {
        message.zh +=
            fmt::format("\n你的修改與其後的修改沒有衝突；以 --version {} 再執行同一指令即可儲存。", latest.version);
        message.en += fmt::format(
            "\nNone of your changes conflict with the later ones; run the same command with "
            "--version {} to save them.",
            latest.version);
        return Conflict(message);
    }
    const Bilingual conflicts = describe_conflicts(merge.conflicts);
    message.zh += "\n" + conflicts.zh;
    message.en += "\n" + conflicts.en;
    return Conflict(message);
}

}  // namespace dplan::cli
