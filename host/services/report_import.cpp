#include "services/report_import.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include "domain/error.hpp"
#include "domain/period.hpp"
#include "services/audit_fields.hpp"
#include "services/audit_trail.hpp"
#include "services/pdf_text.hpp"
#include "storage/database.hpp"
#include "storage/programme_repository.hpp"

namespace dplan {

namespace {

// Every problem, one line each, as the CSV import lists them.
class Problems {
  public:
    void add(int line, const Bilingual& message) {
        zh_ += fmt::format("\n  第 {} 行：{}", line, message.zh);
        en_ += fmt::format("\n  line {}: {}", line, message.en);
        ++count_;
    }
    void add(const Bilingual& message) {
        zh_ += "\n  " + message.zh;
        en_ += "\n  " + message.en;
        ++count_;
    }
    void throw_if_any() const {
        if (count_ == 0) return;
        throw InvalidInput({fmt::format("報告有 {} 項問題，未有匯入任何資料：{}", count_, zh_),
                            fmt::format("the report has {} problem(s); nothing was imported:{}", count_, en_)});
    }

  private:
    std::string zh_, en_;
    std::size_t count_ = 0;
};

std::string target_words(const std::optional<double>& target) {
    return target ? format_number(*target) : std::string("–");
}

Indicator definition_of(const ReportIndicator& found, std::int64_t programme_id) {
    Indicator indicator;
    indicator.programme_id = programme_id;
    indicator.code = found.code;
    indicator.kind = found.kind;
    indicator.description = found.description;
    indicator.unit = found.unit;
    indicator.target = found.target;
    return indicator;
}

// Matches the report's indicators with the stored ones and checks the readings' period against
// what is stored. Runs inside the import's transaction (or a read, for a dry run).
// What an import of the report changes, as the audit log compares it: the definitions of the
// indicators it names and their readings for the report's period.
nlohmann::json report_snapshot(ProgrammeRepository& programmes, std::int64_t programme_id,
                               const ReportImportResult& result, const ProgrammeReportText& report) {
    std::set<std::string> named;
    for (const auto& planned : result.indicators) named.insert(planned.indicator.code);
    nlohmann::json snapshot = nlohmann::json::object();
    for (const auto& indicator : programmes.indicators(programme_id)) {
        if (named.count(indicator.code) > 0) snapshot["indicators"][indicator.code] = indicator_fields(indicator);
    }
    for (const auto& [code, reading] : programmes.current_readings(programme_id)) {
        if (named.count(code) == 0 || reading.period_start != report.period_start ||
            reading.period_end != report.period_end) {
            continue;
        }
        snapshot.update(reading_fields(code, reading.period_start, reading.period_end, reading.value), true);
    }
    return snapshot;
}

void plan_indicators(ProgrammeRepository& programmes, std::int64_t programme_id, const ProgrammeReportText& report,
                     const ReportImportOptions& options, ReportImportResult& result, Problems& problems) {
    std::map<std::string, Indicator> stored;
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> periods;
    if (programme_id != 0) {
        for (auto& indicator : programmes.indicators(programme_id)) stored.emplace(indicator.code, indicator);
        for (const auto& [code, reading] : programmes.current_readings(programme_id))
            periods[code].emplace_back(reading.period_start, reading.period_end);
    }
    for (const auto& found : report.indicators) {
        ImportedIndicator planned{found, IndicatorOutcome::added, false};
        const auto existing = stored.find(found.code);
        if (existing != stored.end()) {
            const Indicator& old = existing->second;
            if (old.kind != found.kind || old.unit != found.unit) {
                problems.add(found.line,
                             {fmt::format("指標 {} 已儲存為{}（{}），報告卻是{}（{}）；請先修正報告或指標", found.code,
                                          old.kind == IndicatorKind::output ? "成果指標" : "成效指標", old.unit,
                                          found.kind == IndicatorKind::output ? "成果指標" : "成效指標", found.unit),
                              fmt::format("indicator {} is stored as {} in {}, but the report has it as {} in {}; "
                                          "correct the report or the indicator first",
                                          found.code, indicator_kind_code(old.kind), old.unit,
                                          indicator_kind_code(found.kind), found.unit)});
                continue;
            }
            const bool same_description = found.description.zh == old.description.zh;
            const bool same_target = found.target == old.target;
            planned.outcome = same_description && same_target ? IndicatorOutcome::unchanged
                              : options.update_definitions    ? IndicatorOutcome::updated
                                                              : IndicatorOutcome::kept;
            if (!same_description) {
                result.warnings.push_back(
                    {found.line,
                     {fmt::format("指標 {} 的描述已儲存為「{}」，報告寫「{}」{}", found.code, old.description.zh,
                                  found.description.zh, options.update_definitions ? "；已改為報告所寫" : "；保留不變"),
                      fmt::format("indicator {} is stored as '{}', the report says '{}'{}", found.code,
                                  old.description.zh, found.description.zh,
                                  options.update_definitions ? "; changed to the report's"
                                                             : "; left unchanged (--update-definitions changes it)")}});
            }
            if (!same_target) {
                result.warnings.push_back(
                    {found.line,
                     {fmt::format("指標 {} 的目標已儲存為 {}，報告為 {}{}", found.code, target_words(old.target),
                                  target_words(found.target),
                                  options.update_definitions ? "；已改為報告所寫" : "；保留不變"),
                      fmt::format("indicator {} has a stored target of {}, the report's is {}{}", found.code,
                                  target_words(old.target), target_words(found.target),
                                  options.update_definitions ? "; changed to the report's"
                                                             : "; left unchanged (--update-definitions changes it)")}});
            }
        }
        for (const auto& [start, end] : periods[found.code]) {
            if (start == report.period_start && end == report.period_end) {
                planned.correction = true;
            } else if (periods_clash(start, end, report.period_start, report.period_end)) {
                problems.add(
                    found.line,
                    {fmt::format("指標 {} 的報告期間 {} 至 {} 與已報告的期間 {} 至 {} 部分重疊；更正須使用相同期間",
                                 found.code, report.period_start, report.period_end, start, end),
                     fmt::format("indicator {}: the report's period {} to {} partly overlaps the reported "
                                 "period {} to {}; a correction must cover the same period",
                                 found.code, report.period_start, report.period_end, start, end)});
            }
        }
        result.indicators.push_back(std::move(planned));
    }
}

// The programme the report goes into: the one named with --programme, a new one (--new), or the
// one whose name the report carries; checked against what the reporter may do.
Programme programme_for(ProgrammeRepository& programmes, const ProgrammeReportText& report,
                        const ReportImportOptions& options, const ReportImportChecks& checks, bool& programme_created) {
    Programme programme;
    if (options.programme_id) {
        programme = programmes.get(*options.programme_id);
        checks.may_report(programme);
    } else if (options.new_programme) {
        if (const auto taken = programmes.find_by_name(report.name.zh)) {
            throw InvalidInput(
                {fmt::format("已有名為「{}」的計劃（編號 {}）；請用 --programme {} 匯入", report.name.zh, taken->id,
                             taken->id),
                 fmt::format("a programme named '{}' exists already (id {}); import into it with --programme {}",
                             report.name.zh, taken->id, taken->id)});
        }
        programme.name = report.name;
        programme.period_start = report.period_start;
        programme.period_end = report.period_end;
        programme.objectives = report.objectives;
        checks.may_create(programme);
        require_period(programme.period_start, programme.period_end);
        programme_created = true;
    } else {
        const auto found = programmes.find_by_name(report.name.zh);
        if (!found) {
            throw InvalidInput(
                {fmt::format("沒有名為「{}」的計劃；請用 --new 建立，或用 --programme 編號 指明", report.name.zh),
                 fmt::format("no programme named '{}'; create it with --new, or name one with --programme ID",
                             report.name.zh)});
        }
        programme = *found;
        checks.may_report(programme);
    }
    return programme;
}

}  // namespace

ReportImportResult import_programme_report(Database& db, const ProgrammeReportText& report,
                                           const ReportImportOptions& options, const User& reporter,
                                           const ReportImportChecks& checks) {
    Problems problems;
    for (const auto& error : report.errors) problems.add(error.line, error.message);
    problems.throw_if_any();
    if (options.programme_id && options.new_programme) {
        throw InvalidInput({"--programme 與 --new 只可選其一", "give --programme or --new, not both"});
    }

    ReportImportResult result;
    result.report = report;
    ProgrammeRepository programmes(db);
    Programme programme = programme_for(programmes, report, options, checks, result.programme_created);
    result.programme_id = programme.id;
    result.programme_name = programme.name;

    if (options.dry_run) {
        db.read("check a programme report",
                [&] { plan_indicators(programmes, programme.id, report, options, result, problems); });
        problems.throw_if_any();
        return result;
    }
    db.write("import a programme report", [&] {
        if (result.programme_created) {
            programme.id = programmes.create(programme);
            result.programme_id = programme.id;
        }
        // Another import or reading meanwhile waits until this one commits.
        programmes.hold_programme(programme.id);
        plan_indicators(programmes, programme.id, report, options, result, problems);
        problems.throw_if_any();  // rolls back, the new programme too
        const nlohmann::json before = report_snapshot(programmes, programme.id, result, report);
        for (const auto& planned : result.indicators) {
            if (planned.outcome == IndicatorOutcome::added || planned.outcome == IndicatorOutcome::updated)
                programmes.put_indicator(definition_of(planned.indicator, programme.id));
        }
        std::map<std::string, std::int64_t> ids;
        for (const auto& stored : programmes.indicators(programme.id)) ids[stored.code] = stored.id;
        for (const auto& planned : result.indicators) {
            programmes.add_reading(ids.at(planned.indicator.code), planned.indicator.actual, report.period_start,
                                   report.period_end, reporter.id);
        }
        nlohmann::json after = report_snapshot(programmes, programme.id, result, report);
        if (result.programme_created) after["programme"] = programme_fields(programme);
        record_audit(
            db, reporter,
            {"import a programme report", "programme", std::to_string(programme.id), changed_fields(before, after)});
    });
    result.written = true;
    return result;
}

std::string report_file_text(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw InvalidInput(
            {fmt::format("無法開啟「{}」", file.string()), fmt::format("cannot open {}", file.string())});
    }
    char signature[5] = {};
    in.read(signature, sizeof signature);
    if (in.gcount() == 5 && std::string_view(signature, 5) == "%PDF-") {
        in.close();
        std::string text = pdf_text(file);
        if (text.find_first_not_of(" \t\r\n\f") == std::string::npos) {
            throw InvalidInput(
                {fmt::format("「{}」沒有可讀取的文字（可能是掃描影像）；請用有文字的 PDF 或文字檔", file.string()),
                 fmt::format("{} has no text to read (perhaps scanned images); use a PDF with text, "
                             "or a text file",
                             file.string())});
        }
        return text;
    }
    in.clear();
    in.seekg(0);
    std::string text;
    char buffer[65536];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (text.size() > report_largest_text) {
            throw InvalidInput({fmt::format("「{}」超過 {} 位元組，不像是計劃報告", file.string(), report_largest_text),
                                fmt::format("{} is larger than {} bytes, too large for a programme report",
                                            file.string(), report_largest_text)});
        }
    }
    return text;
}

}  // namespace dplan
