// The `dplan` binary, run as a user runs it: output, exit codes and error messages.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "support/backend_test.hpp"
#include "support/run_command.hpp"

namespace dplan {
namespace {

using testing::CommandResult;

class DplanCli : public ::testing::Test {
  protected:
    void SetUp() override { home = testing::make_temp_dir("dplan_cli"); }
    void TearDown() override { std::filesystem::remove_all(home); }

    CommandResult dplan(std::vector<std::string> arguments, std::vector<std::string> env = {}) {
        env.push_back("HOME=" + home.string());
        env.push_back("XDG_DATA_HOME=" + (home / "data").string());
        env.push_back("XDG_STATE_HOME=" + (home / "state").string());
        return testing::run_command(DPLAN_EXECUTABLE, arguments, env);
    }

    std::string sqlite_url() const { return "sqlite:" + (home / "plans.db").string(); }

    std::filesystem::path home;
};

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

int line_count(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

TEST_F(DplanCli, EverySubcommandHasHelp) {
    for (std::vector<std::string> command : {std::vector<std::string>{},
                                             {"db"},
                                             {"db", "init"},
                                             {"db", "migrate"},
                                             {"db", "status"},
                                             {"demo"},
                                             {"plan"},
                                             {"plan", "list"},
                                             {"plan", "show"},
                                             {"plan", "new"},
                                             {"plan", "edit"},
                                             {"plan", "history"},
                                             {"plan", "diff"},
                                             {"plan", "submit"},
                                             {"plan", "review"},
                                             {"plan", "comment"},
                                             {"plan", "reply"},
                                             {"plan", "decide"},
                                             {"plan", "validate"},
                                             {"plan", "panels"},
                                             {"plan", "import"},
                                             {"plan", "export"},
                                             {"plugins"},
                                             {"plugins", "list"},
                                             {"plugin"},
                                             {"plugin", "keygen"},
                                             {"plugin", "sign"},
                                             {"plugin", "verify"},
                                             {"plugin", "check"},
                                             {"user"},
                                             {"user", "add"},
                                             {"programme"},
                                             {"programme", "new"},
                                             {"programme", "link"},
                                             {"programme", "list"},
                                             {"programme", "report"},
                                             {"indicators"},
                                             {"indicators", "import"},
                                             {"indicators", "export"},
                                             {"indicators", "summary"},
                                             {"indicators", "catalogue"},
                                             {"indicators", "add"},
                                             {"indicators", "record"},
                                             {"indicators", "history"},
                                             {"meeting"},
                                             {"meeting", "new"},
                                             {"meeting", "list"},
                                             {"meeting", "show"},
                                             {"meeting", "attend"},
                                             {"meeting", "agenda"},
                                             {"meeting", "minutes"},
                                             {"meeting", "view"},
                                             {"meeting", "view", "add"},
                                             {"meeting", "view", "address"},
                                             {"meeting", "view", "decline"},
                                             {"meeting", "action"},
                                             {"meeting", "action", "add"},
                                             {"meeting", "action", "set"},
                                             {"meeting", "action", "list"},
                                             {"meeting", "decide"},
                                             {"meeting", "export"},
                                             {"org", "add"},
                                             {"org", "list"},
                                             {"stakeholder", "add"},
                                             {"stakeholder", "list"},
                                             {"collaboration", "matrix"},
                                             {"collaboration", "trace"}}) {
        command.push_back("--help");
        const auto result = dplan(command);
        EXPECT_EQ(result.exit_code, 0) << command.front() << result.err;
        EXPECT_NE(result.out.find("Usage:"), std::string::npos) << result.out;
    }
}

TEST_F(DplanCli, DemoThenShowPrintsThePlanInBothLanguages) {
    auto result = dplan({"--db", sqlite_url(), "demo"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("plan 1"), std::string::npos) << result.out;

    result = dplan({"--db", sqlite_url(), "plan", "show", "1"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("鞏固家庭抗逆力，及早識別及支援面對危機的家庭"), std::string::npos);
    EXPECT_NE(result.out.find("Strengthen family resilience"), std::string::npos);
    EXPECT_NE(result.out.find("醫護界"), std::string::npos);

    result = dplan({"--db", sqlite_url(), "--lang", "zh", "plan", "list"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("河畔區"), std::string::npos);
    EXPECT_EQ(result.out.find("Riverside"), std::string::npos) << "zh output only: " << result.out;
}

TEST_F(DplanCli, UnknownPlanIdIsOneClearLineAndExitCode3) {
    ASSERT_EQ(dplan({"--db", sqlite_url(), "demo"}).exit_code, 0);
    const auto result = dplan({"--db", sqlite_url(), "--lang", "en", "plan", "show", "999"});
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_EQ(result.err, "dplan: error: no plan with id 999; 'dplan plan list' shows the plans there are\n");
    EXPECT_TRUE(result.out.empty());
}

TEST_F(DplanCli, ReadingCommandsNeverCreateADatabase) {
    const auto result = dplan({"--db", sqlite_url(), "plan", "list"});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("dplan db init"), std::string::npos) << result.err;
    EXPECT_FALSE(std::filesystem::exists(home / "plans.db"));
}

TEST_F(DplanCli, UnwritableSqlitePathIsReportedClearly) {
    const auto blocker = home / "a-file";
    std::ofstream(blocker) << "not a folder";
    const auto result = dplan({"--db", "sqlite:" + (blocker / "plans.db").string(), "--lang", "en", "db", "init"});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("cannot create folder"), std::string::npos) << result.err;
    EXPECT_EQ(line_count(result.err), 1) << result.err;
}

TEST_F(DplanCli, CorruptDatabaseFileIsRefusedAndLeftAsItWas) {
    const auto file = home / "plans.db";
    std::string junk(8192, '\0');
    for (std::size_t i = 0; i < junk.size(); ++i) junk[i] = static_cast<char>((i * 7919) % 251);
    std::ofstream(file, std::ios::binary) << junk;

    for (std::vector<std::string> command : {std::vector<std::string>{"plan", "list"}, {"db", "migrate"}, {"demo"}}) {
        std::vector<std::string> arguments{"--db", sqlite_url(), "--lang", "en"};
        arguments.insert(arguments.end(), command.begin(), command.end());
        const auto result = dplan(arguments);
        EXPECT_EQ(result.exit_code, 1) << command.front();
        EXPECT_NE(result.err.find("is not a SQLite database"), std::string::npos) << result.err;
        EXPECT_EQ(line_count(result.err), 1) << result.err;
    }
    EXPECT_EQ(read_file(file), junk);
}

TEST_F(DplanCli, UnreachableMariadbIsReportedClearly) {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const auto result = dplan({"--db", "mysql://planner@127.0.0.1:1/dplan", "--lang", "en", "db", "status"},
                              {"DPLAN_DB_PASSWORD=secret"});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("cannot connect to MariaDB/MySQL at mysql://planner@127.0.0.1:1/dplan"),
              std::string::npos)
        << result.err;
    EXPECT_EQ(result.err.find("secret"), std::string::npos) << "password leaked: " << result.err;
    EXPECT_EQ(line_count(result.err), 1) << result.err;
}

TEST_F(DplanCli, BadArgumentsExitWithUsageErrors) {
    EXPECT_NE(dplan({"plan", "show", "not-a-number"}).exit_code, 0);
    EXPECT_NE(dplan({"--lang", "fr", "plan", "list"}).exit_code, 0);
    const auto result = dplan({"--db", "postgres://x/y", "--lang", "en", "plan", "list"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("sqlite:PATH"), std::string::npos) << result.err;
}

TEST_F(DplanCli, StatusReportsPendingMigrationsAndMigrateAppliesThem) {
    ASSERT_EQ(dplan({"--db", sqlite_url(), "db", "init"}).exit_code, 0);
    auto result = dplan({"--db", sqlite_url(), "--lang", "en", "db", "status"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("Up to date."), std::string::npos) << result.out;
    result = dplan({"--db", sqlite_url(), "--lang", "en", "db", "migrate"});
    EXPECT_EQ(result.exit_code, 0);
    EXPECT_NE(result.out.find("up to date"), std::string::npos) << result.out;
}

// Issue 13: one user edits the family objective's English, another its Chinese meanwhile. The
// stale edit is refused (exit 4) and told whether, and on which items, it would conflict; made
// again against the latest version, both changes survive.
TEST_F(DplanCli, AStaleEditIsRefusedNamingTheItemsItWouldConflictOnAndBothLanguagesSurvive) {
    ASSERT_EQ(dplan({"--db", sqlite_url(), "demo"}).exit_code, 0);
    const auto revision_of = [](const std::string& out) {
        const auto at = out.find("revision ");
        return at == std::string::npos ? -1 : std::stoi(out.substr(at + 9));
    };
    auto result = dplan(
        {"--db", sqlite_url(), "--lang", "en", "plan", "edit", "1", "--reason", "start", "--paper-no", "5/24-25"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const int seen = revision_of(result.out);
    ASSERT_GT(seen, 0) << result.out;
    result = dplan({"--db", sqlite_url(), "--lang", "en", "plan", "edit", "1", "--reason", "CLI: Chinese",
                    "--objective", "family=及早支援面對危機的家庭（修訂）"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const int latest = revision_of(result.out);
    ASSERT_EQ(latest, seen + 1);

    // Only the English changed on my side: no conflict, and the refusal says so.
    const std::vector<std::string> english{"plan",
                                           "edit",
                                           "1",
                                           "--reason",
                                           "A: English",
                                           "--version",
                                           std::to_string(seen),
                                           "--objective-en",
                                           "family=Support families in crisis early (revised)"};
    auto stale = english;
    stale.insert(stale.begin(), {"--db", sqlite_url()});
    result = dplan(stale);
    EXPECT_EQ(result.exit_code, 4) << result.err;
    EXPECT_NE(
        result.err.find(fmt::format("None of your changes conflict with the later ones; run the same command with "
                                    "--version {} to save them.",
                                    latest)),
        std::string::npos)
        << result.err;
    EXPECT_NE(
        result.err.find(fmt::format("你的修改與其後的修改沒有衝突；以 --version {} 再執行同一指令即可儲存。", latest)),
        std::string::npos)
        << result.err;

    // The Chinese changed on both sides, differently: named, with all three texts, in both languages.
    result = dplan({"--db", sqlite_url(), "plan", "edit", "1", "--reason", "A: Chinese", "--version",
                    std::to_string(seen), "--objective", "family=我的中文目標"});
    EXPECT_EQ(result.exit_code, 4);
    EXPECT_NE(result.err.find("Your edit conflicts with the later changes on 1 item(s):"), std::string::npos)
        << result.err;
    EXPECT_NE(result.err.find("family · objective (Chinese): base \""), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("yours \"我的中文目標\"; theirs \"及早支援面對危機的家庭（修訂）\""), std::string::npos)
        << result.err;
    EXPECT_NE(result.err.find("family · 工作目標（中文）：原本 「"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("你的 「我的中文目標」；其後 「及早支援面對危機的家庭（修訂）」"), std::string::npos)
        << result.err;

    // Nothing was saved by the refusals; the English edit made again on the latest version keeps both.
    result = dplan({"--db", sqlite_url(), "--lang", "en", "plan", "edit", "1", "--reason", "A: English", "--version",
                    std::to_string(latest), "--objective-en", "family=Support families in crisis early (revised)"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(revision_of(result.out), latest + 1);
    result = dplan({"--db", sqlite_url(), "plan", "show", "1"});
    EXPECT_NE(result.out.find("及早支援面對危機的家庭（修訂）"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("Support families in crisis early (revised)"), std::string::npos) << result.out;
    result = dplan({"--db", sqlite_url(), "--lang", "en", "plan", "diff", "1"});
    EXPECT_NE(result.out.find("English changed"), std::string::npos) << result.out;
    EXPECT_EQ(result.out.find("Chinese changed"), std::string::npos) << "the Chinese stays: " << result.out;
}

// The same commands against a MariaDB database, with the password from the environment.
class DplanCliMariadb : public DplanCli {};

TEST_F(DplanCliMariadb, DemoAndShowWorkWithThePasswordFromTheEnvironment) {
    std::unique_ptr<testing::TestDatabase> database;
    DPLAN_REQUIRE_DATABASE(database, Dialect::mysql);
    const DatabaseUrl url = parse_database_url(database->url());
    const std::string without_password = fmt::format("mysql://{}@{}:{}/{}", url.user, url.host, url.port, url.database);
    const std::vector<std::string> env{"DPLAN_DB_PASSWORD=" + url.password};

    auto result = dplan({"--db", without_password, "demo"}, env);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    result = dplan({"--db", without_password, "plan", "show", "1"}, env);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("Hand in Hand•同心河畔"), std::string::npos) << result.out;
    result = dplan({"--db", without_password, "--lang", "en", "plan", "show", "1"}, {"DPLAN_DB_PASSWORD=wrong"});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("cannot connect"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace dplan
