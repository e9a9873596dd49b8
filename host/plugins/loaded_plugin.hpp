// A plugin that passed every check and is running. Its contributions were copied and checked at
// load time; validate() and report() call into it and turn any failure into PluginFailure.
#pragma once

#include <boost/shared_ptr.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/error.hpp"
#include "domain/plan.hpp"
#include "dplan/sdk/plugin.h"
#include "dplan/sdk/report.h"
#include "dplan/sdk/validation.h"
#include "plugins/contributions.hpp"
#include "plugins/manifest.hpp"

namespace dplan::plugins {

// A plugin failed while the host was calling it (error status, exception, invalid result).
class PluginFailure : public Error {
    using Error::Error;
};

// What a plugin said about its own failure (dplan.failure/1), before it returned an error.
struct PluginFailureReport {
    std::string part;                 // a rule id, "report", ...; empty when it did not say
    std::optional<std::string> what;  // an exception's text; none: not a std::exception
};

class LoadedPlugin {
  public:
    // Calls the plugin's init() and reads its contributions; throws InvalidPluginData or
    // PluginFailure (after deinit) when it fails.
    // `entry` comes from boost::dll::import and keeps the library loaded while it lives.
    LoadedPlugin(PluginManifest manifest, boost::shared_ptr<const dplan_plugin_entry> entry);
    ~LoadedPlugin();
    LoadedPlugin(const LoadedPlugin&) = delete;
    LoadedPlugin& operator=(const LoadedPlugin&) = delete;

    const PluginManifest& manifest() const { return manifest_; }
    const std::string& id() const { return manifest_.id; }
    const std::optional<ServiceArea>& area() const { return area_; }
    const std::vector<IndicatorDefinition>& indicators() const { return indicators_; }
    const std::vector<Panel>& panels() const { return panels_; }
    const std::vector<std::string>& extensions() const { return extensions_; }

    bool can_validate() const { return validation_ != nullptr; }
    // Other areas whose sections this plugin also checks.
    const std::vector<std::string>& reviewed_areas() const { return reviewed_areas_; }
    bool reviews(std::string_view area_id) const;
    bool can_report() const { return report_ != nullptr; }

    std::vector<Finding> validate(const PlanSection& section, std::size_t measurable_indicator_count) const;
    std::string report(const PlanSection& section, Language language) const;

    // Called by the host extension while the plugin runs; read after the failing call.
    void take_failure_report(PluginFailureReport report) const { failure_report_ = std::move(report); }

  private:
    void read_contributions();

    // Declared first so it is destroyed last: it holds the library, and nothing may outlive
    // the code it points into.
    boost::shared_ptr<const dplan_plugin_entry> entry_;
    PluginManifest manifest_;
    dplan_host host_{};
    bool initialised_ = false;

    std::optional<ServiceArea> area_;
    std::vector<IndicatorDefinition> indicators_;
    std::vector<Panel> panels_;
    std::vector<std::string> extensions_;
    std::vector<std::string> reviewed_areas_;
    const dplan_validation_ext* validation_ = nullptr;
    const dplan_report_ext* report_ = nullptr;
    mutable std::optional<PluginFailureReport> failure_report_;
};

}  // namespace dplan::plugins
