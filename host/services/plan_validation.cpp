#include "services/plan_validation.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace dplan {

using plugins::Finding;
using plugins::Severity;

namespace {

// Runs one plugin over one section; a failing plugin is disabled and its failure reported.
void run_plugin(const plugins::LoadedPlugin& plugin, const PlanSection& section,
                plugins::PluginRegistry& registry, std::vector<Finding>& findings) {
    try {
        // Programmes and their indicators are not linked to focus points yet (the programmes
        // issue adds them), so no section has a measurable indicator today.
        auto section_findings = plugin.validate(section, 0);
        findings.insert(findings.end(), section_findings.begin(), section_findings.end());
    } catch (const plugins::PluginFailure& failure) {
        const std::string plugin_id = plugin.id();
        findings.push_back({plugin_id, section.area_id, Severity::warning, "plugin-failed",
                            {failure.message().zh + "；此部分的檢查已略過，外掛已停用",
                             failure.message().en + "; this section's checks were skipped and the "
                                                    "plugin was disabled"},
                            std::nullopt});
        registry.disable(plugin_id, failure.message());
    }
}

}  // namespace

std::vector<Finding> validate_plan(const Plan& plan, plugins::PluginRegistry& registry) {
    std::vector<Finding> findings;
    for (const auto& section : plan.sections) {
        if (const auto* plugin = registry.find_area(section.area_id)) {
            run_plugin(*plugin, section, registry, findings);
        } else {
            findings.push_back({"", section.area_id, Severity::warning, "area-plugin-missing",
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
        for (const auto* reviewer : reviewers) run_plugin(*reviewer, section, registry, findings);
    }
    return findings;
}

bool has_errors(const std::vector<Finding>& findings) {
    return std::any_of(findings.begin(), findings.end(),
                       [](const Finding& f) { return f.severity == Severity::error; });
}

}  // namespace dplan
