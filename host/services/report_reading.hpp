// Reads an NGO programme report as it is written (docs/report-import.md): the programme's name and
// period from its head; output indicators as numbered sentences of figures with their printed
// percentages ("1B. 發佈12篇網上短文(120%) 接觸2,150人次 (107.5%)。"); outcome indicators as rows
// of expected target against achieved ("• 70%參加者的情緒健康狀況有所改善	74.5%"). Chinese or
// English, as text or as extracted from a PDF: lines broken mid-sentence, bullets (U+F06C, •),
// full-width digits and punctuation. Pure: nothing here touches a database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/bilingual.hpp"
#include "domain/programme.hpp"

namespace dplan {

enum class TargetSource {
    printed,     // the report says it ("目標10次", "target 10")
    inferred,    // worked out from the actual and the printed percentage
    not_stated,  // a figure printed without a percentage: "target not stated"
};

struct ReportIndicator {
    int line = 0;  // where its figure (an outcome: its row) is
    std::string code;
    IndicatorKind kind = IndicatorKind::output;
    Bilingual description;
    std::string unit;
    double actual = 0;
    std::optional<double> target;
    TargetSource target_source = TargetSource::not_stated;
    std::string printed_percent;     // "107.5" as printed, empty when none
    std::vector<std::int64_t> fits;  // inferred: every target that fits the printed percentage
};

struct ReportNote {
    int line = 0;
    Bilingual message;
};

struct ProgrammeReportText {
    Bilingual name;
    std::string period_start, period_end;  // YYYY-MM-DD
    Bilingual objectives;
    bool english = false;  // headings and sentences in English
    std::vector<ReportIndicator> indicators;
    std::vector<ReportNote> errors;      // what stops the import: nothing is written while any remain
    std::vector<ReportNote> mismatches;  // printed percentages that do not follow from their numbers
    std::vector<ReportNote> left_out;    // lines not understood, kept out of the import
};

// A report is a few pages; anything far larger is not one.
inline constexpr std::size_t report_largest_text = 4 * 1024 * 1024;

// Throws InvalidInput for text that cannot be a report: empty, binary, not UTF-8, too large, no
// indicators at all. Everything else, the report's own problems included, is in the result.
ProgrammeReportText read_programme_report(std::string_view text);

}  // namespace dplan
