// `dplan programme import-report` run as a user runs it, on SQLite and on MariaDB: the shared
// sample as text and as a PDF, an English report, corrections, definitions, permissions and bad
// input that leaves the database as it was.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

#include "services/committee_paper.hpp"
#include "services/csv.hpp"
#include "services/paper_pdf.hpp"
#include "storage/programme_repository.hpp"
#include "support/backend_test.hpp"
#include "support/run_command.hpp"

namespace dplan {
namespace {

using testing::CommandResult;

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void write_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

const std::filesystem::path fixtures = DPLAN_SOURCE_DIR "/tests/fixtures";

// A one-page PDF written by hand: objects 1 (catalogue), 2 (pages), 3 (page), 4 (its content), and
// any more; `trailer` adds to the trailer dictionary.
std::string hand_made_pdf(const std::string& content, const std::vector<std::string>& more,
                          const std::string& trailer) {
    std::vector<std::string> objects{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                     "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
                                     fmt::format("<< /Length {} >>\nstream\n{}\nendstream", content.size(), content)};
    objects.insert(objects.end(), more.begin(), more.end());
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += fmt::format("{} 0 obj\n{}\nendobj\n", i + 1, objects[i]);
    }
    const std::size_t xref = pdf.size();
    pdf += fmt::format("xref\n0 {}\n0000000000 65535 f \n", objects.size() + 1);
    for (const auto offset : offsets) pdf += fmt::format("{:010} 00000 n \n", offset);
    pdf += fmt::format("trailer\n<< /Size {} /Root 1 0 R {} >>\nstartxref\n{}\n%%EOF\n", objects.size() + 1, trailer,
                       xref);
    return pdf;
}

// A scanned report: the page is one image, with no text to read.
std::string image_only_pdf() {
    return hand_made_pdf(std::string("q 100 0 0 100 50 50 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\xff\xff\x00 EI Q", 62),
                         {}, "");
}

// Locked with a user password (the standard security handler, RC4 40-bit): the empty password
// does not open it.
std::string encrypted_pdf() {
    const std::string key(64, 'A');
    return hand_made_pdf(
        "BT /F1 12 Tf 20 100 Td (secret) Tj ET",
        {fmt::format("<< /Filter /Standard /V 1 /R 2 /O <{}> /U <{}> /P -44 >>", key, std::string(64, '7'))},
        "/Encrypt 5 0 R /ID [<0123456789ABCDEF0123456789ABCDEF><0123456789ABCDEF0123456789ABCDEF>]");
}

class ReportImportCli : public testing::BackendTest {
  protected:
    void SetUp() override {
        BackendTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        home = testing::make_temp_dir("dplan_report_import");
        const DatabaseUrl url = parse_database_url(test_database().url());
        if (url.dialect == Dialect::mysql) {
            db_url = fmt::format("mysql://{}@{}:{}/{}", url.user, url.host, url.port, url.database);
            env.push_back("DPLAN_DB_PASSWORD=" + url.password);
        } else {
            db_url = test_database().url();
        }
        ASSERT_EQ(dplan({"db", "init"}).exit_code, 0);
    }
    void TearDown() override {
        if (!home.empty()) std::filesystem::remove_all(home);
        BackendTest::TearDown();
    }

    CommandResult dplan(std::vector<std::string> arguments, const std::string& user = "") {
        std::vector<std::string> all{"--db", db_url};
        if (!user.empty()) all.insert(all.end(), {"--user", user});
        all.insert(all.end(), arguments.begin(), arguments.end());
        std::vector<std::string> environment = env;
        environment.push_back("HOME=" + home.string());
        environment.push_back("XDG_STATE_HOME=" + (home / "state").string());
        return testing::run_command(DPLAN_EXECUTABLE, all, environment);
    }

    // code -> "kind,unit,target,actual,start,end" of every stored indicator, from the CSV export.
    std::map<std::string, std::string> stored(const std::string& programme) {
        const auto result = dplan({"indicators", "export"});
        EXPECT_EQ(result.exit_code, 0) << result.err;
        return rows_of(result.out, programme);
    }

    static std::map<std::string, std::string> rows_of(const std::string& csv, const std::string& programme) {
        std::map<std::string, std::string> rows;
        bool header = true;
        for_each_csv_row(csv, [&](const CsvRow& row) {
            if (header) {
                header = false;
                return;
            }
            if (row.fields.at(0) != programme) return;
            // Numbers as numbers: the officer's "81.0" is the export's "81".
            const auto number = [](const std::string& text) {
                return text.empty() ? text : fmt::format("{}", std::stod(text));
            };
            rows[row.fields.at(1)] =
                fmt::format("{},{},{},{},{},{}", row.fields.at(2), row.fields.at(4), number(row.fields.at(5)),
                            number(row.fields.at(6)), row.fields.at(7), row.fields.at(8));
        });
        return rows;
    }

    // The officer's CSV for the sample, plus the 18節 indicator the CSV leaves out, without a target.
    static std::map<std::string, std::string> expected_sample() {
        auto rows = rows_of(read_file(fixtures / "riverside-indicators.csv"), "同行新路計劃");
        rows["3-c"] = "output,sessions,,18,2023-04-01,2025-03-31";
        return rows;
    }

    std::filesystem::path home;
    std::string db_url;
    std::vector<std::string> env;
};

TEST_P(ReportImportCli, TheSampleImportsIntoANewProgrammeAsTheOfficersCsvHasIt) {
    const auto sample = (fixtures / "riverside-programme-report.txt").string();
    auto result = dplan({"--lang", "en", "programme", "import-report", sample, "--new", "--dry-run"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("Dry run: nothing was written."), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("1B-b  line 15"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("target 2,000 (inferred from 107.5%)"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("3-c"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("actual 18  target not stated"), std::string::npos) << result.out;
    EXPECT_TRUE(stored("同行新路計劃").empty()) << "a dry run writes nothing";

    result = dplan({"programme", "import-report", sample, "--new"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("已寫入 11 項讀數"), std::string::npos) << result.out;
    EXPECT_EQ(stored("同行新路計劃"), expected_sample());

    result = dplan({"programme", "report", "1"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    for (const char* percent : {"| 100% |", "| 130% |", "| 120% |", "| 107.5% |", "| 90% |", "| 125% |", "| 116.7% |",
                                "| 74.5% | 達標 met", "| 58.3% | 未達標 not met"}) {
        EXPECT_NE(result.out.find(percent), std::string::npos) << percent << "\n" << result.out;
    }
    EXPECT_NE(result.out.find("3-c 家長小組 | 未訂明 not stated | 18 | 目標未訂明 target not stated |"),
              std::string::npos)
        << result.out;

    // Imported again for the same period: corrections, not duplicates.
    result = dplan({"--lang", "en", "programme", "import-report", sample});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("Wrote 11 readings for 2023-04-01 to 2025-03-31, 11 of them corrections."),
              std::string::npos)
        << result.out;
    EXPECT_EQ(stored("同行新路計劃"), expected_sample());
}

// The sample as the PDF an NGO sends: set by the project's own PDF writer, so poppler's text has
// the writer's line breaks and bullets.
TEST_P(ReportImportCli, TheSampleAsAPdfImportsTheSame) {
    const auto pdf = home / "riverside-programme-report.pdf";
    std::vector<PaperBlock> blocks;
    std::istringstream lines(read_file(fixtures / "riverside-programme-report.txt"));
    for (std::string line; std::getline(lines, line);) {
        if (line.empty()) continue;
        if (line.starts_with("• ")) {
            blocks.push_back({BlockKind::bullet, line.substr(std::string("• ").size())});
        } else {
            blocks.push_back({BlockKind::paragraph, line});
        }
    }
    write_paper_pdf(blocks, pdf);
    auto result = dplan({"--lang", "en", "programme", "import-report", pdf.string(), "--new"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(stored("同行新路計劃"), expected_sample()) << result.out;
}

TEST_P(ReportImportCli, AnEnglishReportImportsTheSameWay) {
    auto result = dplan({"--lang", "en", "programme", "import-report",
                         (fixtures / "harbour-youth-programme-report.txt").string(), "--new"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const std::map<std::string, std::string> expected{
        {"1A-a", "output,sessions,8,8,2023-04-01,2025-03-31"},
        {"1A-b", "output,persons,200,260,2023-04-01,2025-03-31"},
        {"1B-a", "output,posts,10,12,2023-04-01,2025-03-31"},
        {"1B-b", "output,contacts,2000,2150,2023-04-01,2025-03-31"},
        {"2", "output,contacts,200,180,2023-04-01,2025-03-31"},
        {"3-a", "output,persons,20,25,2023-04-01,2025-03-31"},
        {"3-b", "output,attendances,120,140,2023-04-01,2025-03-31"},
        {"3-c", "output,sessions,,18,2023-04-01,2025-03-31"},
        {"O1", "outcome,percent,70,74.5,2023-04-01,2025-03-31"},
        {"O2", "outcome,percent,70,81,2023-04-01,2025-03-31"},
        {"O3", "outcome,percent,60,58.3,2023-04-01,2025-03-31"},
    };
    EXPECT_EQ(stored("Walking a New Road Together"), expected) << result.out;
    result = dplan({"--lang", "en", "programme", "report", "1"});
    EXPECT_NE(result.out.find("| 116.7% |"), std::string::npos) << result.out;
}

TEST_P(ReportImportCli, StoredDefinitionsStayUnlessToldAndEveryProblemLeavesTheDatabaseAsItWas) {
    ASSERT_EQ(dplan({"demo"}).exit_code, 0);
    const auto before = stored("同行新路計劃");
    ASSERT_EQ(before.size(), 10u);
    const auto sample = (fixtures / "riverside-programme-report.txt").string();

    // Bad input of every kind: a clear error naming the problem, and nothing written.
    const auto empty = home / "empty.pdf";
    write_file(empty, "");
    const auto binary = home / "binary.txt";
    write_file(binary, std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    const auto scanned = home / "scanned.pdf";
    write_file(scanned, image_only_pdf());
    const auto locked = home / "locked.pdf";
    write_file(locked, encrypted_pdf());
    const auto damaged = home / "damaged.pdf";
    write_file(damaged, "%PDF-1.4\n1 0 obj << /Type /Catalog");
    const auto no_indicators = home / "no-indicators.txt";
    write_file(no_indicators, "同行新路計劃 01/04/2023 – 31/03/2025\n\n成果指標\n\n成效指標\n");
    const auto unreadable = home / "unreadable.txt";
    write_file(unreadable, read_file(sample) + "\n成果指標\n4. 派發500份單張(125%)。\n");
    for (const auto& [file, reason] :
         std::vector<std::pair<std::filesystem::path, std::string>>{{empty, "it has no text"},
                                                                    {binary, "binary data"},
                                                                    {scanned, "has no text to read"},
                                                                    {locked, "password-protected"},
                                                                    {damaged, "not a readable PDF"},
                                                                    {no_indicators, "hold no indicators"},
                                                                    {unreadable, "unknown measure word"},
                                                                    {home / "missing.txt", "cannot open"}}) {
        const auto result = dplan({"programme", "import-report", file.string()});
        EXPECT_EQ(result.exit_code, 2) << file << result.err;
        EXPECT_NE(result.err.find(reason), std::string::npos) << file << result.err;
        EXPECT_EQ(stored("同行新路計劃"), before);
    }
    auto result = dplan({"programme", "import-report", sample, "--new"});
    EXPECT_NE(result.err.find("exists already (id 1)"), std::string::npos) << result.err;

    // Into the demo's programme, found by name: its descriptions differ from the report's words and
    // stay; the 18節 indicator is new; the other readings correct the stored ones.
    result = dplan({"--lang", "en", "programme", "import-report", sample});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("indicator 1A-a is stored as '社區講座', the report says '舉辦社區講座'; left unchanged"),
              std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("10 of them corrections"), std::string::npos) << result.out;
    auto after = stored("同行新路計劃");
    EXPECT_EQ(after.size(), 11u);
    after.erase("3-c");
    EXPECT_EQ(after, before);
    result = dplan({"--lang", "en", "indicators", "history", "1", "1A-b"});
    EXPECT_NE(result.out.find("superseded"), std::string::npos) << result.out;

    result = dplan({"--lang", "en", "programme", "import-report", sample, "--programme", "1", "--update-definitions"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("changed to the report's"), std::string::npos) << result.out;
    result = dplan({"indicators", "export"});
    EXPECT_NE(result.out.find(",1A-a,output,舉辦社區講座,"), std::string::npos) << result.out;
}

TEST_P(ReportImportCli, OnlyTheProgrammesDistrictOfficersItsOrganisationsStaffAndAdminsMayImport) {
    ASSERT_EQ(dplan({"demo"}).exit_code, 0);
    for (const std::vector<std::string>& user :
         {std::vector<std::string>{"river.officer", "--role", "officer", "--district", "riverside"},
          {"north.officer", "--role", "officer", "--district", "north"},
          {"youth.staff", "--role", "ngo", "--organisation", "河畔青少年綜合服務中心"},
          {"family.staff", "--role", "ngo", "--organisation", "河畔家庭服務中心"},
          {"member", "--role", "committee_member", "--district", "riverside"},
          {"boss", "--role", "admin"}}) {
        std::vector<std::string> add{"user", "add"};
        add.insert(add.end(), user.begin(), user.end());
        ASSERT_EQ(dplan(add).exit_code, 0) << user.front();
    }
    const auto sample = (fixtures / "riverside-programme-report.txt").string();
    const auto before = stored("同行新路計劃");
    for (const char* user : {"north.officer", "family.staff", "member"}) {
        const auto result = dplan({"programme", "import-report", sample, "--programme", "1"}, user);
        EXPECT_EQ(result.exit_code, 6) << user << result.err;
        EXPECT_NE(result.err.find("dplan: error: user '" + std::string(user) + "'"), std::string::npos) << result.err;
        EXPECT_NE(result.err.find("dplan: 錯誤：用戶「" + std::string(user) + "」"), std::string::npos) << result.err;
        EXPECT_EQ(stored("同行新路計劃"), before);
    }
    for (const char* user : {"river.officer", "youth.staff", "boss"}) {
        const auto result = dplan({"programme", "import-report", sample, "--programme", "1"}, user);
        EXPECT_EQ(result.exit_code, 0) << user << result.err;
    }
}

DPLAN_INSTANTIATE_BACKEND_TESTS(ReportImportCli);

}  // namespace
}  // namespace dplan
