#include "services/plan_validation.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "storage/programme_repository.hpp"

namespace dplan {

using plugins::Finding;
using plugins::Severity;

namespace {

// Runs one plugin over one section; a failing plugin is disabled and its failure reported.
void run_plugin(const plugins::LoadedPlugin& plugin, const PlanSection& section, std::size_t measurable,
                plugins::PluginRegistry& registry, std::vector<Finding>& findings) {
    try {
        auto section_findings = plugin.validate(section, measurable);
        findings.insert(findings.end(), section_findings.begin(), section_findings.end());
    } catch (const plugins::PluginFailure& failure) {
        const std::string plugin_id = plugin.id();
        findings.push_back({plugin_id,
                            section.area_id,
                            Severity::warning,
                            "plugin-failed",
                            {fmt::format("{}。外掛「{}」對此部分的檢查結果不予顯示，並已停用，"
                                         "本次不再檢查其後各部分；其他外掛的檢查不受影響",
                                         failure.message().zh, plugin_id),
                             fmt::format("{}. Findings of '{}' on this section are not shown, and it was "
                                         "disabled, so it checks none of the sections after this one in this "
                                         "run; other plugins' checks are unaffected",
                                         failure.message().en, plugin_id)},
                            std::nullopt});
        registry.disable(plugin_id, failure.message());
    }
}

}  // namespace

std::vector<Finding> validate_plan(const Plan& plan, plugins::PluginRegistry& registry,
                                   const std::map<std::string, std::size_t>& measurable) {
    std::vector<Finding> findings;
    for (const auto& section : plan.sections) {
        const auto counted = measurable.find(section.area_id);
        const std::size_t indicators = counted == measurable.end() ? 0 : counted->second;
        if (const auto* plugin = registry.find_area(section.area_id)) {
            run_plugin(*plugin, section, indicators, registry, findings);
        } else {
            findings.push_back({"",
                                section.area_id,
                                Severity::warning,
                                "area-plugin-missing",
                                {fmt::format("未有載入「{}」範疇的外掛，此部分未經檢查", section.area_id),
                                 fmt::format("no plugin for service area '{}' is loaded, so this "
                                             "section was not checked",
                                             section.area_id)},
                                std::nullopt});
        }
        // Plugins that review this area too (an NGO line across areas). Collected first: a
        // failing plugin is removed from the registry while we go.
        std::vector<const plugins::LoadedPlugin*> reviewers;
        for (const auto& plugin : registry.loaded()) {
            if (plugin->reviews(section.area_id)) reviewers.push_back(plugin.get());
        }
        for (const auto* reviewer : reviewers) run_plugin(*reviewer, section, indicators, registry, findings);
    }
    return findings;
}

std::vector<Finding> validate_stored_plan(Database& db, const Plan& plan, plugins::PluginRegistry& registry) {
    return validate_plan(plan, registry, ProgrammeRepository(db).measurable_indicators(plan.id));
}

bool has_errors(const std::vector<Finding>& findings) {
    return std::any_of(findings.begin(), findings.end(),
                       [](const Finding& f) { return f.severity == Severity::error; });
}

}  // namespace dplan
