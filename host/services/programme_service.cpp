#include "services/programme_service.hpp"

#include <fmt/format.h>

#include "domain/indicator_unit.hpp"
#include "domain/period.hpp"
#include "services/audit_fields.hpp"
#include "services/audit_trail.hpp"
#include "services/authorization.hpp"
#include "services/subjects.hpp"
#include "storage/achievement_queries.hpp"
#include "storage/database.hpp"
#include "storage/plan_repository.hpp"
#include "storage/programme_repository.hpp"

namespace dplan {

namespace {

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

void require_indicator_shape(const Indicator& indicator) {
    if (indicator.code.empty() || indicator.code.size() > 32) {
        throw InvalidInput({"指標代號須為 1 至 32 個字元", "the indicator code must be 1 to 32 characters"});
    }
    if (!is_indicator_unit(indicator.unit)) {
        throw InvalidInput(
            {fmt::format("不明單位「{}」", indicator.unit),
             fmt::format("unknown unit '{}'; choose one with --unit or --from-catalogue", indicator.unit)});
    }
    if (indicator.kind == IndicatorKind::outcome && indicator.unit != "percent") {
        throw InvalidInput({"成效指標以百分比計算", "outcome indicators are measured in percent"});
    }
}

}  // namespace

ProgrammeService::ProgrammeService(Database& db, User actor) : db_(db), actor_(std::move(actor)) {}

std::vector<Programme> ProgrammeService::list() {
    return ProgrammeRepository(db_).list(authorize_list(actor_, Operation::read_programme));
}

Programme ProgrammeService::get(std::int64_t programme_id) {
    Programme programme = ProgrammeRepository(db_).get(programme_id);
    authorize(actor_, Operation::read_programme, programme_subject(programme));
    return programme;
}

std::int64_t ProgrammeService::create(Programme programme) {
    // An officer's programme is in their district, an NGO's run by their organisation, unless said.
    if (!programme.district_id) programme.district_id = actor_.district_id;
    if (!programme.organisation_id) programme.organisation_id = actor_.organisation_id;
    authorize(actor_, Operation::create_programme, programme_subject(programme));
    require_period(programme.period_start, programme.period_end);
    return db_.write("create programme", [&] {
        const auto id = ProgrammeRepository(db_).create(programme);
        record_audit(db_, actor_,
                     {"create programme", "programme", std::to_string(id),
                      changed_fields(nullptr, programme_fields(programme))});
        return id;
    });
}

void ProgrammeService::link_focus_point(std::int64_t programme_id, std::int64_t focus_point_id) {
    ProgrammeRepository programmes(db_);
    const Programme programme = programmes.get(programme_id);
    authorize(actor_, Operation::edit_programme, programme_subject(programme));
    const auto plan_id = programmes.plan_of_focus_point(focus_point_id);
    if (!plan_id) {
        throw NotFound({fmt::format("找不到編號 {} 的工作計劃重點", focus_point_id),
                        fmt::format("no focus point with id {} (see 'dplan plan show ID --ids')", focus_point_id)});
    }
    // Linking changes what the plan can show as measurable, so it is a change to the plan.
    const Plan plan = PlanRepository(db_).get(*plan_id);
    authorize(actor_, Operation::edit_plan, plan_subject(plan));
    if (plan.status != PlanStatus::draft && plan.status != PlanStatus::returned) {
        throw InvalidInput(
            {fmt::format("計劃 {} 的狀態為「{}」，已凍結；只可連結至草擬中或發還修訂的計劃", plan.id,
                         status_name(plan.status).zh),
             fmt::format("plan {} is {} and frozen; programmes can only be linked to draft or returned plans", plan.id,
                         status_name(plan.status).en)});
    }
    if (programme.district_id && *programme.district_id != plan.district_id) {
        throw InvalidInput({fmt::format("服務計劃 {} 與計劃 {} 不屬同一地區", programme_id, plan.id),
                            fmt::format("programme {} and plan {} are in different districts", programme_id, plan.id)});
    }
    db_.write("link programme to focus point", [&] {
        programmes.touch(programme_id, std::nullopt);
        programmes.link_focus_point(programme_id, focus_point_id);
        record_audit(db_, actor_,
                     {"link programme to focus point", "programme", std::to_string(programme_id),
                      changed_fields(nullptr, {{"focus_points", {{std::to_string(focus_point_id), true}}}})});
    });
}

std::vector<Indicator> ProgrammeService::indicators(std::int64_t programme_id) {
    get(programme_id);
    return ProgrammeRepository(db_).indicators(programme_id);
}

void ProgrammeService::put_indicator(const Indicator& indicator, std::optional<int> seen_version) {
    ProgrammeRepository programmes(db_);
    authorize(actor_, Operation::edit_programme, programme_subject(programmes.get(indicator.programme_id)));
    require_indicator_shape(indicator);
    db_.write("define indicator", [&] {
        std::optional<Indicator> before;
        for (auto& stored : programmes.indicators(indicator.programme_id)) {
            if (stored.code == indicator.code) before = std::move(stored);
        }
        programmes.touch(indicator.programme_id, seen_version);
        programmes.put_indicator(indicator);
        const auto as_field = [&](const std::optional<Indicator>& value) {
            return value ? nlohmann::json{{"indicators", {{indicator.code, indicator_fields(*value)}}}}
                         : nlohmann::json();
        };
        record_audit(db_, actor_,
                     {"define indicator", "programme", std::to_string(indicator.programme_id),
                      changed_fields(as_field(before), as_field(indicator))});
    });
}

Indicator ProgrammeService::indicator(std::int64_t programme_id, const std::string& code) {
    for (auto& found : ProgrammeRepository(db_).indicators(programme_id)) {
        if (found.code == code) return found;
    }
    throw NotFound({fmt::format("計劃 {} 沒有指標 {}", programme_id, code),
                    fmt::format("programme {} has no indicator {}", programme_id, code)});
}

Indicator ProgrammeService::record_reading(std::int64_t programme_id, const std::string& code, double value,
                                           const std::string& period_start, const std::string& period_end) {
    ProgrammeRepository programmes(db_);
    authorize(actor_, Operation::record_reading, programme_subject(programmes.get(programme_id)));
    require_period(period_start, period_end);
    db_.write("store reading", [&] {
        std::optional<double> before;
        for (const auto& [reading_code, reading] : programmes.current_readings(programme_id)) {
            if (reading_code == code && reading.period_start == period_start && reading.period_end == period_end) {
                before = reading.value;
            }
        }
        programmes.add_reading(indicator(programme_id, code).id, value, period_start, period_end, actor_.id);
        record_audit(db_, actor_,
                     {"record reading", "programme", std::to_string(programme_id),
                      changed_fields(before ? reading_fields(code, period_start, period_end, *before) : nullptr,
                                     reading_fields(code, period_start, period_end, value))});
    });
    return indicator(programme_id, code);
}

std::vector<Reading> ProgrammeService::history(std::int64_t programme_id, const std::string& code) {
    get(programme_id);
    return ProgrammeRepository(db_).readings(indicator(programme_id, code).id);
}

IndicatorImportResult ProgrammeService::import_csv(std::string_view csv, bool dry_run, const ImportProgress& progress) {
    if (!may_ever(actor_, Operation::record_reading)) authorize(actor_, Operation::record_reading);  // throws
    const auto may_report = [this](const Programme& programme) {
        authorize(actor_, Operation::record_reading, programme_subject(programme));
    };
    return import_indicator_csv(db_, csv, actor_, may_report, dry_run, progress);
}

IndicatorImportResult ProgrammeService::import_csv_file(const std::filesystem::path& file, bool dry_run,
                                                        const ImportProgress& progress) {
    if (!may_ever(actor_, Operation::record_reading)) authorize(actor_, Operation::record_reading);  // throws
    const auto may_report = [this](const Programme& programme) {
        authorize(actor_, Operation::record_reading, programme_subject(programme));
    };
    return import_indicator_csv_file(db_, file, actor_, may_report, dry_run, progress);
}

ReportImportResult ProgrammeService::import_report(std::string_view text, const ReportImportOptions& options) {
    if (!may_ever(actor_, Operation::record_reading)) authorize(actor_, Operation::record_reading);  // throws
    const ProgrammeReportText report = read_programme_report(text);
    ReportImportChecks checks;
    checks.may_create = [this](Programme& programme) {
        if (!programme.district_id) programme.district_id = actor_.district_id;
        if (!programme.organisation_id) programme.organisation_id = actor_.organisation_id;
        const Subject subject = programme_subject(programme);
        authorize(actor_, Operation::create_programme, subject);
        authorize(actor_, Operation::edit_programme, subject);
        authorize(actor_, Operation::record_reading, subject);
    };
    checks.may_report = [this](const Programme& programme) {
        const Subject subject = programme_subject(programme);
        authorize(actor_, Operation::edit_programme, subject);
        authorize(actor_, Operation::record_reading, subject);
    };
    return import_programme_report(db_, report, options, actor_, checks);
}

ReportImportResult ProgrammeService::import_report_file(const std::filesystem::path& file,
                                                        const ReportImportOptions& options) {
    if (!may_ever(actor_, Operation::record_reading)) authorize(actor_, Operation::record_reading);  // throws
    return import_report(report_file_text(file), options);
}

std::string ProgrammeService::export_csv() {
    ProgrammeRepository programmes(db_);
    const auto number = [](double value) { return fmt::format("{}", value); };
    std::string out = fmt::format("{},{}\n", indicator_csv_header, indicator_csv_english_column);
    for (const auto& programme : programmes.list(authorize_list(actor_, Operation::read_programme))) {
        const auto readings = programmes.current_readings(programme.id);
        for (const auto& indicator : programmes.indicators(programme.id)) {
            const std::string definition =
                fmt::format("{},{},{},{},{},{}", csv_field(programme.name.zh), csv_field(indicator.code),
                            indicator_kind_code(indicator.kind), csv_field(indicator.description.zh), indicator.unit,
                            indicator.target ? number(*indicator.target) : std::string());
            const std::string english = csv_field(indicator.description.en);
            bool any = false;
            for (const auto& [code, reading] : readings) {
                if (code != indicator.code) continue;
                any = true;
                out += fmt::format("{},{},{},{},{}\n", definition, number(reading.value), reading.period_start,
                                   reading.period_end, english);
            }
            if (!any) {
                out += fmt::format("{},,{},{},{}\n", definition, programme.period_start, programme.period_end, english);
            }
        }
    }
    return out;
}

std::vector<AchievementGroup> ProgrammeService::summary(AchievementGrouping grouping, AchievementFilter filter) {
    filter.scope = authorize_list(actor_, Operation::read_programme);
    return summarise_achievement(db_, grouping, filter);
}

std::vector<ShortfallRow> ProgrammeService::shortfalls(AchievementFilter filter, int limit) {
    filter.scope = authorize_list(actor_, Operation::read_programme);
    return furthest_below_target(db_, filter, limit);
}

std::vector<PlanIndicator> ProgrammeService::plan_indicators(std::int64_t plan_id) {
    const ReadScope scope = authorize_list(actor_, Operation::read_programme);
    authorize(actor_, Operation::read_plan, plan_subject(PlanRepository(db_).get(plan_id)));
    return ProgrammeRepository(db_).plan_indicators(plan_id, scope);
}

}  // namespace dplan
