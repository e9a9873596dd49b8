// What `dplan plugin check` does with a plugin once the loader has accepted it: finds the areas
// it names that nothing provides, and runs every one of its rules on sample plans that cover
// every area, so a rule that fails on some section fails here rather than in an office's plan.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "domain/plan.hpp"
#include "plugins/plugin_registry.hpp"

namespace dplan {

struct SamplePlan {
    Bilingual name;
    Plan plan;
};

// The demo plan; a plan with an empty section for every known area; a plan with a filled-in
// section (text, partners, a point without partners) for every known area, the plugin's own
// and the ones it reviews included; then each of `files` (plan JSON, as `plan export --format
// json` writes it). Known areas: the standard five, every loaded plugin's, the plugin's own.
// Throws InvalidInput naming the file when one cannot be read.
std::vector<SamplePlan> plugin_check_samples(const plugins::LoadedPlugin& plugin,
                                             const plugins::PluginRegistry& registry,
                                             const std::vector<std::filesystem::path>& files);

// reviews_areas entries that are neither a standard area nor provided by a loaded plugin (a typo
// there means the plugin's review rules never run), one message each.
std::vector<Bilingual> unknown_reviewed_areas(const plugins::LoadedPlugin& plugin,
                                              const plugins::PluginRegistry& registry);

// One section of one sample the plugin checked: its findings, or why it failed.
struct SampleSectionRun {
    std::size_t sample = 0;  // index into the samples
    std::string area_id;
    std::vector<plugins::Finding> findings;
    std::optional<Bilingual> failure;
};

// Runs the plugin on every section of every sample that it checks (its own area's, and the
// areas it reviews). A failure is recorded and the run goes on.
std::vector<SampleSectionRun> run_on_samples(const plugins::LoadedPlugin& plugin,
                                             const std::vector<SamplePlan>& samples);

}  // namespace dplan
