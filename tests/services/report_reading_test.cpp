// Reading NGO programme reports: each sentence shape, target inference, and text that is no report.
#include "services/report_reading.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "domain/error.hpp"
#include "services/target_inference.hpp"

namespace dplan {
namespace {

std::string fixture(const std::string& name) {
    std::ifstream in(std::string(DPLAN_FIXTURES) + "/" + name, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

const ReportIndicator& find(const ProgrammeReportText& report, const std::string& code) {
    for (const auto& indicator : report.indicators) {
        if (indicator.code == code) return indicator;
    }
    ADD_FAILURE() << "no indicator " << code;
    static const ReportIndicator none;
    return none;
}

std::string report_with_outputs(const std::string& outputs) {
    return "測試計劃 Test Programme 01/04/2024 – 31/03/2025\n\n成果指標\n\n" + outputs + "\n";
}

std::string all_errors(const ProgrammeReportText& report) {
    std::string out;
    for (const auto& note : report.errors) out += std::to_string(note.line) + ": " + note.message.en + "\n";
    return out;
}

TEST(ReportReading, TheRiversideSampleGivesTheOfficersIndicators) {
    const auto report = read_programme_report(fixture("riverside-programme-report.txt"));
    EXPECT_TRUE(report.errors.empty()) << all_errors(report);
    EXPECT_EQ(report.name.zh, "同行新路計劃");
    EXPECT_EQ(report.name.en, "Walking a New Road Together");
    EXPECT_EQ(report.period_start, "2023-04-01");
    EXPECT_EQ(report.period_end, "2025-03-31");
    EXPECT_FALSE(report.english);
    EXPECT_NE(report.objectives.zh.find("提升家長支援子女的能力"), std::string::npos);
    struct Expected {
        std::string code, unit;
        double actual;
        std::optional<double> target;
    };
    const std::vector<Expected> expected{
        {"1A-a", "sessions", 8, 8},       {"1A-b", "persons", 260, 200}, {"1B-a", "posts", 12, 10},
        {"1B-b", "contacts", 2150, 2000}, {"2", "contacts", 180, 200},   {"3-a", "persons", 25, 20},
        {"3-b", "attendances", 140, 120}, {"3-c", "sessions", 18, {}},   {"O1", "percent", 74.5, 70},
        {"O2", "percent", 81.0, 70},      {"O3", "percent", 58.3, 60},
    };
    ASSERT_EQ(report.indicators.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto& got = report.indicators[i];
        EXPECT_EQ(got.code, expected[i].code);
        EXPECT_EQ(got.unit, expected[i].unit) << got.code;
        EXPECT_EQ(got.actual, expected[i].actual) << got.code;
        EXPECT_EQ(got.target, expected[i].target) << got.code;
    }
    EXPECT_EQ(find(report, "1A-a").description.zh, "舉辦社區講座");
    EXPECT_EQ(find(report, "1B-b").description.zh, "接觸人次");
    EXPECT_EQ(find(report, "2").description.zh, "透過外展接觸青少年人次");
    EXPECT_EQ(find(report, "3-b").description.zh, "總出席人次");
    EXPECT_EQ(find(report, "3-c").description.zh, "家長小組");
    EXPECT_EQ(find(report, "O1").description.zh, "參加者的情緒健康狀況有所改善");
    EXPECT_EQ(find(report, "1A-a").target_source, TargetSource::inferred);
    EXPECT_EQ(find(report, "3-c").target_source, TargetSource::not_stated);
    EXPECT_EQ(find(report, "O1").target_source, TargetSource::printed);
    EXPECT_EQ(find(report, "1B-b").printed_percent, "107.5");
    EXPECT_EQ(find(report, "1B-b").line, 15);
    EXPECT_TRUE(report.left_out.empty());
    EXPECT_TRUE(report.mismatches.empty());
}

TEST(ReportReading, ASentenceWithOneFigureKeepsItsNumber) {
    const auto report = read_programme_report(report_with_outputs("2. 透過外展接觸青少年180人次(90%)。"));
    ASSERT_EQ(report.indicators.size(), 1u);
    EXPECT_EQ(report.indicators[0].code, "2");
    EXPECT_EQ(report.indicators[0].unit, "contacts");
    EXPECT_EQ(report.indicators[0].target, 200);
}

TEST(ReportReading, AFigureWithoutAPercentageTakesTheNextLetterAndNoTarget) {
    const auto report = read_programme_report(report_with_outputs("4. 舉辦6節親子工作坊，共有30名家長參加(150%)。"));
    ASSERT_EQ(report.indicators.size(), 2u) << all_errors(report);
    EXPECT_EQ(find(report, "4-a").unit, "persons");
    EXPECT_EQ(find(report, "4-a").target, 20);
    EXPECT_EQ(find(report, "4-b").unit, "sessions");
    EXPECT_EQ(find(report, "4-b").target, std::nullopt);
    EXPECT_EQ(find(report, "4-b").target_source, TargetSource::not_stated);
}

TEST(ReportReading, TheMeasureNounMayComeBeforeTheNumber) {
    const auto report = read_programme_report(report_with_outputs("5. 參加人數為48 (96%)，總出席人次達310 (103.3%)。"));
    ASSERT_EQ(report.indicators.size(), 2u) << all_errors(report);
    EXPECT_EQ(find(report, "5-a").unit, "persons");
    EXPECT_EQ(find(report, "5-a").target, 50);
    EXPECT_EQ(find(report, "5-b").unit, "attendances");
    EXPECT_EQ(find(report, "5-b").target, 300);
}

TEST(ReportReading, FullWidthDigitsBracketsAndPercentSignsRead) {
    const auto report = read_programme_report(
        report_with_outputs("１Ａ．舉辦８次社區講座（１００％），招收２６０名公眾人士（１３０％）。"));
    ASSERT_EQ(report.indicators.size(), 2u) << all_errors(report);
    EXPECT_EQ(find(report, "1A-a").actual, 8);
    EXPECT_EQ(find(report, "1A-b").target, 200);
}

TEST(ReportReading, BrokenLinesAndPrivateUseBulletsJoinIntoTheirSentence) {
    const std::string text =
        "同行新路計劃\n計劃期間：2023年4月1日至2025年3月31日\n成果指標\n"
        "1B. 發佈12篇網上短文(120%) 接觸2,\n150人次 (107.5%)。\n"
        "\xEF\x81\xAC 透過外展接觸青少\n年180人次\n(90%)。\n"
        "成效指標\n預期目標 達致成效\n\xEF\x81\xAC 70%參加者的情緒健康\n狀況有所改善\n74.5%\n";
    const auto report = read_programme_report(text);
    EXPECT_TRUE(report.errors.empty()) << all_errors(report);
    EXPECT_EQ(report.period_start, "2023-04-01");
    EXPECT_EQ(report.period_end, "2025-03-31");
    EXPECT_EQ(find(report, "1B-b").actual, 2150);
    EXPECT_EQ(find(report, "2").target, 200);  // the bulleted sentence is the second output
    EXPECT_EQ(find(report, "2").line, 7);      // where its figure is
    EXPECT_EQ(find(report, "O1").description.zh, "參加者的情緒健康狀況有所改善");
    EXPECT_EQ(find(report, "O1").actual, 74.5);
}

TEST(ReportReading, AnUnknownMeasureWordIsReportedWithItsLine) {
    const auto report = read_programme_report(report_with_outputs("6. 派發500份單張(125%)。"));
    ASSERT_EQ(report.errors.size(), 1u);
    EXPECT_EQ(report.errors[0].line, 5);
    EXPECT_NE(report.errors[0].message.zh.find("不明的量詞「份單」"), std::string::npos) << report.errors[0].message.zh;
    EXPECT_NE(report.errors[0].message.en.find("unknown measure word"), std::string::npos);
}

TEST(ReportReading, APercentageWithoutAFigureAndASentenceWithoutFiguresAreReported) {
    const auto report = read_programme_report(report_with_outputs("7. 服務使用者滿意度(95%)。\n8. 加強社區網絡。"));
    ASSERT_EQ(report.errors.size(), 2u) << all_errors(report);
    EXPECT_NE(report.errors[0].message.en.find("follows no figure"), std::string::npos);
    EXPECT_NE(report.errors[1].message.en.find("no figure"), std::string::npos);
}

TEST(ReportReading, APrintedTargetIsUsedAndItsArithmeticChecked) {
    const auto report = read_programme_report(report_with_outputs("9. 舉辦12次小組(目標10次，130%)。"));
    ASSERT_EQ(report.indicators.size(), 1u) << all_errors(report);
    EXPECT_EQ(report.indicators[0].target, 10);
    EXPECT_EQ(report.indicators[0].target_source, TargetSource::printed);
    ASSERT_EQ(report.mismatches.size(), 1u);
    EXPECT_NE(report.mismatches[0].message.en.find("130%"), std::string::npos);
}

TEST(ReportReading, APrintedTotalIsCheckedAgainstTheFiguresBeforeIt) {
    auto report =
        read_programme_report(report_with_outputs("11. 舉辦12節小組(100%)及8節講座(100%)，合共21節(105%)。\n"
                                                  "12. 招收30名家長(100%)及20名青少年(100%)，合共50名(100%)。"));
    EXPECT_TRUE(report.errors.empty()) << all_errors(report);
    ASSERT_EQ(report.mismatches.size(), 1u);
    EXPECT_EQ(report.mismatches[0].line, 5);
    EXPECT_NE(report.mismatches[0].message.en.find("11-c: the total 21 is not the sum of the figures before it "
                                                   "(12 + 8 = 20)"),
              std::string::npos)
        << report.mismatches[0].message.en;
    // The sample's own 合共 counts persons after sessions: nothing to add up.
    report = read_programme_report(fixture("riverside-programme-report.txt"));
    EXPECT_TRUE(report.mismatches.empty());
}

TEST(ReportReading, ATargetNothingFitsIsReportedNotGuessed) {
    const auto report = read_programme_report(report_with_outputs("10. 舉辦5次講座(33.4%)。"));
    EXPECT_TRUE(report.indicators.empty());
    ASSERT_EQ(report.errors.size(), 1u);
    EXPECT_EQ(report.errors[0].line, 5);
    EXPECT_NE(report.errors[0].message.en.find("no whole-number target"), std::string::npos);
}

TEST(ReportReading, NotesAndPageFurnitureAreListedAsLeftOut) {
    const auto report = read_programme_report(
        report_with_outputs("2. 透過外展接觸青少年180人次(90%)。\n註：數字截至三月底。") + "- 2 -\n");
    EXPECT_EQ(report.indicators.size(), 1u);
    ASSERT_EQ(report.left_out.size(), 2u);
    EXPECT_EQ(report.left_out[0].line, 6);
}

TEST(ReportReading, AnEnglishReportReads) {
    const std::string text =
        "Walking Together Programme 1 April 2024 - 31 March 2025\n\nOutput indicators\n\n"
        "1A. Organised 8 community talks (100%), attended by 260 members of the public (130%).\n"
        "2. Reached 180 outreach contacts with young people (90%).\n"
        "3. Served 25 parents (125%) in 18 parent group sessions; total attendances reached 140 (116.7%).\n\n"
        "Outcome indicators\nExpected target\tAchieved\n"
        "\xE2\x80\xA2 70% of participants report better emotional well-being\t74.5%\n";
    const auto report = read_programme_report(text);
    EXPECT_TRUE(report.errors.empty()) << all_errors(report);
    EXPECT_TRUE(report.english);
    EXPECT_EQ(report.name.en, "Walking Together Programme");
    EXPECT_EQ(report.period_start, "2024-04-01");
    EXPECT_EQ(find(report, "1A-a").unit, "sessions");
    EXPECT_EQ(find(report, "1A-b").unit, "persons");
    EXPECT_EQ(find(report, "1A-b").target, 200);
    EXPECT_EQ(find(report, "2").unit, "contacts");
    EXPECT_EQ(find(report, "3-a").unit, "persons");
    EXPECT_EQ(find(report, "3-b").unit, "attendances");
    EXPECT_EQ(find(report, "3-b").target, 120);
    EXPECT_EQ(find(report, "3-c").unit, "sessions");
    EXPECT_EQ(find(report, "1A-a").description.en, "Organised community talks");
    EXPECT_EQ(find(report, "O1").description.en, "participants report better emotional well-being");
    EXPECT_EQ(find(report, "O1").target, 70);
}

TEST(ReportReading, TextThatIsNoReportIsRefused) {
    for (const std::string& text : {std::string(""), std::string(" \n\n"), std::string("abc\0def", 7),
                                    std::string("\xFF\xFE\x41"), std::string("同行新路計劃\n一些文字\n")}) {
        EXPECT_THROW(read_programme_report(text), InvalidInput) << text;
    }
    EXPECT_THROW(read_programme_report("計劃 01/04/2023 – 31/03/2025\n成果指標\n\n成效指標\n"), InvalidInput);
}

TEST(TargetInference, TheIssuesExamples) {
    EXPECT_EQ(infer_target("93", "116.3").target, 80);
    EXPECT_EQ(infer_target("16", "106.7").target, 15);
    EXPECT_EQ(infer_target("2150", "107.5").target, 2000);
    EXPECT_EQ(infer_target("260", "130").target, 200);
    EXPECT_EQ(infer_target("180", "90").target, 200);
}

TEST(TargetInference, ATieGoesToTheTargetWhoseExactRatioIsClosest) {
    // Every target from 8,330 to 8,336 prints as 120.0%; 8,333 is closest to exactly 120%.
    const auto closest = infer_target("10000", "120");
    EXPECT_EQ(closest.fits, (std::vector<std::int64_t>{8330, 8331, 8332, 8333, 8334, 8335, 8336}));
    EXPECT_EQ(closest.target, 8333);
    // 1 at 0.1% fits every target from 667 to 2,000; only 1,000 is exactly 0.1%.
    const auto wide = infer_target("1", "0.1");
    EXPECT_EQ(wide.fits.size(), 1334u);
    EXPECT_EQ(wide.target, 1000);
    // A whole "117%" that no target reaches at one decimal is read as rounded to a whole percent.
    EXPECT_EQ(infer_target("140", "117").target, 120);  // 116.7%
    EXPECT_EQ(infer_target("3", "10").target, 30);
}

TEST(TargetInference, ImpossibleCasesGiveNoTarget) {
    EXPECT_FALSE(infer_target("5", "33.4").target);  // 5/15 is 33.3%, 5/14 is 35.7%
    EXPECT_FALSE(infer_target("0", "50").target);
    EXPECT_FALSE(infer_target("3", "0").target);
    EXPECT_FALSE(infer_target("0", "0").target);  // any target would do: none is taken
    EXPECT_FALSE(infer_target("abc", "10").target);
}

TEST(TargetInference, APrintedPercentageIsCheckedAgainstItsTarget) {
    EXPECT_TRUE(percentage_follows("93", 80, "116.3"));
    EXPECT_TRUE(percentage_follows("260", 200, "130"));
    EXPECT_FALSE(percentage_follows("12", 10, "130"));
}

}  // namespace
}  // namespace dplan
