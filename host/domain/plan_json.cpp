#include "domain/plan_json.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <vector>

#include "domain/error.hpp"
#include "domain/section_texts.hpp"
#include "domain/strict_json.hpp"
#include "domain/text_opening.hpp"

namespace dplan {

using nlohmann::json;

namespace {

json bilingual_json(const Bilingual& text) { return {{"zh", text.zh}, {"en", text.en}}; }

[[noreturn]] void bad_field(const std::string& path, std::string_view expected) {
    throw InvalidInput({fmt::format("計劃 JSON 欄位「{}」不正確：應為{}", path, expected),
                        fmt::format("plan JSON field '{}' is invalid: expected {}", path, expected)});
}

// A key the format does not have is refused, not dropped: a misspelt optional text ("objectiv")
// would otherwise be lost without a word, and the save would still make a new revision.
void refuse_unknown_keys(const json& object, const std::string& path, const std::vector<std::string>& known) {
    if (!object.is_object()) return;  // the field readers say what was expected
    for (const auto& [key, value] : object.items()) {
        if (std::find(known.begin(), known.end(), key) != known.end()) continue;
        const auto name = path + opening(key, 64);
        const auto expected = fmt::format("{}", fmt::join(known, ", "));
        throw InvalidInput({fmt::format("計劃 JSON 沒有欄位「{}」；此處可用的欄位：{}", name, expected),
                            fmt::format("plan JSON has no field '{}'; the fields here are: {}", name, expected)});
    }
}

const json& field(const json& object, const std::string& path, const char* name) {
    if (!object.is_object() || !object.contains(name)) bad_field(path + name, "a value (missing)");
    return object.at(name);
}

std::string string_field(const json& object, const std::string& path, const char* name) {
    const json& value = field(object, path, name);
    if (!value.is_string()) bad_field(path + name, "a string");
    return value.get<std::string>();
}

Bilingual bilingual_field(const json& object, const std::string& path, const char* name) {
    const json& value = field(object, path, name);
    const std::string here = path + name + ".";
    refuse_unknown_keys(value, here, {"zh", "en"});
    return {string_field(value, here, "zh"), string_field(value, here, "en")};
}

std::int64_t integer_field(const json& object, const std::string& path, const char* name) {
    const json& value = field(object, path, name);
    if (!value.is_number_integer()) bad_field(path + name, "a whole number");
    return value.get<std::int64_t>();
}

// sections[i] of a plan file; `path` ("sections[0].") names the fields in errors.
PlanSection section_from_json(const json& object, const std::string& path) {
    std::vector<std::string> known{"area", "focus_points"};
    for (const auto& text : section_texts) known.emplace_back(text.key);
    refuse_unknown_keys(object, path, known);
    PlanSection section;
    section.area_id = string_field(object, path, "area");
    for (const auto& text : section_texts) {
        const std::string key(text.key);
        // The objective was there from the first format; texts added later are optional, so
        // files written before them still import.
        if (text.builtin || object.contains(key)) {
            section.*text.member = bilingual_field(object, path, key.c_str());
        }
    }
    const json& points = field(object, path, "focus_points");
    if (!points.is_array()) bad_field(path + "focus_points", "an array");
    for (std::size_t p = 0; p < points.size(); ++p) {
        const std::string point_path = fmt::format("{}focus_points[{}].", path, p);
        refuse_unknown_keys(points[p], point_path, {"id", "text", "partners"});
        FocusPoint point;
        point.id = integer_field(points[p], point_path, "id");
        point.text = bilingual_field(points[p], point_path, "text");
        const json& partners = field(points[p], point_path, "partners");
        if (!partners.is_array()) bad_field(point_path + "partners", "an array");
        for (std::size_t k = 0; k < partners.size(); ++k) {
            const auto sector = partners[k].is_string() ? parse_sector(partners[k].get<std::string>()) : std::nullopt;
            if (!sector) {
                bad_field(fmt::format("{}partners[{}]", point_path, k),
                          "a sector code: ngo, health, education, business, district_group, "
                          "government or resident");
            }
            point.partners.push_back(*sector);
        }
        section.focus_points.push_back(std::move(point));
    }
    return section;
}

}  // namespace

std::string plan_to_json(const Plan& plan) {
    json sections = json::array();
    for (const auto& section : plan.sections) {
        json points = json::array();
        for (const auto& point : section.focus_points) {
            json partners = json::array();
            for (Sector sector : point.partners) partners.push_back(sector_code(sector));
            points.push_back({{"id", point.id}, {"text", bilingual_json(point.text)}, {"partners", partners}});
        }
        json entry = {{"area", section.area_id}, {"focus_points", points}};
        for (const auto& text : section_texts) entry[std::string(text.key)] = bilingual_json(section.*text.member);
        sections.push_back(std::move(entry));
    }
    const json document = {
        {"format", "dplan.plan"},
        {"format_version", plan_json_format_version},
        {"id", plan.id},
        {"district_id", plan.district_id},
        {"financial_year", plan.financial_year},
        {"paper_no", plan.paper_no},
        {"theme", bilingual_json(plan.theme)},
        {"purpose", bilingual_json(plan.purpose)},
        {"advice_sought", bilingual_json(plan.advice_sought)},
        {"council", bilingual_json(plan.council)},
        {"committee", bilingual_json(plan.committee)},
        {"office", bilingual_json(plan.office)},
        {"status", status_code(plan.status)},
        {"version", plan.version},
        {"sections", sections},
    };
    return document.dump(2);
}

Plan plan_from_json(std::string_view text) {
    if (text.size() > plan_json_largest) {
        throw InvalidInput(
            {fmt::format("JSON 有 {} 位元組，超過計劃檔案的上限 {} 位元組", text.size(), plan_json_largest),
             fmt::format("the JSON is {} bytes, more than the limit of {} bytes for a plan", text.size(),
                         plan_json_largest)});
    }
    json document;
    try {
        document = parse_strict_json(text);  // a repeated key or deep nesting: InvalidInput
    } catch (const json::parse_error& e) {
        throw InvalidInput({fmt::format("不是有效的 JSON（位置 {}）：{}", e.byte, e.what()),
                            fmt::format("not valid JSON (at byte {}): {}", e.byte, e.what())});
    } catch (const json::exception& e) {  // a number beyond a double ("2222E884"): out_of_range
        throw InvalidInput({"不是可用的 JSON：有數字超出可表示的範圍", fmt::format("not usable JSON: {}", e.what())});
    }
    if (!document.is_object()) bad_field("(document)", "a JSON object");
    refuse_unknown_keys(
        document, "",
        {"format", "format_version", "id", "district_id", "financial_year", "paper_no", "theme", "purpose",
         "advice_sought", "council", "committee", "office", "status", "version", "sections"});
    if (string_field(document, "", "format") != "dplan.plan") bad_field("format", "\"dplan.plan\"");
    const auto format_version = integer_field(document, "", "format_version");
    if (format_version < 1 || format_version > plan_json_format_version) {
        bad_field("format_version",
                  fmt::format("a version from 1 to {} (this file has {})", plan_json_format_version, format_version));
    }

    Plan plan;
    plan.id = integer_field(document, "", "id");
    plan.district_id = integer_field(document, "", "district_id");
    plan.financial_year = string_field(document, "", "financial_year");
    plan.paper_no = string_field(document, "", "paper_no");
    plan.theme = bilingual_field(document, "", "theme");
    plan.purpose = bilingual_field(document, "", "purpose");
    plan.advice_sought = bilingual_field(document, "", "advice_sought");
    // Files written before plans kept their letterhead lack these: the district's defaults apply.
    for (auto [name, value] : {std::pair{"council", &plan.council}, std::pair{"committee", &plan.committee},
                               std::pair{"office", &plan.office}}) {
        if (document.contains(name)) *value = bilingual_field(document, "", name);
    }
    const auto status = parse_status(string_field(document, "", "status"));
    if (!status) bad_field("status", "draft, submitted, under_review, noted, endorsed or returned");
    plan.status = *status;
    plan.version = static_cast<int>(integer_field(document, "", "version"));

    const json& sections = field(document, "", "sections");
    if (!sections.is_array()) bad_field("sections", "an array");
    for (std::size_t s = 0; s < sections.size(); ++s) {
        plan.sections.push_back(section_from_json(sections[s], fmt::format("sections[{}].", s)));
    }
    return plan;
}

}  // namespace dplan
