// dplan indicators import | export | summary | catalogue | add | record | history
#include <fmt/format.h>
#include <unistd.h>

#include <iostream>

#include "cli/commands.hpp"
#include "domain/achievement_summary.hpp"
#include "domain/indicator_unit.hpp"

namespace dplan::cli {

namespace {

void import_indicators(Context& context, const std::string& file, bool dry_run) {
    const bool terminal = isatty(STDERR_FILENO) != 0;
    ImportProgress progress;
    if (terminal) {
        progress = [&context](std::size_t done, std::size_t total) {
            const int width = 40;
            const int filled = static_cast<int>(width * done / std::max<std::size_t>(total, 1));
            context.err << fmt::format("\r[{}{}] {}/{}", std::string(static_cast<std::size_t>(filled), '#'),
                                       std::string(static_cast<std::size_t>(width - filled), ' '), done, total)
                        << (done == total ? "\n" : "") << std::flush;
        };
    }
    IndicatorImportResult result;
    try {
        result = context.programmes().import_csv_file(file, dry_run, progress);
    } catch (const InvalidInput& e) {
        throw InvalidInput({file + "：" + e.message().zh, file + ": " + e.message().en});
    }
    context.out
        << context.pick(
               dry_run
                   ? Bilingual{fmt::format("檢查完畢：{} 行均有效（{} 項讀數）；未有寫入（--dry-run）。", result.rows,
                                           result.readings),
                               fmt::format("Checked: all {} rows are valid ({} readings); nothing written (--dry-run).",
                                           result.rows, result.readings)}
                   : Bilingual{fmt::format("已匯入 {} 項指標、{} 項讀數。", result.rows, result.readings),
                               fmt::format("Imported {} indicators and {} readings.", result.rows, result.readings)})
        << '\n';
}

void export_indicators(Context& context) { context.out << context.programmes().export_csv(); }

void print_catalogue(Context& context, const std::string& area) {
    for (const auto& plugin : context.plugins().loaded()) {
        if (!plugin->area() || (!area.empty() && plugin->area()->id != area) || plugin->indicators().empty()) continue;
        context.out << fmt::format("[{}] {}\n", plugin->area()->id, context.pick(plugin->area()->name));
        for (const auto& indicator : plugin->indicators()) {
            context.out << fmt::format("  {:<8} {:<7} {:<12} {} ({} {})\n    {}\n", indicator.code,
                                       indicator.kind == plugins::IndicatorKind::output ? "output" : "outcome",
                                       indicator.unit, context.pick(indicator.name),
                                       context.pick({"一般目標", "typical target"}),
                                       format_number(indicator.typical_target), context.pick(indicator.definition));
        }
    }
}

struct AddOptions {
    std::int64_t programme_id = 0;
    std::string from_catalogue, code, kind, description_zh, description_en, unit;
    double target = -1;
};

// An indicator chosen from a plugin's catalogue takes its kind, unit, wording and typical target
// from it; anything given on the command line wins.
void add_indicator(Context& context, const AddOptions& options) {
    Indicator indicator;
    indicator.programme_id = options.programme_id;
    indicator.code = options.code;
    if (!options.from_catalogue.empty()) {
        const plugins::IndicatorDefinition* chosen = nullptr;
        for (const auto& plugin : context.plugins().loaded()) {
            for (const auto& definition : plugin->indicators()) {
                if (definition.code == options.from_catalogue) chosen = &definition;
            }
        }
        if (chosen == nullptr) {
            throw NotFound(
                {fmt::format("已載入的外掛目錄中沒有指標 {}；可用 dplan indicators catalogue 查看",
                             options.from_catalogue),
                 fmt::format("no loaded plugin's catalogue has indicator {}; see 'dplan indicators catalogue'",
                             options.from_catalogue)});
        }
        indicator.kind =
            chosen->kind == plugins::IndicatorKind::output ? IndicatorKind::output : IndicatorKind::outcome;
        indicator.unit = chosen->unit;
        indicator.description = chosen->name;
        indicator.target = chosen->typical_target;
        indicator.catalogue_code = chosen->code;
    }
    if (!options.kind.empty()) indicator.kind = *parse_indicator_kind(options.kind);
    if (!options.unit.empty()) indicator.unit = options.unit;
    if (!options.description_zh.empty()) indicator.description.zh = options.description_zh;
    if (!options.description_en.empty()) indicator.description.en = options.description_en;
    if (options.target >= 0) indicator.target = options.target;
    context.programmes().put_indicator(indicator);
    context.out << context.pick({fmt::format("已加入指標 {}。", indicator.code),
                                 fmt::format("Added indicator {}.", indicator.code)})
                << '\n';
}

struct SummaryOptions {
    std::string by = "programme", area, district, year;
    std::int64_t plan = 0;
};

std::string group_label(Context& context, AchievementGrouping grouping, const AchievementGroup& row) {
    switch (grouping) {
        case AchievementGrouping::area:
            return context.pick(context.area_name(row.key));
        case AchievementGrouping::plan:
            return fmt::format("{} {} (#{})", context.pick(row.label), row.detail, row.key);
        case AchievementGrouping::year:
            return row.key;
        default:
            if (row.key.empty()) return context.pick({"（未註明）", "(not given)"});
            return context.pick(row.label);
    }
}

void print_summary(Context& context, const SummaryOptions& options) {
    auto programmes = context.programmes();
    const AchievementGrouping grouping = *parse_achievement_grouping(options.by);
    AchievementFilter filter;
    if (!options.area.empty()) filter.area_id = options.area;
    if (!options.year.empty()) filter.financial_year = options.year;
    if (options.plan > 0) filter.plan_id = options.plan;
    if (!options.district.empty()) {
        filter.district_id = context.districts().by_code(options.district).id;
    }
    const auto rows = programmes.summary(grouping, filter);
    if (rows.empty()) {
        context.out << context.pick({"沒有符合條件的計劃。", "No programmes match."}) << '\n';
        return;
    }
    context.out << context.pick(
                       {"組別 | 計劃數 | 達標 | 未達標 | 不適用 | 目標未訂明 | 未匯報 | 成果指標平均達標率",
                        "Group | programmes | met | below | n/a | target not stated | not reported | mean output "
                        "achievement"})
                << '\n';
    for (const auto& row : rows) {
        context.out << fmt::format("  {} | {} | {} | {} | {} | {} | {} | {}\n", group_label(context, grouping, row),
                                   row.programmes, row.met, row.below, row.not_applicable, row.not_stated,
                                   row.not_reported,
                                   row.mean_output_percent ? format_percent(*row.mean_output_percent) : "–");
    }
    const auto shortfalls = programmes.shortfalls(filter, 5);
    if (shortfalls.empty()) return;
    context.out << context.pick({"最未達標的指標：", "Furthest below target:"}) << '\n';
    for (const auto& row : shortfalls) {
        context.out << fmt::format("  {} {} {}: {} / {} ({})\n", context.pick(row.programme), row.code, row.description,
                                   format_number(row.actual), format_number(row.target), format_percent(row.percent));
    }
}

struct RecordOptions {
    std::int64_t programme_id = 0;
    std::string code, start, end;
    double value = 0;
};

// One reading, or a correction of an earlier one for the same period.
void record_reading(Context& context, const RecordOptions& options) {
    const auto updated = context.programmes().record_reading(options.programme_id, options.code, options.value,
                                                             options.start, options.end);
    const auto result = achievement(updated);
    context.out << context.pick({fmt::format("已記錄。指標 {} 累計 {}{}", updated.code, format_number(*updated.actual),
                                             result.percent ? "（" + format_percent(*result.percent) + "）" : ""),
                                 fmt::format("Recorded. Indicator {} now stands at {}{}", updated.code,
                                             format_number(*updated.actual),
                                             result.percent ? " (" + format_percent(*result.percent) + ")" : "")})
                << '\n';
}

void print_history(Context& context, std::int64_t programme_id, const std::string& code) {
    for (const auto& reading : context.programmes().history(programme_id, code)) {
        context.out << fmt::format("  {} – {}  {:>10}  {}  {}{}\n", reading.period_start, reading.period_end,
                                   format_number(reading.value), reading.reported_by, reading.reported_at,
                                   reading.current ? "" : context.pick({"  （已更正）", "  (superseded)"}));
    }
}

}  // namespace

void register_indicator_commands(CLI::App& app, Context& context) {
    auto* indicators = app.add_subcommand("indicators", "Indicator readings in bulk / 指標資料");
    indicators->require_subcommand(1);
    auto file = std::make_shared<std::string>();
    auto dry_run = std::make_shared<bool>(false);
    auto* import_command =
        indicators->add_subcommand("import", "Import indicators and readings from CSV (all or nothing) / 匯入 CSV");
    import_command->add_option("FILE", *file, "CSV in the format of docs/indicators-csv.md / CSV 檔")
        ->required()
        ->check(CLI::ExistingFile);
    import_command->add_flag("--dry-run", *dry_run, "Check every row and report; write nothing / 只檢查，不寫入");
    import_command->callback([&context, file, dry_run] { import_indicators(context, *file, *dry_run); });
    auto catalogue_area = std::make_shared<std::string>();
    auto* catalogue =
        indicators->add_subcommand("catalogue", "Indicators the plugins offer, with units and definitions / 指標目錄");
    catalogue->add_option("--area", *catalogue_area, "Only this service area / 只列此範疇");
    catalogue->callback([&context, catalogue_area] { print_catalogue(context, *catalogue_area); });

    auto add_options = std::make_shared<AddOptions>();
    auto* add =
        indicators->add_subcommand("add", "Add an indicator to a programme, e.g. from a plugin's catalogue / 加入指標");
    add->add_option("PROGRAMME_ID", add_options->programme_id, "Programme id / 計劃編號")->required();
    add->add_option("--code", add_options->code, "The programme's own code, e.g. 1A / 指標代號")->required();
    add->add_option("--from-catalogue", add_options->from_catalogue, "A catalogue code, e.g. YTH-01 / 目錄代號");
    add->add_option("--kind", add_options->kind, "output or outcome / 類別")
        ->check(CLI::IsMember({"output", "outcome"}));
    add->add_option("--unit", add_options->unit, "Unit / 單位");
    add->add_option("--description-zh", add_options->description_zh, "Wording (Chinese) / 描述（中文）");
    add->add_option("--description-en", add_options->description_en, "Wording (English) / 描述（英文）");
    add->add_option("--target", add_options->target, "Target / 目標")->check(CLI::NonNegativeNumber);
    add->callback([&context, add_options] { add_indicator(context, *add_options); });

    auto summary_options = std::make_shared<SummaryOptions>();
    auto* summary = indicators->add_subcommand(
        "summary", "Met, below target, not applicable and not reported, grouped / 指標達標概覽");
    summary->add_option("--by", summary_options->by, "programme, organisation, area, plan, district or year / 分組")
        ->check(CLI::IsMember({"programme", "organisation", "area", "plan", "district", "year"}))
        ->capture_default_str();
    summary->add_option("--area", summary_options->area, "Only programmes serving this area / 服務範疇");
    summary->add_option("--district", summary_options->district, "District code / 地區代號");
    summary->add_option("--year", summary_options->year, "Programmes reporting in this financial year / 財政年度");
    summary->add_option("--plan", summary_options->plan, "Programmes linked to this plan / 計劃書編號");
    summary->callback([&context, summary_options] { print_summary(context, *summary_options); });

    auto record_options = std::make_shared<RecordOptions>();
    auto* record = indicators->add_subcommand("record", "Report a value for a period, or correct one / 匯報或更正讀數");
    record->add_option("PROGRAMME_ID", record_options->programme_id, "Programme id / 計劃編號")->required();
    record->add_option("CODE", record_options->code, "Indicator code / 指標代號")->required();
    record->add_option("--value", record_options->value, "The value for the period / 數值")->required();
    record->add_option("--start", record_options->start, "First day of the period, YYYY-MM-DD / 期間開始")->required();
    record->add_option("--end", record_options->end, "Last day of the period, YYYY-MM-DD / 期間結束")->required();
    record->callback([&context, record_options] { record_reading(context, *record_options); });

    auto history_options = std::make_shared<RecordOptions>();
    auto* history = indicators->add_subcommand("history", "Every reading of an indicator, corrections too / 讀數紀錄");
    history->add_option("PROGRAMME_ID", history_options->programme_id, "Programme id / 計劃編號")->required();
    history->add_option("CODE", history_options->code, "Indicator code / 指標代號")->required();
    history->callback(
        [&context, history_options] { print_history(context, history_options->programme_id, history_options->code); });

    indicators->add_subcommand("export", "Indicators and their current readings, as CSV / 匯出 CSV")
        ->callback([&context] { export_indicators(context); });
}

}  // namespace dplan::cli
