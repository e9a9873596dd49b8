// dplan-gui as a process when something is wrong around it: no display, a settings folder it
// cannot create, a malformed database URL, a MariaDB password kept off the command line.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "services/demo.hpp"
#include "storage/migration.hpp"
#include "support/run_command.hpp"
#include "support/test_database.hpp"

namespace dplan {
namespace {

class DashboardProcess : public ::testing::Test {
  protected:
    void SetUp() override { dir = testing::make_temp_dir("dashboard_process"); }
    void TearDown() override { std::filesystem::remove_all(dir); }

    std::string demo_database() const {
        const std::string url = "sqlite:" + (dir / "demo.db").string();
        auto db = Database::open(parse_database_url(url), OpenMode::create);
        Migrator(*db).migrate();
        load_demo(*db);
        return url;
    }
    std::vector<std::string> environment(std::vector<std::string> extra = {}) const {
        for (const char* entry : {"XDG_CONFIG_HOME", "XDG_STATE_HOME", "HOME"}) {
            const std::string name(entry);
            bool given = false;
            for (const auto& e : extra) given = given || e.starts_with(name + "=");
            if (!given) extra.push_back(name + "=" + (name == "HOME" ? dir : dir / name).string());
        }
        extra.push_back("ASAN_OPTIONS=detect_leaks=0");  // Mesa's driver, see screenshot_test.cpp
        return extra;
    }
    // Under Xvfb, one screen rendered to a PNG.
    testing::CommandResult screenshot(const std::string& url, std::vector<std::string> env = {}) const {
        return testing::run_command("/usr/bin/xvfb-run",
                                    {"-a", "-s", "-screen 0 800x600x24", DPLAN_GUI_EXECUTABLE, "--db", url,
                                     "--plugin-dir", DPLAN_BUILT_PLUGIN_DIR, "--allow-unsigned", "--size", "800x600",
                                     "--screenshot", (dir / "shot.png").string()},
                                    environment(std::move(env)));
    }

    std::filesystem::path dir;
};

int lines(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

TEST_F(DashboardProcess, WithNoDisplayItExitsWithOneClearLinePerLanguage) {
    const auto result = testing::run_command(DPLAN_GUI_EXECUTABLE, {"--db", demo_database()},
                                             environment({"DISPLAY", "WAYLAND_DISPLAY"}));
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("沒有顯示器（未設定 DISPLAY）"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("cannot open a window: no display (DISPLAY is not set)"), std::string::npos)
        << result.err;
    EXPECT_EQ(lines(result.err), 2) << "Chinese, then English, nothing else:\n" << result.err;
}

TEST_F(DashboardProcess, AMalformedDatabaseUrlIsAClearExitWithoutThePassword) {
    const auto result = testing::run_command(
        DPLAN_GUI_EXECUTABLE, {"--db", "mysql://planner:S3cretPW@db.example:port/dplan"}, environment({"DISPLAY"}));
    EXPECT_EQ(result.exit_code, 2) << result.err;
    EXPECT_NE(result.err.find("is not valid (port must be a number"), std::string::npos) << result.err;
    EXPECT_EQ(result.err.find("S3cret"), std::string::npos) << result.err;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path());
        const std::string text{std::istreambuf_iterator<char>(in), {}};
        EXPECT_EQ(text.find("S3cret"), std::string::npos) << entry.path();
    }
}

TEST_F(DashboardProcess, ASettingsFolderThatCannotBeCreatedIsNotFatal) {
    std::ofstream(dir / "not-a-folder") << "a file where the settings folder should go\n";
    const auto result = screenshot(demo_database(), {"XDG_CONFIG_HOME=" + (dir / "not-a-folder").string()});
    EXPECT_EQ(result.exit_code, 0) << "before, a filesystem_error ended the program:\n" << result.err;
    EXPECT_TRUE(std::filesystem::exists(dir / "shot.png"));
}

// The dashboard takes a MariaDB password from $DPLAN_DB_PASSWORD or ~/.my.cnf, as dplan does.
TEST_F(DashboardProcess, AMariaDbPasswordComesFromTheEnvironmentOrTheOptionFile) {
    std::unique_ptr<testing::TestDatabase> database;
    DPLAN_REQUIRE_DATABASE(database, Dialect::mysql);
    Migrator(database->db()).migrate();
    load_demo(database->db());
    DatabaseUrl url = parse_database_url(database->url());
    const std::string password = url.password;
    url.password.clear();
    const std::string without_password = url.redacted();

    auto result = screenshot(without_password, {"DPLAN_DB_PASSWORD=" + password});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_TRUE(std::filesystem::remove(dir / "shot.png"));

    const auto home = dir / "home";
    std::filesystem::create_directories(home);
    std::ofstream(home / ".my.cnf") << "[client]\npassword = " << password << "\n";
    result = screenshot(without_password, {"DPLAN_DB_PASSWORD", "HOME=" + home.string()});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_TRUE(std::filesystem::exists(dir / "shot.png"));

    result = screenshot(without_password, {"DPLAN_DB_PASSWORD", "HOME=" + dir.string()});
    EXPECT_EQ(result.exit_code, 1) << "no password anywhere: refused\n" << result.out << result.err;
}

}  // namespace
}  // namespace dplan
