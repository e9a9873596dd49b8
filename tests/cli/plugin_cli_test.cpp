// dplan plugins list, plugin keygen | sign | verify | check, and plan validate, run as a user would.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "domain/plan_json.hpp"
#include "domain/user.hpp"
#include "plugin_cli_fixture.hpp"
#include "services/pdf_text.hpp"
#include "storage/district_repository.hpp"
#include "storage/migration.hpp"
#include "storage/plan_repository.hpp"
#include "storage/programme_repository.hpp"
#include "support/backend_test.hpp"
#include "support/run_command.hpp"
#include "support/sample_plan.hpp"

namespace dplan {
namespace {

TEST_F(PluginCli, KeygenWritesAPrivateSecretKeyAndNeverOverwrites) {
    auto result = dplan({"plugin", "keygen", "--out", (root / "mine").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    struct stat info {};
    ASSERT_EQ(stat((root / "mine.key").c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    EXPECT_EQ(plugins::read_public_key(root / "mine.pub").size(), 64u);
    result = dplan({"plugin", "keygen", "--out", (root / "mine").string()});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("already exists"), std::string::npos) << result.err;
}

TEST_F(PluginCli, SignedPluginsAreListedAsLoadedWithTheirContributions) {
    sign_with_cli();
    const auto result = dplan({"plugins", "list"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    for (const char* name : {"Family and child welfare services", "Elderly services", "Rehabilitation services",
                             "Youth services", "Volunteer services"}) {
        EXPECT_NE(result.out.find(name), std::string::npos) << name << "\n" << result.out;
    }
    EXPECT_NE(result.out.find("6 indicators, validation, report text, dashboard panel"), std::string::npos);
    EXPECT_EQ(result.out.find("Refused"), std::string::npos) << result.out;
}

TEST_F(PluginCli, ListShowsRefusedPluginsWithTheirReasonsAndExitsNonZero) {
    sign_with_cli();
    std::filesystem::remove(folder / "youth" / "plugin.sig");
    const auto result = dplan({"plugins", "list"});
    EXPECT_EQ(result.exit_code, 5) << result.err;
    EXPECT_NE(result.out.find("Refused plugins:"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("unsigned (no plugin.sig)"), std::string::npos) << result.out;
}

TEST_F(PluginCli, VerifyAcceptsTheSignedPluginAndRejectsATamperedOne) {
    sign_with_cli();
    auto result = dplan({"plugin", "verify", (folder / "family").string()});
    EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
    EXPECT_NE(result.out.find("Valid signature"), std::string::npos) << result.out;

    std::ofstream(folder / "family" / "libdplan_family.so", std::ios::app) << "x";
    result = dplan({"plugin", "verify", (folder / "family").string()});
    EXPECT_EQ(result.exit_code, 5);
    EXPECT_NE(result.out.find("SHA-256 of libdplan_family.so"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("does not match plugin.json"), std::string::npos) << result.out;
}

TEST_F(PluginCli, CheckRunsAGoodPluginThroughEveryContributionAndFailsABrokenOne) {
    sign_with_cli();
    auto result = dplan({"plugin", "check", (folder / "rehabilitation").string()});
    ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
    EXPECT_NE(result.out.find("objective-missing"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("Report text (Chinese):"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("passed every check"), std::string::npos) << result.out;

    const auto broken = add(testing::broken_plugins / "throwing_init", "throwing_init");
    plugins::sign_plugin(broken, key.secret_key_file);
    result = dplan({"plugin", "check", broken.string()});
    EXPECT_EQ(result.exit_code, 5);
    EXPECT_NE(result.out.find("init blew up"), std::string::npos) << result.out;
}

TEST_F(PluginCli, PlanShowNamesAreasAndValidateExitsNonZeroOnlyForErrors) {
    sign_with_cli();
    Plan plan = testing::sample_plan(0);
    const auto url = database_with(plan);
    auto result = dplan({"--db", url, "--lang", "zh", "plan", "show", "1"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("[family] 家庭及兒童福利服務"), std::string::npos) << result.out;

    result = dplan({"--db", url, "plan", "validate", "1"});
    EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
    EXPECT_NE(result.out.find("[warning] Elderly services · focus point 1: This focus point names no partner sector"),
              std::string::npos)
        << result.out;

    std::filesystem::remove(root / "plans.db");
    plan.sections[0].objective = {"", ""};
    const auto bad = database_with(plan);
    result = dplan({"--db", bad, "plan", "validate", "1"});
    EXPECT_EQ(result.exit_code, 5) << result.out;
    EXPECT_NE(result.out.find("The section has no objective"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("cannot be submitted"), std::string::npos) << result.out;
}

}  // namespace
}  // namespace dplan

namespace dplan {
namespace {

TEST_F(PlanImportCli, ImportingThePaperAlwaysCreatesANewDraft) {
    const std::string paper = DPLAN_FIXTURES "/riverside-2024-25-plan-paper.txt";
    auto result = dplan({"--db", url, "plan", "import", paper});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("Rehabilitation services: 2 focus points"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("Created draft plan 2."), std::string::npos) << result.out;
    result = dplan({"--db", url, "plan", "import", paper});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("Created draft plan 3."), std::string::npos) << result.out;
    EXPECT_EQ(plan_count(), 3) << "the demo plan and two imported drafts";

    result = dplan({"--db", url, "--lang", "zh", "plan", "show", "3"});
    EXPECT_NE(result.out.find("1. 與學校、診所及屋邨管理處建立轉介網絡，讓需要支援的家庭能及早得到服務。"),
              std::string::npos)
        << result.out;
}

TEST_F(PlanImportCli, ExportedPdfAndJsonImportBackAsNewDrafts) {
    const auto pdf = root / "paper.pdf";
    auto result =
        dplan({"--db", url, "plan", "export", "1", "--format", "pdf", "--lang", "both", "--out", pdf.string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    result = dplan({"--db", url, "plan", "import", pdf.string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("Created draft plan 2."), std::string::npos) << result.out;

    const auto original = dplan({"--db", url, "plan", "export", "1", "--format", "json"}).out;
    const auto from_pdf = dplan({"--db", url, "plan", "export", "2", "--format", "json"}).out;
    const auto json = root / "plan.json";
    std::ofstream(json) << original;
    result = dplan({"--db", url, "plan", "import", json.string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto from_json = dplan({"--db", url, "plan", "export", "3", "--format", "json"}).out;

    // Everything but the ids the database gives comes back, in both languages.
    auto content = [](const std::string& text) {
        auto plan = plan_from_json(text);
        plan.id = 0;
        plan.version = 0;
        for (auto& section : plan.sections) {
            for (auto& point : section.focus_points) point.id = 0;
        }
        return plan_to_json(plan);
    };
    EXPECT_EQ(content(from_pdf), content(original));
    EXPECT_EQ(content(from_json), content(original));

    result = dplan({"--db", url, "plan", "export", "1", "--format", "pdf"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("--out"), std::string::npos) << result.err;
}

TEST_F(PlanImportCli, BadFilesGetAClearErrorAndCreateNothing) {
    const auto binary = root / "junk.txt";
    std::ofstream(binary, std::ios::binary) << std::string(
        "\x7f"
        "ELF\0\0\0\x02junk",
        12);
    auto result = dplan({"--db", url, "plan", "import", binary.string()});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("junk.txt: not a text file"), std::string::npos) << result.err;

    const auto no_areas = root / "letter.txt";
    std::ofstream(no_areas) << "2024-25 年度\n目的\n一封普通信件。\n";
    result = dplan({"--db", url, "plan", "import", no_areas.string()});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("no service-area heading was recognised"), std::string::npos) << result.err;

    const auto pdf = root / "paper.pdf";
    std::ofstream(pdf) << "%PDF-1.4 truncated";
    result = dplan({"--db", url, "plan", "import", pdf.string()});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("paper.pdf is not a readable PDF (damaged or truncated)"), std::string::npos)
        << result.err;

    const auto other_district = root / "north.txt";
    std::ofstream(other_district) << "北岸區議會\n2024-25 年度\n安老服務\n工作目標：支援長者\n";
    result = dplan({"--db", url, "plan", "import", other_district.string()});
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_NE(result.err.find("district '北岸區' is not in the database"), std::string::npos) << result.err;

    EXPECT_EQ(plan_count(), 1) << "only the demo plan";
}

}  // namespace
}  // namespace dplan

namespace dplan {
namespace {

// import → edit → validate → submit → comment → return → revise → resubmit → endorse, from the
// command line, on both backends.
class PlanCycleCli : public PluginCli, public ::testing::WithParamInterface<Dialect> {
  protected:
    void SetUp() override {
        PluginCli::SetUp();
        DPLAN_REQUIRE_DATABASE(database, GetParam());
        sign_with_cli();
    }
    CommandResult as(const std::string& user, std::vector<std::string> arguments) {
        arguments.insert(arguments.begin(), {"--db", database->url(), "--user", user});
        return dplan(arguments);
    }
    void ok(const std::string& user, const std::vector<std::string>& arguments) {
        const auto result = as(user, arguments);
        ASSERT_EQ(result.exit_code, 0) << arguments.front() << " " << arguments.at(1) << "\n"
                                       << result.out << result.err;
    }
    std::unique_ptr<testing::TestDatabase> database;
};

TEST_P(PlanCycleCli, TheWholeCycleRunsFromTheCommandLine) {
    ok("system", {"demo"});
    ok("system", {"user", "add", "chan", "--role", "officer", "--district", "riverside"});
    ok("system", {"user", "add", "wong", "--role", "committee_member", "--district", "riverside"});
    ok("chan", {"plan", "import", DPLAN_FIXTURES "/riverside-2024-25-plan-paper.txt"});
    ok("chan", {"plan", "edit", "2", "--reason", "planning meeting view", "--add-point",
                "youth=與學校合作識別濫藥青少年", "--objective-en", "youth=Walk with young people"});
    auto result = as("chan", {"plan", "validate", "2"});
    EXPECT_EQ(result.exit_code, 0) << result.out;
    ok("chan", {"plan", "submit", "2"});
    result = as("chan", {"plan", "edit", "2", "--reason", "late", "--theme-zh", "x"});
    EXPECT_EQ(result.exit_code, 2) << "frozen: " << result.err;
    ok("wong", {"plan", "review", "2", "--start"});
    ok("wong", {"plan", "comment", "2", "--area", "youth", "--text", "請補充成效指標"});
    ok("wong", {"plan", "decide", "2", "--outcome", "returned", "--date", "2024-06-18", "--meeting", "SSC 3"});
    ok("chan", {"plan", "edit", "2", "--reason", "committee comments", "--theme-en", "Hand in Hand"});
    ok("chan", {"plan", "reply", "1", "--resolve", "--text", "已補充"});
    ok("chan", {"plan", "submit", "2"});
    ok("wong", {"plan", "decide", "2", "--outcome", "endorsed", "--date", "2024-07-02", "--meeting", "SSC 4"});

    result = as("chan", {"plan", "history", "2"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("planning meeting view"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("Returned with comments → Submitted"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("Endorsed (revision 3) SSC 4"), std::string::npos) << result.out;
    result = as("chan", {"plan", "diff", "2", "--from", "1", "--to", "2"});
    EXPECT_NE(result.out.find("youth · focus point 4: added"), std::string::npos) << result.out;
    result = as("wong", {"plan", "review", "2"});
    EXPECT_NE(result.out.find("resolved"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("請補充成效指標"), std::string::npos) << result.out;
    result = as("wong", {"plan", "edit", "2", "--reason", "x", "--theme-zh", "y"});
    EXPECT_EQ(result.exit_code, 6) << result.err;
}

INSTANTIATE_TEST_SUITE_P(Backends, PlanCycleCli, ::testing::Values(Dialect::sqlite, Dialect::mysql),
                         testing::backend_test_name);

}  // namespace
}  // namespace dplan

namespace dplan {
namespace {

TEST_F(PlanImportCli, ThePluginsDeclaredPanelsAreFilledInByTheHost) {
    const auto result = dplan({"--db", url, "plan", "panels", "1"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    // The demo's family section: 3 focus points naming health, education, district groups,
    // NGOs, residents and government; one SMART warning.
    EXPECT_NE(result.out.find("[family] Family and child welfare\n  Focus points: 3\n  Partner sectors engaged: 6\n"
                              "  Validation findings: 1\n"),
              std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("[volunteer] Volunteer services"), std::string::npos) << result.out;
}

TEST_F(PlanImportCli, TheProgrammeReportIsAlsoAPdf) {
    const auto pdf = root / "report.pdf";
    auto result = dplan({"--db", url, "programme", "report", "1", "--format", "pdf", "--out", pdf.string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const std::string text = pdf_text(pdf);
    EXPECT_NE(text.find("同行新路計劃"), std::string::npos) << text;
    EXPECT_NE(text.find("130%"), std::string::npos) << text;
    EXPECT_NE(text.find("107.5%"), std::string::npos) << text;
    EXPECT_NE(text.find("not met"), std::string::npos) << text;
    result = dplan({"--db", url, "programme", "report", "1", "--format", "pdf"});
    EXPECT_EQ(result.exit_code, 2) << "a PDF needs --out";
}

TEST_F(PlanImportCli, IndicatorsCanBeAddedFromThePluginsCatalogues) {
    auto result = dplan({"--db", url, "indicators", "catalogue", "--area", "youth"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("YTH-01   output  contacts     Outreach contacts with young people"), std::string::npos)
        << result.out;
    EXPECT_EQ(result.out.find("FAM-01"), std::string::npos) << "only the youth area";

    result = dplan({"--db", url, "indicators", "add", "1", "--code", "4", "--from-catalogue", "YTH-03"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    result = dplan({"--db", url, "programme", "report", "1"});
    EXPECT_NE(result.out.find("| 4 生涯規劃小組 | 20 節 | – | 未有匯報 not reported |"), std::string::npos)
        << result.out;
    {
        auto db = Database::open(parse_database_url(url), OpenMode::must_exist);
        const auto indicators = ProgrammeRepository(*db).indicators(1);
        const auto added =
            std::find_if(indicators.begin(), indicators.end(), [](const Indicator& i) { return i.code == "4"; });
        ASSERT_NE(added, indicators.end());
        EXPECT_EQ(added->catalogue_code, std::optional<std::string>("YTH-03")) << "the catalogue link is kept";
    }

    EXPECT_EQ(dplan({"--db", url, "indicators", "add", "1", "--code", "5", "--from-catalogue", "NOPE"}).exit_code, 3);
    result = dplan({"--db", url, "indicators", "add", "1", "--code", "5", "--unit", "bananas", "--target", "3"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("unknown unit 'bananas'"), std::string::npos) << result.err;
    result = dplan({"--db", url, "indicators", "add", "1", "--code", "6", "--kind", "outcome", "--unit", "persons"});
    EXPECT_EQ(result.exit_code, 2);
}

TEST_F(PlanImportCli, ReadingsAreRecordedCorrectedAndSummedUpByAnyGrouping) {
    // Outreach contacts (code 2): 180 reported for the whole period; a correction to 210.
    auto result = dplan({"--db", url, "--lang", "en", "indicators", "record", "1", "2", "--value", "210", "--start",
                         "2023-04-01", "--end", "2025-03-31"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("Indicator 2 now stands at 210 (105%)"), std::string::npos) << result.out;
    result = dplan({"--db", url, "--lang", "en", "indicators", "history", "1", "2"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("180  system"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("(superseded)"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("210  system"), std::string::npos) << result.out;

    result = dplan({"--db", url, "--lang", "en", "indicators", "record", "1", "2", "--value", "5", "--start",
                    "2024-01-01", "--end", "2024-01-31"});
    EXPECT_EQ(result.exit_code, 2) << "partly overlaps the whole-period reading";
    EXPECT_NE(result.err.find("partly overlaps the reported period 2023-04-01 to 2025-03-31"), std::string::npos)
        << result.err;
    EXPECT_EQ(dplan({"--db", url, "indicators", "history", "1", "NOPE"}).exit_code, 3);

    for (const auto& [by, label] : std::vector<std::pair<std::string, std::string>>{
             {"programme", "Walking a New Road Together | 1 | 9 | 1 | 0 | 0 |"},
             {"organisation", "Riverside Integrated Youth Services Centre | 1 | 9 | 1 |"},
             {"area", "Youth services | 1 | 9 | 1 |"},
             {"plan", "Riverside 2024-25 (#1) | 1 | 9 | 1 |"},
             {"district", "Riverside | 1 | 9 | 1 |"},
             {"year", "2024-25 | 1 | 9 | 1 |"}}) {
        result = dplan({"--db", url, "--lang", "en", "indicators", "summary", "--by", by});
        ASSERT_EQ(result.exit_code, 0) << result.err;
        EXPECT_NE(result.out.find(label), std::string::npos) << by << "\n" << result.out;
    }
    result = dplan({"--db", url, "--lang", "en", "indicators", "summary", "--year", "2023-24"});
    EXPECT_NE(result.out.find("No programmes match."), std::string::npos) << result.out;
    EXPECT_NE(dplan({"--db", url, "indicators", "summary", "--by", "colour"}).exit_code, 0);

    // An export imports back without changing anything.
    const auto exported = dplan({"--db", url, "indicators", "export"});
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    EXPECT_NE(exported.out.find("同行新路計劃,2,output,外展接觸青少年人次,contacts,200,210,2023-04-01,2025-03-31"),
              std::string::npos)
        << exported.out;
    const auto csv = root / "export.csv";
    std::ofstream(csv) << exported.out;
    result = dplan({"--db", url, "--lang", "en", "indicators", "import", csv.string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(dplan({"--db", url, "indicators", "export"}).out, exported.out);
}

}  // namespace
}  // namespace dplan
