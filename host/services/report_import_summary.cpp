#include "services/report_import_summary.hpp"

#include <fmt/format.h>

#include "domain/indicator_unit.hpp"

namespace dplan {

namespace {

std::string outcome_words(const ImportedIndicator& imported, Language language) {
    const auto pick = [&](const char* zh, const char* en) { return std::string(language == Language::zh ? zh : en); };
    std::string words;
    switch (imported.outcome) {
        case IndicatorOutcome::added:
            words = pick("新增", "new");
            break;
        case IndicatorOutcome::unchanged:
            words = pick("已有", "stored");
            break;
        case IndicatorOutcome::kept:
            words = pick("已有，定義保留不變", "stored, definition kept");
            break;
        case IndicatorOutcome::updated:
            words = pick("已有，定義已更新", "stored, definition updated");
            break;
    }
    if (imported.correction) words += pick("；更正同期讀數", "; corrects the reading for the period");
    return words;
}

std::string target_words(const ReportIndicator& indicator, Language language) {
    const bool zh = language == Language::zh;
    const std::string percent = indicator.kind == IndicatorKind::outcome ? "%" : "";
    switch (indicator.target_source) {
        case TargetSource::printed:
            return format_number(indicator.target.value_or(0)) + percent;
        case TargetSource::inferred: {
            std::string words = zh ? fmt::format("{}（由 {}% 推算）", format_number(indicator.target.value_or(0)),
                                                 indicator.printed_percent)
                                   : fmt::format("{} (inferred from {}%)", format_number(indicator.target.value_or(0)),
                                                 indicator.printed_percent);
            if (indicator.fits.size() > 1) {
                std::string all;
                for (const auto fit : indicator.fits) all += (all.empty() ? "" : ", ") + std::to_string(fit);
                words += zh ? fmt::format("［{} 皆符合，取最接近者］", all)
                            : fmt::format(" [{} all fit; took the closest]", all);
            }
            return words;
        }
        case TargetSource::not_stated:
            return zh ? "未訂明" : "not stated";
    }
    return {};
}

void list_notes(std::string& out, const std::vector<ReportNote>& notes, Language language, const Bilingual& title) {
    if (notes.empty()) return;
    out += title.in(language) + "\n";
    for (const auto& note : notes) {
        out += language == Language::zh ? fmt::format("  第 {} 行：{}\n", note.line, note.message.zh)
                                        : fmt::format("  line {}: {}\n", note.line, note.message.en);
    }
}

}  // namespace

std::string report_import_summary(const ReportImportResult& result, Language language) {
    const bool zh = language == Language::zh;
    const auto& report = result.report;
    std::string out;
    const std::string name = report.name.en.empty() || report.name.en == report.name.zh
                                 ? report.name.zh
                                 : fmt::format("{} {}", report.name.zh, report.name.en);
    if (result.programme_created) {
        out += zh ? fmt::format("計劃：{}（{}）\n", name,
                                result.written ? fmt::format("新計劃，編號 {}", result.programme_id)
                                               : std::string("將建立新計劃"))
                  : fmt::format("Programme: {} ({})\n", name,
                                result.written ? fmt::format("new, id {}", result.programme_id)
                                               : std::string("a new programme would be created"));
    } else {
        out += zh ? fmt::format("計劃：{}（編號 {}）\n", result.programme_name.zh, result.programme_id)
                  : fmt::format("Programme: {} (id {})\n",
                                result.programme_name.en.empty() ? result.programme_name.zh : result.programme_name.en,
                                result.programme_id);
    }
    out += zh ? fmt::format("報告期間：{} 至 {}\n", report.period_start, report.period_end)
              : fmt::format("Report period: {} to {}\n", report.period_start, report.period_end);
    out += zh ? "指標：\n" : "Indicators:\n";
    std::size_t inferred = 0, not_stated = 0, corrections = 0;
    for (const auto& imported : result.indicators) {
        const auto& indicator = imported.indicator;
        if (indicator.target_source == TargetSource::inferred) ++inferred;
        if (indicator.target_source == TargetSource::not_stated) ++not_stated;
        if (imported.correction) ++corrections;
        const Bilingual unit = indicator_unit_name(indicator.unit);
        const std::string actual =
            format_number(indicator.actual) + (indicator.kind == IndicatorKind::outcome ? "%" : "");
        const std::string& description =
            zh || indicator.description.en.empty() ? indicator.description.zh : indicator.description.en;
        out += zh ? fmt::format("  {:<5} 第 {} 行  {}  {}  實際 {}  目標 {}  [{}]\n", indicator.code, indicator.line,
                                description, unit.zh, actual, target_words(indicator, language),
                                outcome_words(imported, language))
                  : fmt::format("  {:<5} line {}  {}  {}  actual {}  target {}  [{}]\n", indicator.code, indicator.line,
                                description, unit.en, actual, target_words(indicator, language),
                                outcome_words(imported, language));
    }
    out += zh ? fmt::format("共 {} 項指標：{} 項目標由百分比推算，{} 項目標未訂明。\n", result.indicators.size(),
                            inferred, not_stated)
              : fmt::format("{} indicators: {} targets inferred from their percentages, {} not stated.\n",
                            result.indicators.size(), inferred, not_stated);
    list_notes(out, report.mismatches, language,
               {"與數字不符的百分比：", "Percentages that do not follow from their numbers:"});
    list_notes(out, result.warnings, language, {"與已儲存定義不同：", "Differs from what is stored:"});
    list_notes(out, report.left_out, language, {"未有匯入（未能理解）：", "Left out (not understood):"});
    if (result.written) {
        out += zh ? fmt::format("已寫入 {} 項讀數（期間 {} 至 {}），其中 {} 項為更正。\n", result.indicators.size(),
                                report.period_start, report.period_end, corrections)
                  : fmt::format("Wrote {} readings for {} to {}, {} of them corrections.\n", result.indicators.size(),
                                report.period_start, report.period_end, corrections);
    } else {
        out += zh ? "試行：未有寫入任何資料。\n" : "Dry run: nothing was written.\n";
    }
    return out;
}

}  // namespace dplan
