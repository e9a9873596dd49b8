#include "plugins/loaded_plugin.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <utility>

#include "dplan/sdk/failure.h"
#include "dplan/sdk/indicators.h"
#include "dplan/sdk/panel.h"
#include "dplan/sdk/service_area.h"
#include "plugins/contribution_reader.hpp"
#include "plugins/section_view.hpp"
#include "plugins/utf8.hpp"

namespace dplan::plugins {

namespace {

// What the host was doing when a plugin failed, as the message says it.
const Bilingual starting{"啟動（init()）", "starting (init)"};
const Bilingual describing{"提供其內容", "describing its contributions"};
const Bilingual validating{"檢查計劃部分", "validating"};
const Bilingual writing_report{"撰寫報告文字", "writing report text"};

[[noreturn]] void fail(const std::string& id, const Bilingual& doing, const Bilingual& what) {
    throw PluginFailure({fmt::format("外掛「{}」在{}時失敗：{}", id, doing.zh, what.zh),
                         fmt::format("plugin '{}' failed while {}: {}", id, doing.en, what.en)});
}

Bilingual threw(const std::exception& e) {
    return {fmt::format("拋出異常：「{}」", e.what()), fmt::format("it threw an exception: {}", e.what())};
}
const Bilingual threw_unknown{"拋出異常", "it threw an exception"};

Bilingual returned(dplan_status status) {
    return {fmt::format("傳回狀態 {}", static_cast<int>(status)),
            fmt::format("it returned status {}", static_cast<int>(status))};
}

// A failing call's status, with what the plugin said about it through dplan.failure/1.
Bilingual returned(dplan_status status, const std::optional<PluginFailureReport>& report) {
    if (!report) return returned(status);
    const std::string part = report->part.empty() ? "?" : report->part;
    if (!report->what) {
        return {fmt::format("規則「{}」拋出異常（不是 std::exception）", part),
                fmt::format("rule '{}' threw an exception that is not a std::exception", part)};
    }
    return {fmt::format("規則「{}」拋出異常：「{}」", part, *report->what),
            fmt::format("rule '{}' threw an exception: {}", part, *report->what)};
}

void log_from_plugin(const dplan_host* host, dplan_log_level level, const char* message) {
    if (host == nullptr || message == nullptr) return;
    const auto* plugin = static_cast<const LoadedPlugin*>(host->host_data);
    const std::string text = is_valid_utf8(message) ? message : "(message was not valid UTF-8)";
    switch (level) {
        case DPLAN_LOG_ERROR:
            spdlog::error("[{}] {}", plugin->id(), text);
            break;
        case DPLAN_LOG_WARNING:
            spdlog::warn("[{}] {}", plugin->id(), text);
            break;
        case DPLAN_LOG_INFO:
            spdlog::info("[{}] {}", plugin->id(), text);
            break;
        default:
            spdlog::debug("[{}] {}", plugin->id(), text);
    }
}

// dplan.failure/1: a plugin says what failed before it returns an error. Kept until the host
// has read it after the call.
void report_failure(const dplan_host* host, const char* part, const char* what) {
    if (host == nullptr) return;
    auto* plugin = static_cast<const LoadedPlugin*>(host->host_data);
    PluginFailureReport report;
    report.part = part != nullptr && is_valid_utf8(part) ? part : "";
    if (what != nullptr) report.what = is_valid_utf8(what) ? what : "(not valid UTF-8)";
    plugin->take_failure_report(std::move(report));
}

const dplan_failure_ext failure_extension{&report_failure};

const void* host_extension(const dplan_host*, const char* extension_id) {
    if (extension_id != nullptr && std::string_view(extension_id) == DPLAN_HOST_EXT_FAILURE) return &failure_extension;
    return nullptr;
}

struct FindingCollector {
    const std::string* plugin_id;
    const std::string* area_id;
    std::size_t focus_point_count;
    std::vector<Finding> findings;
    Bilingual problem;  // the first invalid finding, if any
};

void collect_finding(void* context, std::int32_t severity, const char* rule_id, dplan_text message,
                     std::int64_t focus_point_index) {
    auto& collector = *static_cast<FindingCollector*>(context);
    try {
        Finding finding;
        finding.plugin_id = *collector.plugin_id;
        finding.area_id = *collector.area_id;
        if (severity < DPLAN_SEVERITY_NOTE || severity > DPLAN_SEVERITY_ERROR) {
            throw InvalidPluginData({"嚴重程度不正確", "finding severity out of range"});
        }
        finding.severity = static_cast<Severity>(severity);
        finding.rule_id = plugin_string(rule_id, "finding rule_id");
        finding.message = plugin_text(message, "finding message");
        if (focus_point_index < -1 || focus_point_index >= static_cast<std::int64_t>(collector.focus_point_count)) {
            throw InvalidPluginData({"工作計劃重點編號超出範圍", "finding names a focus point that does not exist"});
        }
        if (focus_point_index >= 0) finding.focus_point_index = static_cast<std::size_t>(focus_point_index);
        collector.findings.push_back(std::move(finding));
    } catch (const Error& e) {
        if (collector.problem.en.empty()) collector.problem = e.message();
    }
}

void append_text(void* context, const char* text, std::size_t length) {
    if (text != nullptr) static_cast<std::string*>(context)->append(text, length);
}

}  // namespace

LoadedPlugin::LoadedPlugin(PluginManifest manifest, boost::shared_ptr<const dplan_plugin_entry> entry)
    : entry_(std::move(entry)), manifest_(std::move(manifest)) {
    host_.sdk_version = {DPLAN_SDK_VERSION_MAJOR, DPLAN_SDK_VERSION_MINOR};
    host_.host_data = this;
    host_.log = &log_from_plugin;
    host_.get_extension = &host_extension;

    if (entry_->init == nullptr || entry_->get_extension == nullptr) {
        fail(id(), starting, {"入口沒有 init() 或 get_extension()", "its entry has no init() or get_extension()"});
    }
    dplan_status status = DPLAN_ERROR;
    try {
        status = entry_->init(&host_);
    } catch (const std::exception& e) {
        fail(id(), starting, threw(e));
    } catch (...) {
        fail(id(), starting, threw_unknown);
    }
    if (status != DPLAN_OK) fail(id(), starting, returned(status, std::exchange(failure_report_, std::nullopt)));
    initialised_ = true;
    try {
        read_contributions();
    } catch (const InvalidPluginData&) {
        throw;  // already names the field; read_contributions() has called deinit()
    } catch (const std::exception& e) {
        fail(id(), describing, threw(e));
    } catch (...) {
        fail(id(), describing, threw_unknown);
    }
}

LoadedPlugin::~LoadedPlugin() {
    if (!initialised_ || entry_->deinit == nullptr) return;
    try {
        entry_->deinit();
    } catch (...) {
        spdlog::warn("plugin '{}' threw an exception while shutting down", id());
    }
}

void LoadedPlugin::read_contributions() {
    // If anything below throws, deinit before the exception leaves the constructor.
    struct DeinitOnFailure {
        LoadedPlugin& plugin;
        bool armed = true;
        ~DeinitOnFailure() {
            if (armed && plugin.entry_->deinit != nullptr) {
                try {
                    plugin.entry_->deinit();
                } catch (...) {
                }
                plugin.initialised_ = false;
            }
        }
    } guard{*this};

    auto extension = [&](const char* ext_id) {
        const void* found = entry_->get_extension(ext_id);
        if (found != nullptr) extensions_.emplace_back(ext_id);
        return found;
    };
    if (const auto* ext = static_cast<const dplan_service_area_ext*>(extension(DPLAN_EXT_SERVICE_AREA))) {
        if (ext->describe == nullptr)
            throw InvalidPluginData({"describe() 為 NULL", "returned invalid data: service area describe() is NULL"});
        area_ = read_service_area(ext->describe());
        if (area_->id != id()) {
            throw InvalidPluginData(
                {fmt::format("服務範疇代號「{}」與 plugin.json 的「{}」不符", area_->id, id()),
                 fmt::format("returned invalid data: service area id '{}' differs from the plugin id '{}'", area_->id,
                             id())});
        }
    }
    if (const auto* ext = static_cast<const dplan_indicator_catalogue_ext*>(extension(DPLAN_EXT_INDICATOR_CATALOGUE))) {
        indicators_ = read_indicators(*ext);
    }
    if (const auto* ext = static_cast<const dplan_panel_ext*>(extension(DPLAN_EXT_PANEL))) {
        panels_ = read_panels(*ext);
    }
    validation_ = static_cast<const dplan_validation_ext*>(extension(DPLAN_EXT_VALIDATION));
    if (validation_ != nullptr) {
        if (validation_->validate_section == nullptr) {
            throw InvalidPluginData({"validate_section 為 NULL", "returned invalid data: validate_section is NULL"});
        }
        if (validation_->also_reviews_area_count > 0 && validation_->also_reviews_areas == nullptr) {
            throw InvalidPluginData(
                {"also_reviews_areas 為 NULL", "returned invalid data: also_reviews_areas is NULL"});
        }
        for (std::size_t i = 0; i < validation_->also_reviews_area_count; ++i) {
            reviewed_areas_.push_back(
                plugin_string(validation_->also_reviews_areas[i], fmt::format("also_reviews_areas[{}]", i)));
        }
    }
    report_ = static_cast<const dplan_report_ext*>(extension(DPLAN_EXT_REPORT));
    if (report_ != nullptr && report_->section_text == nullptr) {
        throw InvalidPluginData({"section_text 為 NULL", "returned invalid data: section_text is NULL"});
    }
    guard.armed = false;
}

bool LoadedPlugin::reviews(std::string_view area_id) const {
    return std::find(reviewed_areas_.begin(), reviewed_areas_.end(), area_id) != reviewed_areas_.end();
}

std::vector<Finding> LoadedPlugin::validate(const PlanSection& section, std::size_t measurable_indicator_count) const {
    if (validation_ == nullptr) return {};
    const SectionView view(section, measurable_indicator_count);
    FindingCollector collector{&manifest_.id, &section.area_id, section.focus_points.size(), {}, {}};
    const dplan_findings_sink sink{&collector, &collect_finding};
    dplan_status status = DPLAN_ERROR;
    failure_report_.reset();
    try {
        status = validation_->validate_section(view.get(), &sink);
    } catch (const std::exception& e) {
        fail(id(), validating, threw(e));
    } catch (...) {
        fail(id(), validating, threw_unknown);
    }
    if (status != DPLAN_OK) fail(id(), validating, returned(status, std::exchange(failure_report_, std::nullopt)));
    if (!collector.problem.en.empty()) fail(id(), validating, collector.problem);
    return std::move(collector.findings);
}

std::string LoadedPlugin::report(const PlanSection& section, Language language) const {
    if (report_ == nullptr) return {};
    const SectionView view(section, 0);
    std::string text;
    const dplan_text_sink sink{&text, &append_text};
    dplan_status status = DPLAN_ERROR;
    failure_report_.reset();
    try {
        status =
            report_->section_text(view.get(), language == Language::zh ? DPLAN_LANGUAGE_ZH : DPLAN_LANGUAGE_EN, &sink);
    } catch (const std::exception& e) {
        fail(id(), writing_report, threw(e));
    } catch (...) {
        fail(id(), writing_report, threw_unknown);
    }
    if (status != DPLAN_OK) fail(id(), writing_report, returned(status, std::exchange(failure_report_, std::nullopt)));
    if (!is_valid_utf8(text)) fail(id(), writing_report, {"文字不是有效的 UTF-8", "the text is not valid UTF-8"});
    return text;
}

}  // namespace dplan::plugins
