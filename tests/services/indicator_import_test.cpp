// Indicator CSV import and the programme report, on SQLite and MariaDB.
#include "services/indicator_import.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <thread>

#include "domain/user.hpp"
#include "services/programme_report.hpp"
#include "services/programme_service.hpp"
#include "storage/achievement_queries.hpp"
#include "storage/programme_repository.hpp"
#include "support/arrange.hpp"
#include "support/backend_test.hpp"

namespace dplan {
namespace {

// These tests exercise the importer itself; who may import is the programme service's check.
const ProgrammeCheck any_programme = [](const Programme&) {};

std::string sample_csv() {
    std::ifstream in(DPLAN_FIXTURES "/riverside-indicators.csv", std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

const std::string header = std::string(indicator_csv_header) + "\n";

class IndicatorImportTest : public testing::BackendTest {
  protected:
    void SetUp() override {
        BackendTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        migrate();
        Programme programme;
        programme.name = {"同行新路計劃", "Walking a New Road Together"};
        programme.period_start = "2023-04-01";
        programme.period_end = "2025-03-31";
        programme.areas = {"youth"};
        programme_id = testing::arrange(db(), [&] { return ProgrammeRepository(db()).create(programme); });
    }
    int count(const std::string& table) {
        int rows = 0;
        db().session() << "SELECT count(*) FROM " + table, soci::into(rows);
        return rows;
    }
    std::string import_error(const std::string& csv) {
        try {
            import_indicator_csv(db(), csv, system_user(), any_programme, false);
        } catch (const InvalidInput& e) {
            EXPECT_FALSE(e.message().zh.empty());
            return e.message().en;
        }
        return "accepted";
    }
    std::int64_t programme_id = 0;
};

TEST_P(IndicatorImportTest, TheSampleImportsAndReportsAsTheNgoReportDoes) {
    const auto result = import_indicator_csv(db(), sample_csv(), system_user(), any_programme, false);
    EXPECT_EQ(result.rows, 10u);
    EXPECT_EQ(result.readings, 10u);
    ProgrammeRepository programmes(db());
    const std::string report =
        programme_report_markdown(programmes.get(programme_id), programmes.indicators(programme_id));
    for (const char* row :
         {"| 1A-a 社區講座 | 8 節 | 8 | 100% |", "| 1A-b 講座出席人數 | 200 人 | 260 | 130% |",
          "| 1B-a 網上短文 | 10 篇 | 12 | 120% |", "| 1B-b 網上接觸人次 | 2,000 接觸人次 | 2,150 | 107.5% |",
          "| 2 外展接觸青少年人次 | 200 接觸人次 | 180 | 90% |", "| 3-b 家長小組出席人次 | 120 人次 | 140 | 116.7% |",
          "| O1 70% 參加者情緒健康改善 | 74.5% | 達標 met |",
          "| O3 60% 青少年社交參與增加 | 58.3% | 未達標 not met |"}) {
        EXPECT_NE(report.find(row), std::string::npos) << row << "\n" << report;
    }
}

TEST_P(IndicatorImportTest, ACorrectionIsANewReadingAndTheNewestCounts) {
    import_indicator_csv(db(), sample_csv(), system_user(), any_programme, false);
    import_indicator_csv(db(),
                         header + "同行新路計劃,2,output,外展接觸青少年人次,contacts,200,210,2023-04-01,2025-03-31\n",
                         system_user(), any_programme, false);
    EXPECT_EQ(count("readings"), 11) << "the old reading is kept";
    const auto indicators = ProgrammeRepository(db()).indicators(programme_id);
    const auto outreach =
        std::find_if(indicators.begin(), indicators.end(), [](const Indicator& i) { return i.code == "2"; });
    ASSERT_NE(outreach, indicators.end());
    EXPECT_EQ(outreach->actual, std::optional<double>(210));
    EXPECT_EQ(format_percent(*achievement(*outreach).percent), "105%");
}

// A report that printed no target (issue 20): an empty target is "not stated", not 0, in the
// report, the summary and the export, which imports back unchanged.
TEST_P(IndicatorImportTest, AnEmptyTargetIsNotStatedAndExportsAndImportsBackEmpty) {
    import_indicator_csv(db(), header + "同行新路計劃,3-c,output,家長小組,sessions,,18,2023-04-01,2025-03-31\n",
                         system_user(), any_programme, false);
    ProgrammeRepository programmes(db());
    const auto indicators = programmes.indicators(programme_id);
    ASSERT_EQ(indicators.size(), 1u);
    EXPECT_EQ(indicators[0].target, std::nullopt);
    EXPECT_FALSE(achievement(indicators[0]).target_stated);
    const auto report = programme_report_markdown(programmes.get(programme_id), indicators);
    EXPECT_NE(report.find("| 3-c 家長小組 | 未訂明 not stated | 18 | 目標未訂明 target not stated |"),
              std::string::npos)
        << report;
    const auto groups = summarise_achievement(db(), AchievementGrouping::programme, {});
    ASSERT_EQ(groups.size(), 1u);
    EXPECT_EQ(groups[0].not_stated, 1);
    EXPECT_EQ(groups[0].met + groups[0].below + groups[0].not_applicable + groups[0].not_reported, 0);

    User system;
    system.id = system_user_id;
    system.role = Role::system;
    const std::string exported = ProgrammeService(db(), system).export_csv();
    EXPECT_NE(exported.find("同行新路計劃,3-c,output,家長小組,sessions,,18,2023-04-01,2025-03-31"), std::string::npos)
        << exported;
    import_indicator_csv(db(), exported, system_user(), any_programme, false);
    EXPECT_EQ(programmes.indicators(programme_id)[0].target, std::nullopt);
}

TEST_P(IndicatorImportTest, ZeroTargetsAreNotApplicableAndMissingActualsNotReported) {
    import_indicator_csv(db(),
                         header +
                             "同行新路計劃,X,output,額外活動,activities,0,3,2023-04-01,2025-03-31\n"
                             "同行新路計劃,Y,output,未報,sessions,5,,2023-04-01,2025-03-31\n",
                         system_user(), any_programme, false);
    ProgrammeRepository programmes(db());
    const auto report = programme_report_markdown(programmes.get(programme_id), programmes.indicators(programme_id));
    EXPECT_NE(report.find("| X 額外活動 | 0 項活動 | 3 | 不適用 n/a (target 0) |"), std::string::npos) << report;
    EXPECT_NE(report.find("| Y 未報 | 5 節 | – | 未有匯報 not reported |"), std::string::npos) << report;
}

TEST_P(IndicatorImportTest, EveryBadRowIsReportedWithItsLineAndNothingIsWritten) {
    const std::string message = import_error(header +
                                             "同行新路計劃,1A,output,講座,sessions,8,8,2023-04-01,2025-03-31\n"
                                             "不存在的計劃,1A,output,講座,sessions,8,8,2023-04-01,2025-03-31\n"
                                             "同行新路計劃,1B,output,講座,bananas,8,8,2023-04-01,2025-03-31\n"
                                             "同行新路計劃,1C,output,講座,sessions,eight,8,2023-04-01,2025-03-31\n"
                                             "同行新路計劃,1D,output,講座,sessions,8,8,2025-04-01,2024-03-31\n"
                                             "同行新路計劃,1A,output,講座,sessions,8,8,2023-04-01,2025-03-31\n"
                                             "同行新路計劃,O1,outcome,成效,persons,70,74,2023-04-01,2025-03-31\n"
                                             "同行新路計劃,1E,output,講座,sessions,8\n");
    for (const char* expected :
         {"the CSV has 7 error(s); nothing was imported", "line 3, programme: no programme named '不存在的計劃'",
          "line 4, unit: unknown unit 'bananas'",
          "line 5, target: expected a number >= 0, or nothing for a target not stated, got 'eight'",
          "line 6, period_end: the period ends before it starts",
          "line 7, indicator_code: indicator 1A of '同行新路計劃' appears more than once for 2023-04-01 to 2025-03-31 "
          "(also line 2)",
          "line 8, unit: outcome indicators are measured in percent", "line 9, (row): expected 9 columns, found 6"}) {
        EXPECT_NE(message.find(expected), std::string::npos) << expected << "\n" << message;
    }
    EXPECT_EQ(count("indicators"), 0);
    EXPECT_EQ(count("readings"), 0);
}

TEST_P(IndicatorImportTest, UnreadableFilesAreRefusedAndDryRunWritesNothing) {
    EXPECT_NE(import_error("").find("the CSV file is empty"), std::string::npos);
    EXPECT_NE(import_error("name,value\nx,1\n").find("line 1: the columns must be"), std::string::npos);
    EXPECT_NE(import_error(header + "同行新路計劃,1A,output,\xff\xfe,sessions,8,8,2023-04-01,2025-03-31\n")
                  .find("line 2: not UTF-8"),
              std::string::npos);
    EXPECT_NE(import_error(header + std::string("junk\0bytes", 10)).find("line 2: contains binary data"),
              std::string::npos);
    EXPECT_NE(import_error(header + "同行新路計劃,1A,output,\"" + std::string(5000, 'x') +
                           "\",sessions,8,8,2023-04-01,2025-03-31\n")
                  .find("longer than 4096 bytes"),
              std::string::npos);
    EXPECT_NE(import_error(header + "同行新路計劃,1A,output,\"never closed,sessions\n")
                  .find("line 2: a quoted field is never closed"),
              std::string::npos);

    const auto result = import_indicator_csv(db(), sample_csv(), system_user(), any_programme, true);
    EXPECT_EQ(result.rows, 10u);
    EXPECT_EQ(count("indicators"), 0);
}

TEST_P(IndicatorImportTest, AchievementIsSummedUpInSqlWithFilters) {
    import_indicator_csv(db(), sample_csv(), system_user(), any_programme, false);
    import_indicator_csv(db(),
                         header +
                             "同行新路計劃,Z,output,未報,sessions,5,,2023-04-01,2025-03-31\n"
                             "同行新路計劃,N,output,額外,activities,0,4,2023-04-01,2025-03-31\n",
                         system_user(), any_programme, false);
    const auto rows = summarise_achievement(db(), AchievementGrouping::programme, {});
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].label.zh, "同行新路計劃");
    EXPECT_EQ(rows[0].key, std::to_string(programme_id));
    EXPECT_EQ(rows[0].programmes, 1);
    EXPECT_EQ(rows[0].met, 8);
    EXPECT_EQ(rows[0].below, 2);
    EXPECT_EQ(rows[0].not_applicable, 1);
    EXPECT_EQ(rows[0].not_reported, 1);
    ASSERT_TRUE(rows[0].mean_output_percent.has_value());
    EXPECT_EQ(format_percent(*rows[0].mean_output_percent), "112.7%");

    const auto shortfalls = furthest_below_target(db(), {}, 5);
    ASSERT_EQ(shortfalls.size(), 2u);
    EXPECT_EQ(shortfalls[0].code, "2");
    EXPECT_EQ(format_percent(shortfalls[0].percent), "90%");
    EXPECT_EQ(shortfalls[1].code, "O3");

    auto by_programme = [&](AchievementFilter filter) {
        return summarise_achievement(db(), AchievementGrouping::programme, filter).size();
    };
    EXPECT_EQ(by_programme({.area_id = "youth", .financial_year = "2024-25"}), 1u) << "reports in the year it ends";
    EXPECT_EQ(by_programme({.financial_year = "2023-24"}), 0u);
    EXPECT_EQ(by_programme({.area_id = "family"}), 0u);
    EXPECT_EQ(by_programme({.plan_id = 1}), 0u) << "not linked to any plan";
    EXPECT_THROW(by_programme({.financial_year = "2030"}), InvalidInput);
}

TEST_P(IndicatorImportTest, MonthlyOutputsAddUpAndOutcomesTakeTheLatestPeriod) {
    const auto result = import_indicator_csv(db(),
                                             header +
                                                 "同行新路計劃,M,output,每月小組,sessions,30,10,2023-04-01,2023-04-30\n"
                                                 "同行新路計劃,M,output,每月小組,sessions,30,12,2023-05-01,2023-05-31\n"
                                                 "同行新路計劃,M,output,每月小組,sessions,30,9,2023-06-01,2023-06-30\n"
                                                 "同行新路計劃,Q,outcome,滿意度,percent,80,85,2023-07-01,2023-09-30\n"
                                                 "同行新路計劃,Q,outcome,滿意度,percent,80,78,2023-04-01,2023-06-30\n",
                                             system_user(), any_programme, false);
    EXPECT_EQ(result.readings, 5u);
    const auto indicators = ProgrammeRepository(db()).indicators(programme_id);
    ASSERT_EQ(indicators.size(), 2u);
    EXPECT_EQ(indicators[0].actual, std::optional<double>(31));
    EXPECT_EQ(format_percent(*achievement(indicators[0]).percent), "103.3%");
    EXPECT_EQ(indicators[1].actual, std::optional<double>(85)) << "the latest quarter, not the last row";
    EXPECT_TRUE(achievement(indicators[1]).met);
}

TEST_P(IndicatorImportTest, ACorrectionSupersedesTheSamePeriodAndTheHistoryIsKept) {
    import_indicator_csv(db(),
                         header +
                             "同行新路計劃,M,output,每月小組,sessions,30,10,2023-04-01,2023-04-30\n"
                             "同行新路計劃,M,output,每月小組,sessions,30,12,2023-05-01,2023-05-31\n",
                         system_user(), any_programme, false);
    ProgrammeRepository programmes(db());
    const auto indicator_id = programmes.indicators(programme_id).front().id;
    testing::arrange(db(),
                     [&] { programmes.add_reading(indicator_id, 11, "2023-04-01", "2023-04-30", system_user_id); });
    EXPECT_EQ(programmes.indicators(programme_id).front().actual, std::optional<double>(23));
    const auto history = programmes.readings(indicator_id);
    ASSERT_EQ(history.size(), 3u);
    EXPECT_FALSE(history[0].current) << "the April reading was corrected";
    EXPECT_EQ(history[0].value, 10);
    EXPECT_TRUE(history[1].current);
    EXPECT_TRUE(history[2].current);
    EXPECT_EQ(history[2].reported_by, "system");

    // A correction through the CSV works the same way.
    import_indicator_csv(db(), header + "同行新路計劃,M,output,每月小組,sessions,30,13,2023-05-01,2023-05-31\n",
                         system_user(), any_programme, false);
    EXPECT_EQ(programmes.indicators(programme_id).front().actual, std::optional<double>(24));
    EXPECT_EQ(count("readings"), 4);
}

TEST_P(IndicatorImportTest, PartlyOverlappingPeriodsAreRefusedAndNothingIsWritten) {
    const std::string message = import_error(header +
                                             "同行新路計劃,M,output,小組,sessions,30,10,2023-04-01,2023-06-30\n"
                                             "同行新路計劃,M,output,小組,sessions,30,12,2023-05-01,2023-05-31\n"
                                             "同行新路計劃,M,output,小組,sessions,31,12,2023-07-01,2023-07-31\n");
    EXPECT_NE(message.find("line 3, period_start: the period 2023-05-01 to 2023-05-31 partly overlaps line 2"),
              std::string::npos)
        << message;
    EXPECT_NE(message.find("line 4, indicator_code: indicator M is defined differently on line 2"), std::string::npos)
        << message;
    EXPECT_EQ(count("indicators"), 0);

    import_indicator_csv(db(), header + "同行新路計劃,M,output,小組,sessions,30,10,2023-04-01,2023-06-30\n",
                         system_user(), any_programme, false);
    EXPECT_NE(import_error(header + "同行新路計劃,M,output,小組,sessions,30,5,2023-06-01,2023-06-30\n")
                  .find("line 2, period_start: the period 2023-06-01 to 2023-06-30 partly overlaps the reported period "
                        "2023-04-01 to 2023-06-30"),
              std::string::npos);
    ProgrammeRepository programmes(db());
    const auto indicator_id = programmes.indicators(programme_id).front().id;
    EXPECT_THROW(
        testing::arrange(db(),
                         [&] { programmes.add_reading(indicator_id, 5, "2023-06-30", "2023-07-31", system_user_id); }),
        InvalidInput);
    EXPECT_EQ(count("readings"), 1);
    EXPECT_EQ(programmes.indicators(programme_id).front().actual, std::optional<double>(10));
}

// The CSV had no English column and the import wrote an empty description.en over the stored one,
// so export then import emptied every English description.
TEST_P(IndicatorImportTest, EnglishDescriptionsAreKeptUnlessTheFileHasTheColumn) {
    ProgrammeRepository programmes(db());
    testing::arrange(db(), [&] {
        programmes.put_indicator({0,
                                  programme_id,
                                  "1A",
                                  IndicatorKind::output,
                                  {"社區講座", "Community talks"},
                                  "sessions",
                                  8,
                                  std::nullopt,
                                  std::nullopt});
    });
    import_indicator_csv(db(), header + "同行新路計劃,1A,output,社區講座（更新）,sessions,9,8,2023-04-01,2025-03-31\n",
                         system_user(), any_programme, false);
    auto indicator = programmes.indicators(programme_id).front();
    EXPECT_EQ(indicator.description.zh, "社區講座（更新）");
    EXPECT_EQ(indicator.description.en, "Community talks") << "the file says nothing about English";
    EXPECT_EQ(indicator.target, 9);

    // With the column, in any position, it is what the English description becomes.
    import_indicator_csv(
        db(),
        "description_en,programme,indicator_code,kind,description,unit,target,actual,period_start,period_end\n"
        "\"Talks, in the community\",同行新路計劃,1A,output,社區講座,sessions,9,8,2023-04-01,2025-03-31\n",
        system_user(), any_programme, false);
    EXPECT_EQ(programmes.indicators(programme_id).front().description.en, "Talks, in the community");
    EXPECT_NE(import_error(header.substr(0, header.size() - 1) +
                           ",description_en\n"
                           "同行新路計劃,1A,output,社區講座,sessions,9,8,2023-04-01,2025-03-31,Talks\n"
                           "同行新路計劃,1A,output,社區講座,sessions,9,8,2023-05-01,2023-05-31,Other talks\n")
                  .find("line 3, indicator_code: indicator 1A is defined differently on line 2"),
              std::string::npos);
}

TEST_P(IndicatorImportTest, AnExportImportsBackWithEveryDescriptionInBothLanguages) {
    import_indicator_csv(db(), sample_csv(), system_user(), any_programme, false);
    ProgrammeRepository programmes(db());
    for (auto indicator : programmes.indicators(programme_id)) {
        indicator.description.en = "English, \"quoted\" " + indicator.code;
        testing::arrange(db(), [&] { programmes.put_indicator(indicator); });
    }
    const auto before = programmes.indicators(programme_id);
    ProgrammeService service(db(), {system_user_id, "system", "system", Role::system, {}, {}, ""});
    const std::string exported = service.export_csv();
    EXPECT_TRUE(exported.starts_with(std::string(indicator_csv_header) + ",description_en\n")) << exported;
    service.import_csv(exported, false);
    const auto after = programmes.indicators(programme_id);
    ASSERT_EQ(after.size(), before.size());
    for (std::size_t i = 0; i < before.size(); ++i) {
        EXPECT_EQ(after[i].code, before[i].code);
        EXPECT_EQ(after[i].description.zh, before[i].description.zh);
        EXPECT_EQ(after[i].description.en, before[i].description.en);
        EXPECT_EQ(after[i].target, before[i].target);
        EXPECT_EQ(after[i].actual, before[i].actual);
    }
    EXPECT_EQ(service.export_csv(), exported);
}

TEST_P(IndicatorImportTest, HeadersNameEveryColumnOnceAndRowsAndFilesHaveLimits) {
    EXPECT_NE(import_error("programme,indicator_code,kind,description,unit,target,actual,period_start\n")
                  .find("line 1: the columns must be programme,indicator_code,kind,description,unit,target,actual,"
                        "period_start,period_end[,description_en] in any order (found: programme,indicator_code,kind,"
                        "description,unit,target,actual,period_start): column 'period_end' is missing"),
              std::string::npos);
    EXPECT_NE(import_error(header.substr(0, header.size() - 1) + ",kind\n").find("column 'kind' appears twice"),
              std::string::npos);
    EXPECT_NE(import_error(header + std::string(100, ',') + "\n").find("line 2: a row has more than 64 fields"),
              std::string::npos);
    // Dates are digits in YYYY-MM-DD and real days.
    EXPECT_NE(import_error(header + "同行新路計劃,M,output,小組,sessions,30,10,2023- 4-01,2023-04-30\n")
                  .find("line 2, period_start: expected YYYY-MM-DD, got '2023- 4-01'"),
              std::string::npos);
    EXPECT_NE(import_error(header + "同行新路計劃,M,output,小組,sessions,30,10,2023-04-01,2023-02-29\n")
                  .find("line 2, period_end: expected YYYY-MM-DD, got '2023-02-29'"),
              std::string::npos);

    const auto dir = testing::make_temp_dir("dplan-csv-limit");
    const auto huge = dir / "huge.csv";
    std::ofstream(huge) << header;
    std::filesystem::resize_file(huge, indicator_csv_largest_file + 1);  // sparse: nothing is written to disk
    try {
        import_indicator_csv_file(db(), huge, system_user(), any_programme, false);
        ADD_FAILURE() << "a file over the limit was read";
    } catch (const InvalidInput& e) {
        EXPECT_EQ(e.message().en,
                  "the CSV is 536870913 bytes, more than the limit of 536870912 bytes for one import; "
                  "import it in parts");
        EXPECT_EQ(e.message().zh, "CSV 有 536870913 位元組，超過每次匯入的上限 536870912 位元組；請分批匯入");
    }
    EXPECT_THROW(import_indicator_csv_file(db(), dir / "missing.csv", system_user(), any_programme, false),
                 InvalidInput);
    std::filesystem::remove_all(dir);
}

// The file is read in blocks of 64 KiB: a quote, a doubled quote or a CRLF split between two
// blocks reads as within one.
TEST_P(IndicatorImportTest, AStreamedFileReadsTheSameAcrossBlockBoundaries) {
    const auto dir = testing::make_temp_dir("dplan-csv-stream");
    std::string csv = header;
    for (int month = 0; month <= 2000; ++month) {
        const int year = 2000 + month / 12, m = month % 12 + 1;
        csv += fmt::format("同行新路計劃,M,output,\"小組 \"\"每月\"\"\",sessions,3000,1,{}-{:02}-01,{}-{:02}-28\r\n",
                           year, m, year, m);
    }
    ASSERT_GT(csv.size(), 2u * 64 * 1024);
    const auto file = dir / "monthly.csv";
    std::ofstream(file, std::ios::binary) << csv;
    const auto streamed = import_indicator_csv_file(db(), file, system_user(), any_programme, false);
    EXPECT_EQ(streamed.readings, 2001u);
    const auto indicators = ProgrammeRepository(db()).indicators(programme_id);
    ASSERT_EQ(indicators.size(), 1u);
    EXPECT_EQ(indicators[0].description.zh, "小組 \"每月\"");
    EXPECT_EQ(indicators[0].actual, std::optional<double>(2001));
    std::filesystem::remove_all(dir);
}

// The period checks ran before the import's transaction: two imports at once could both find
// no clash and both write. Now the second waits for the first and is refused.
TEST_P(IndicatorImportTest, TwoImportsAtOnceNeverStoreOverlappingPeriods) {
    import_indicator_csv(db(), header + "同行新路計劃,M,output,小組,sessions,30,,2023-04-01,2025-03-31\n",
                         system_user(), any_programme, false);
    const auto other = test_database().open_another();
    std::string second_error;
    std::thread second;
    // The first import calls `progress` inside its write transaction, after its check: the second
    // starts there and gets as far as it can while the first still holds its rows.
    import_indicator_csv(db(), header + "同行新路計劃,M,output,小組,sessions,30,10,2023-04-01,2023-04-30\n",
                         system_user(), any_programme, false, [&](std::size_t, std::size_t) {
                             if (second.joinable()) return;
                             second = std::thread([&] {
                                 try {
                                     import_indicator_csv(*other,
                                                          header +
                                                              "同行新路計劃,M,output,小組,sessions,30,12,2023-04-15,"
                                                              "2023-05-14\n",
                                                          system_user(), any_programme, false);
                                     second_error = "accepted";
                                 } catch (const std::exception& e) {
                                     second_error = e.what();
                                 }
                             });
                             std::this_thread::sleep_for(std::chrono::milliseconds(500));
                         });
    ASSERT_TRUE(second.joinable());
    second.join();
    EXPECT_NE(second_error.find("the period 2023-04-15 to 2023-05-14 partly overlaps the reported period 2023-04-01 to "
                                "2023-04-30"),
              std::string::npos)
        << second_error;
    EXPECT_EQ(count("readings"), 1);
    EXPECT_EQ(ProgrammeRepository(db()).indicators(programme_id).front().actual, std::optional<double>(10));
}

// add_reading checked, then inserted, without holding anything: a reading recorded while an import
// was writing the same indicator could overlap it.
TEST_P(IndicatorImportTest, AReadingRecordedDuringAnImportWaitsForItAndIsRefused) {
    import_indicator_csv(db(), header + "同行新路計劃,M,output,小組,sessions,30,,2023-04-01,2025-03-31\n",
                         system_user(), any_programme, false);
    const auto indicator_id = ProgrammeRepository(db()).indicators(programme_id).front().id;
    const auto other = test_database().open_another();
    std::string recorded;
    std::thread record;
    import_indicator_csv(db(), header + "同行新路計劃,M,output,小組,sessions,30,10,2023-04-01,2023-04-30\n",
                         system_user(), any_programme, false, [&](std::size_t, std::size_t) {
                             if (record.joinable()) return;
                             record = std::thread([&] {
                                 try {
                                     testing::arrange(*other, [&] {
                                         ProgrammeRepository(*other).add_reading(indicator_id, 7, "2023-04-20",
                                                                                 "2023-05-19", system_user_id);
                                     });
                                     recorded = "accepted";
                                 } catch (const std::exception& e) {
                                     recorded = e.what();
                                 }
                             });
                             std::this_thread::sleep_for(std::chrono::milliseconds(500));
                         });
    ASSERT_TRUE(record.joinable());
    record.join();
    EXPECT_NE(recorded.find("partly overlaps the reported period 2023-04-01 to 2023-04-30"), std::string::npos)
        << recorded;
    EXPECT_EQ(count("readings"), 1);
}

TEST_P(IndicatorImportTest, AFileWithOnlyTheHeaderImportsNothingAndSucceeds) {
    const auto result = import_indicator_csv(db(), header, system_user(), any_programme, false);
    EXPECT_EQ(result.readings, 0u);
    EXPECT_EQ(count("readings"), 0);
}

DPLAN_INSTANTIATE_BACKEND_TESTS(IndicatorImportTest);

}  // namespace
}  // namespace dplan
