// A new office's first hour, as a user has it: the README's walk-through run line by line with the
// dplan of this build tree (no plugin options: it finds its plugins and development key itself),
// a paper of a district other than the demo's imported into a new database and exported with the
// same letterhead, the districts a new database holds, and what `dplan` says before any database.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>

#include "support/run_command.hpp"
#include "support/test_database.hpp"

namespace dplan {
namespace {

using testing::CommandResult;

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// The lines of the README's block marked <!-- walk-through -->.
std::vector<std::string> walk_through() {
    std::istringstream readme(read_file(std::filesystem::path(DPLAN_SOURCE_DIR) / "README.md"));
    std::vector<std::string> lines;
    bool marked = false, inside = false;
    for (std::string line; std::getline(readme, line);) {
        if (line == "<!-- walk-through -->") {
            marked = true;
        } else if (marked && !inside && line == "```sh") {
            inside = true;
        } else if (inside && line == "```") {
            break;
        } else if (inside && !line.empty()) {
            lines.push_back(line);
        }
    }
    return lines;
}

int loaded_plugins(const std::string& plugins_list) {
    // "  family           1.0.0    ..." lines between "Loaded plugins:" and the next heading.
    static const std::regex loaded_line(R"(^  (family|elderly|rehabilitation|youth|volunteer) +[0-9])");
    std::istringstream lines(plugins_list);
    int count = 0;
    for (std::string line; std::getline(lines, line);) {
        if (std::regex_search(line, loaded_line)) ++count;
    }
    return count;
}

class FirstHour : public ::testing::Test {
  protected:
    void SetUp() override {
        work = testing::make_temp_dir("dplan_first_hour");
        // The walk-through runs from the clone's top folder: its build/ and tests/ are here.
        std::filesystem::create_directory_symlink(DPLAN_BINARY_DIR, work / "build");
        std::filesystem::create_directory_symlink(std::filesystem::path(DPLAN_SOURCE_DIR) / "tests", work / "tests");
    }
    void TearDown() override { std::filesystem::remove_all(work); }

    // A shell line run in `work`, as a user would type it, with a home of its own.
    CommandResult shell(const std::string& line) {
        return testing::run_command(
            "/bin/bash", {"-c", "cd \"$0\" && " + line, work.string()},
            {"HOME=" + (work / "home").string(), "XDG_DATA_HOME=" + (work / "home/data").string(),
             "XDG_CONFIG_HOME=" + (work / "home/config").string(), "XDG_STATE_HOME=" + (work / "home/state").string()});
    }

    // The bare dplan of this build tree, no plugin options.
    CommandResult dplan(std::vector<std::string> arguments) {
        return testing::run_command(
            DPLAN_EXECUTABLE, arguments,
            {"HOME=" + (work / "home").string(), "XDG_DATA_HOME=" + (work / "home/data").string(),
             "XDG_CONFIG_HOME=" + (work / "home/config").string(), "XDG_STATE_HOME=" + (work / "home/state").string()});
    }

    std::filesystem::path work;
};

TEST_F(FirstHour, TheReadmeWalkThroughRunsLineByLineWithTheFivePluginsLoaded) {
    const auto lines = walk_through();
    ASSERT_GE(lines.size(), 10u) << "README.md has no <!-- walk-through --> block";
    ASSERT_TRUE(lines.front().starts_with("export DPLAN_DB=sqlite:")) << lines.front();
    const std::string& setting = lines.front();
    EXPECT_FALSE(std::filesystem::exists(work / "first-hour.db"));
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const auto& line = lines[i];
        EXPECT_EQ(line.find("--plugin-dir"), std::string::npos) << line;
        EXPECT_EQ(line.find("--trusted-key"), std::string::npos) << line;
        const auto result = shell(setting + " && " + line);
        EXPECT_EQ(result.exit_code, 0) << line << "\n" << result.out << result.err;
        EXPECT_EQ(result.err.find("refused"), std::string::npos) << line << "\n" << result.err;
        const auto plugins = shell(setting + " && dplan --lang en plugins list");
        EXPECT_EQ(loaded_plugins(plugins.out), 5) << "after: " << line << "\n" << plugins.out << plugins.err;
        EXPECT_EQ(plugins.out.find("Refused plugins"), std::string::npos) << plugins.out;
    }
    EXPECT_TRUE(std::filesystem::exists(work / "first-hour.db"));
    EXPECT_GT(std::filesystem::file_size(work / "tsuen-wan-2025-26.pdf"), 1000u);
    const auto calendar = read_file(work / "planning-meeting.ics");
    EXPECT_NE(calendar.find("BEGIN:VEVENT"), std::string::npos) << calendar;
    EXPECT_NE(calendar.find("DTSTART:20250618T063000Z"), std::string::npos) << calendar;
}

TEST_F(FirstHour, ATsuenWanPaperImportedIntoANewDatabaseIsExportedWithTheSameLetterhead) {
    const std::string db = "sqlite:" + (work / "tsuen-wan.db").string();
    ASSERT_EQ(dplan({"--db", db, "db", "init"}).exit_code, 0);
    const auto imported = dplan({"--db", db, "--lang", "en", "plan", "import",
                                 (work / "tests/fixtures/tsuen-wan-2025-26-plan-paper.txt").string()});
    ASSERT_EQ(imported.exit_code, 0) << imported.out << imported.err;

    const auto json = dplan({"--db", db, "plan", "export", "1", "--format", "json"});
    ASSERT_EQ(json.exit_code, 0) << json.err;
    EXPECT_NE(json.out.find(R"("council": {)"), std::string::npos) << json.out;
    EXPECT_NE(json.out.find(R"("zh": "荃灣區議會")"), std::string::npos) << json.out;

    const auto paper = dplan({"--db", db, "plan", "export", "1", "--format", "md", "--lang", "zh"});
    ASSERT_EQ(paper.exit_code, 0) << paper.err;
    const std::string& text = paper.out;
    for (const char* line :
         {"荃灣區議會", "社會服務及社區發展委員會", "社會福利署荃灣及葵青區福利辦事處", "荃灣及葵青區福利辦事處"}) {
        EXPECT_NE(text.find(line), std::string::npos) << line << " missing from\n" << text;
    }
    EXPECT_EQ(text.find("社區服務及福利委員會"), std::string::npos) << "not the fixed committee of old\n" << text;
    EXPECT_EQ(text.find("社會福利署荃灣區福利辦事處"), std::string::npos)
        << "not the office derived from the district\n"
        << text;

    // The exported PDF read back has the same letterhead, in both languages.
    const auto out = work / "again.pdf";
    ASSERT_EQ(dplan({"--db", db, "plan", "export", "1", "--format", "pdf", "--lang", "both", "--out", out.string()})
                  .exit_code,
              0);
    const auto again = dplan({"--db", db, "plan", "import", out.string()});
    ASSERT_EQ(again.exit_code, 0) << again.out << again.err;
    const auto second = dplan({"--db", db, "plan", "export", "2", "--format", "json"});
    const auto letterhead = [](const std::string& json) {
        const auto from = json.find(R"("committee": {)");
        const auto to = json.find(R"("paper_no")");
        if (from == std::string::npos || to == std::string::npos) return std::string{};
        return std::regex_replace(json.substr(from, to - from), std::regex(R"re("id": [0-9]+)re"), "");
    };
    EXPECT_FALSE(letterhead(json.out).empty()) << json.out;
    EXPECT_EQ(letterhead(second.out), letterhead(json.out));
}

TEST_F(FirstHour, ANewDatabaseHoldsTheEighteenDistrictsAndAnAdministratorAddsAndRenamesOne) {
    const std::string db = "sqlite:" + (work / "districts.db").string();
    ASSERT_EQ(dplan({"--db", db, "db", "init"}).exit_code, 0);
    const auto listed = dplan({"--db", db, "--lang", "zh", "district", "list"});
    ASSERT_EQ(listed.exit_code, 0) << listed.err;
    EXPECT_EQ(std::count(listed.out.begin(), listed.out.end(), '\n'), 18) << listed.out;
    for (const char* name :
         {"中西區", "灣仔區", "東區", "南區", "油尖旺區", "深水埗區", "九龍城區", "黃大仙區", "觀塘區", "葵青區",
          "荃灣區", "屯門區", "元朗區", "北區", "大埔區", "沙田區", "西貢區", "離島區"}) {
        EXPECT_NE(listed.out.find(name), std::string::npos) << name;
    }

    const auto added =
        dplan({"--db", db, "district", "add", "riverside", "--name-zh", "河畔區", "--name-en", "Riverside"});
    EXPECT_EQ(added.exit_code, 0) << added.err;
    const auto renamed =
        dplan({"--db", db, "district", "rename", "riverside", "--committee-zh", "社區服務及福利委員會"});
    EXPECT_EQ(renamed.exit_code, 0) << renamed.err;
    const auto plan =
        dplan({"--db", db, "--lang", "zh", "plan", "new", "--district", "riverside", "--year", "2025-26"});
    ASSERT_EQ(plan.exit_code, 0) << plan.err;
    const auto shown = dplan({"--db", db, "--lang", "zh", "plan", "show", "1"});
    EXPECT_NE(shown.out.find("河畔區議會 社區服務及福利委員會"), std::string::npos)
        << "a new plan takes its district's defaults\n"
        << shown.out;

    ASSERT_EQ(
        dplan({"--db", db, "user", "add", "tw.officer", "--role", "officer", "--district", "tsuen_wan"}).exit_code, 0);
    const auto refused =
        dplan({"--db", db, "--user", "tw.officer", "district", "add", "another", "--name-zh", "另一區"});
    EXPECT_EQ(refused.exit_code, 6) << refused.out << refused.err;
    const auto duplicate = dplan({"--db", db, "district", "add", "tsuen_wan", "--name-zh", "荃灣區"});
    EXPECT_EQ(duplicate.exit_code, 2) << duplicate.err;
    EXPECT_NE(duplicate.err.find("已存在"), std::string::npos) << duplicate.err;
}

TEST_F(FirstHour, OnlyABinaryBesideItsBuildTreeMarkerTrustsTheDevelopmentKey) {
    // An installed binary has no build-tree.json beside it: it loads none of the build's plugins.
    std::filesystem::create_directories(work / "installed" / "bin");
    const auto installed = work / "installed" / "bin" / "dplan";
    std::filesystem::copy_file(DPLAN_EXECUTABLE, installed);
    std::filesystem::permissions(installed, std::filesystem::perms::owner_all);
    const auto env =
        std::vector<std::string>{"HOME=" + (work / "home").string(), "XDG_DATA_HOME=" + (work / "home/data").string(),
                                 "XDG_CONFIG_HOME=" + (work / "home/config").string()};
    const auto bare = testing::run_command(installed.string(), {"--lang", "en", "plugins", "list"}, env);
    EXPECT_EQ(loaded_plugins(bare.out), 0) << bare.out << bare.err;
    // Given the build's plugins but not its key, it refuses them all.
    const auto given = testing::run_command(
        installed.string(),
        {"--lang", "en", "--plugin-dir", std::string(DPLAN_BINARY_DIR) + "/lib/dplan/plugins", "plugins", "list"}, env);
    EXPECT_EQ(loaded_plugins(given.out), 0) << given.out << given.err;
    EXPECT_NE(given.out.find("Refused plugins"), std::string::npos) << given.out;
    // The built binary, beside its marker, loads all five.
    EXPECT_EQ(loaded_plugins(dplan({"--lang", "en", "plugins", "list"}).out), 5);
}

TEST_F(FirstHour, DplanWithNoDatabaseSaysHowToStart) {
    const std::string db = "sqlite:" + (work / "not-yet.db").string();
    const auto result = dplan({"--db", db});
    EXPECT_NE(result.exit_code, 0);
    EXPECT_NE(result.out.find("dplan db init"), std::string::npos) << result.out << result.err;
    EXPECT_NE(result.out.find("dplan demo"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("還沒有資料庫"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("There is no database"), std::string::npos) << result.out;
    EXPECT_FALSE(std::filesystem::exists(work / "not-yet.db")) << "nothing is created by asking";
}

}  // namespace
}  // namespace dplan
