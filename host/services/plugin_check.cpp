#include "services/plugin_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "domain/error.hpp"
#include "domain/plan_json.hpp"
#include "services/demo.hpp"
#include "services/service_areas.hpp"

namespace dplan {

namespace {

bool contains(const std::vector<std::string>& list, std::string_view item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

std::vector<std::string> known_areas(const plugins::LoadedPlugin& plugin, const plugins::PluginRegistry& registry) {
    std::vector<std::string> areas(std::begin(standard_area_ids), std::end(standard_area_ids));
    auto add = [&](const std::string& id) {
        if (!contains(areas, id)) areas.push_back(id);
    };
    for (const auto& loaded : registry.loaded()) {
        if (loaded->area()) add(loaded->area()->id);
    }
    if (plugin.area()) add(plugin.area()->id);
    return areas;
}

// A section with what a rule should cope with: text in both languages, partners, and a point
// with no partner.
PlanSection filled_section(const std::string& area_id) {
    return {0,
            area_id,
            {"測試目標", "Test objective"},
            {{0, {"與學校合作的測試重點", "A test focus point with schools"}, {Sector::education, Sector::ngo}},
             {0, {"沒有合作界別的測試重點", "A test focus point with no partner"}, {}},
             {0, {"只有中文的測試重點", ""}, {Sector::resident}}}};
}

Plan read_sample_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw InvalidInput({fmt::format("無法讀取範例計劃檔案 {}", file.string()),
                            fmt::format("cannot read the sample plan file {}", file.string())});
    }
    std::ostringstream text;
    text << in.rdbuf();
    try {
        return plan_from_json(text.str());
    } catch (const Error& e) {
        throw InvalidInput({fmt::format("{}：{}", file.string(), e.message().zh),
                            fmt::format("{}: {}", file.string(), e.message().en)});
    }
}

}  // namespace

std::vector<SamplePlan> plugin_check_samples(const plugins::LoadedPlugin& plugin,
                                             const plugins::PluginRegistry& registry,
                                             const std::vector<std::filesystem::path>& files) {
    std::vector<std::string> areas = known_areas(plugin, registry);
    for (const auto& reviewed : plugin.reviewed_areas()) {
        if (!contains(areas, reviewed)) areas.push_back(reviewed);
    }
    std::vector<SamplePlan> samples;
    samples.push_back({{"示範計劃（河畔區 2024-25）", "the demo plan (Riverside 2024-25)"}, demo_plan()});
    SamplePlan empty{{"空白計劃（每個範疇一個空白部分）", "an empty plan (an empty section for every area)"}, {}};
    SamplePlan filled{{"範例計劃（每個範疇一個已填寫的部分，包括此外掛的範疇）",
                       "a sample plan (a filled-in section for every area, this plugin's own included)"},
                      {}};
    for (const auto& area : areas) {
        empty.plan.sections.push_back({0, area, {}, {}});
        filled.plan.sections.push_back(filled_section(area));
    }
    samples.push_back(std::move(empty));
    samples.push_back(std::move(filled));
    for (const auto& file : files) {
        samples.push_back(
            {{fmt::format("範例計劃檔案 {}", file.string()), fmt::format("sample file {}", file.string())},
             read_sample_file(file)});
    }
    return samples;
}

std::vector<Bilingual> unknown_reviewed_areas(const plugins::LoadedPlugin& plugin,
                                              const plugins::PluginRegistry& registry) {
    const std::vector<std::string> areas = known_areas(plugin, registry);
    std::vector<Bilingual> problems;
    for (const auto& reviewed : plugin.reviewed_areas()) {
        if (contains(areas, reviewed)) continue;
        problems.push_back({fmt::format("reviews_areas 的「{}」不是已知的服務範疇代號，其檢查規則永不會執行。"
                                        "已知的範疇：「{}」",
                                        reviewed, fmt::join(areas, "」、「")),
                            fmt::format("reviews_areas names '{}', which is no known service area, so its review "
                                        "rules would never run. Known areas: {}",
                                        reviewed, fmt::join(areas, ", "))});
    }
    return problems;
}

std::vector<SampleSectionRun> run_on_samples(const plugins::LoadedPlugin& plugin,
                                             const std::vector<SamplePlan>& samples) {
    const std::string own_area = plugin.area() ? plugin.area()->id : plugin.id();
    std::vector<SampleSectionRun> runs;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        for (const auto& section : samples[i].plan.sections) {
            if (section.area_id != own_area && !plugin.reviews(section.area_id)) continue;
            SampleSectionRun run{i, section.area_id, {}, std::nullopt};
            try {
                run.findings = plugin.validate(section, section.focus_points.empty() ? 0 : 1);
            } catch (const plugins::PluginFailure& failure) {
                run.failure = failure.message();
            }
            runs.push_back(std::move(run));
        }
    }
    return runs;
}

}  // namespace dplan
