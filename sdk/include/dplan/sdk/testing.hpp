// District Planner plugin SDK 1.1: a test harness for plugin authors (header-only, C++20).
//
// Runs a plugin's entry in the test's own process, as the host would call it, on sections made
// by hand, so rules and report text are unit-tested without District Planner. It uses no test
// framework; its results are plain values that GoogleTest (or any other) compares and prints.
// Build the test with the plugin's sources (dplan_add_plugin_test() in the CMake package does),
// then:
//
//   #include <dplan/sdk/testing.hpp>
//   using namespace dplan::sdk::testing;
//   TEST(PeerSupport, AsksForEmployers) {
//       Harness plugin;                                   // the plugin compiled into this test
//       const auto findings = plugin.validate({.area_id = "peer_support",
//                                              .objective = {"目標", "Objective"},
//                                              .focus_points = {{{"小組", "Groups"}, {"ngo"}}}});
//       EXPECT_EQ(rule_ids(findings), std::vector<std::string>{"objective-not-smart", "peer-support-employers"});
//   }
//
// A rule that throws makes validate() throw PluginFailed, whose what() names the rule and the
// exception, as the host would report it.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "dplan/sdk/failure.h"
#include "dplan/sdk/indicators.h"
#include "dplan/sdk/panel.h"
#include "dplan/sdk/plugin.h"
#include "dplan/sdk/report.h"
#include "dplan/sdk/section_view.h"
#include "dplan/sdk/service_area.h"
#include "dplan/sdk/validation.h"

// The entry DPLAN_AREA_PLUGIN (or your own code) defines in the plugin's sources.
extern "C" const dplan_plugin_entry dplan_entry;

namespace dplan::sdk::testing {

struct Words {
    std::string zh, en;
    bool operator==(const Words&) const = default;
};

struct TestFocusPoint {
    Words text{};
    std::vector<std::string> partners{};  // sector codes: "ngo", "health", ...
};

// A section as the host passes it. `measurable_indicators`: indicators with a target in
// programmes linked to the section (the host counts them); 0 makes objective-not-smart fire.
struct TestSection {
    std::string area_id{};
    Words objective{};
    std::vector<TestFocusPoint> focus_points{};
    std::size_t measurable_indicators = 1;
};

enum class Severity { note = DPLAN_SEVERITY_NOTE, warning = DPLAN_SEVERITY_WARNING, error = DPLAN_SEVERITY_ERROR };

struct Finding {
    Severity severity = Severity::note;
    std::string rule_id;
    Words message;
    std::int64_t focus_point = -1;  // -1: the section as a whole
    bool operator==(const Finding&) const = default;
};

inline std::vector<std::string> rule_ids(const std::vector<Finding>& findings) {
    std::vector<std::string> ids;
    for (const auto& finding : findings) ids.push_back(finding.rule_id);
    return ids;
}

// The plugin failed as the host would see it: an error status, with what it said about why.
class PluginFailed : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Harness {
  public:
    // Starts the plugin as the host does (init() with an SDK 1.1 host); throws PluginFailed if it fails.
    explicit Harness(const dplan_plugin_entry& entry = dplan_entry) : entry_(entry) {
        host_.sdk_version = {DPLAN_SDK_VERSION_MAJOR, DPLAN_SDK_VERSION_MINOR};
        host_.host_data = this;
        host_.log = &log;
        host_.get_extension = &host_extension;
        if (entry_.init == nullptr || entry_.get_extension == nullptr) throw PluginFailed("entry without init()");
        if (entry_.init(&host_) != DPLAN_OK) throw PluginFailed("init() failed" + said());
    }
    ~Harness() {
        if (entry_.deinit != nullptr) entry_.deinit();
    }
    Harness(const Harness&) = delete;
    Harness& operator=(const Harness&) = delete;

    const dplan_plugin_entry& entry() const { return entry_; }
    // An extension by id, as the host asks for it; nullptr when the plugin has none.
    template <typename Extension>
    const Extension* extension(const char* id) const {
        return static_cast<const Extension*>(entry_.get_extension(id));
    }
    const dplan_service_area* area() const {
        const auto* ext = extension<dplan_service_area_ext>(DPLAN_EXT_SERVICE_AREA);
        return ext != nullptr ? ext->describe() : nullptr;
    }
    std::vector<const dplan_indicator_definition*> indicators() const {
        std::vector<const dplan_indicator_definition*> list;
        if (const auto* ext = extension<dplan_indicator_catalogue_ext>(DPLAN_EXT_INDICATOR_CATALOGUE)) {
            for (std::size_t i = 0; i < ext->count(); ++i) list.push_back(ext->get(i));
        }
        return list;
    }
    // What the host logged from the plugin, one entry per call.
    const std::vector<std::string>& log_lines() const { return log_; }

    std::vector<Finding> validate(const TestSection& section) {
        const auto* ext = extension<dplan_validation_ext>(DPLAN_EXT_VALIDATION);
        if (ext == nullptr) throw PluginFailed("the plugin has no validation extension");
        View view(section);
        std::vector<Finding> findings;
        const dplan_findings_sink sink{&findings, &add_finding};
        failure_.clear();
        if (ext->validate_section(&view.section, &sink) != DPLAN_OK) throw PluginFailed("validating failed" + said());
        return findings;
    }

    std::string report(const TestSection& section, dplan_language language) {
        const auto* ext = extension<dplan_report_ext>(DPLAN_EXT_REPORT);
        if (ext == nullptr) throw PluginFailed("the plugin has no report extension");
        View view(section);
        std::string text;
        const dplan_text_sink sink{&text, [](void* out, const char* utf8, std::size_t length) {
                                       static_cast<std::string*>(out)->append(utf8, length);
                                   }};
        failure_.clear();
        if (ext->section_text(&view.section, language, &sink) != DPLAN_OK) {
            throw PluginFailed("writing report text failed" + said());
        }
        return text;
    }

  private:
    // The C view of a TestSection, alive as long as the call.
    struct View {
        explicit View(const TestSection& source) {
            for (const auto& point : source.focus_points) {
                std::vector<const char*> codes;
                for (const auto& code : point.partners) codes.push_back(code.c_str());
                partners.push_back(std::move(codes));
            }
            for (std::size_t i = 0; i < source.focus_points.size(); ++i) {
                const auto& point = source.focus_points[i];
                points.push_back(
                    {{point.text.zh.c_str(), point.text.en.c_str()}, partners[i].data(), partners[i].size()});
            }
            section = {source.area_id.c_str(),
                       {source.objective.zh.c_str(), source.objective.en.c_str()},
                       points.data(),
                       points.size(),
                       source.measurable_indicators};
        }
        std::vector<std::vector<const char*>> partners;
        std::vector<dplan_focus_point_view> points;
        dplan_section_view section{};
    };

    static void add_finding(void* context, std::int32_t severity, const char* rule_id, dplan_text message,
                            std::int64_t focus_point) {
        static_cast<std::vector<Finding>*>(context)->push_back(
            {static_cast<Severity>(severity), rule_id != nullptr ? rule_id : "",
             Words{message.zh != nullptr ? message.zh : "", message.en != nullptr ? message.en : ""}, focus_point});
    }
    static void log(const dplan_host* host, dplan_log_level, const char* message) {
        static_cast<Harness*>(host->host_data)->log_.emplace_back(message != nullptr ? message : "");
    }
    static void report_failure(const dplan_host* host, const char* part, const char* what) {
        auto& harness = *static_cast<Harness*>(host->host_data);
        harness.failure_ = std::string(": rule '") + (part != nullptr ? part : "?") + "' threw " +
                           (what != nullptr ? std::string("an exception: ") + what : "a non-std exception");
    }
    static const void* host_extension(const dplan_host*, const char* id) {
        static const dplan_failure_ext failure{&report_failure};
        return id != nullptr && std::string(id) == DPLAN_HOST_EXT_FAILURE ? &failure : nullptr;
    }
    std::string said() const { return failure_.empty() ? std::string(" (the plugin did not say why)") : failure_; }

    const dplan_plugin_entry& entry_;
    dplan_host host_{};
    std::string failure_;
    std::vector<std::string> log_;
};

}  // namespace dplan::sdk::testing
