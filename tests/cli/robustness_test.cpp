// The dplan binary when things go wrong or happen at once: passwords kept out of messages and
// logs, several processes writing one SQLite file and one log file, exports that fail midway.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <ctime>
#include <fstream>
#include <future>
#include <iterator>
#include <regex>
#include <set>
#include <sstream>

#include "storage/database.hpp"
#include "support/run_command.hpp"
#include "support/test_database.hpp"

namespace dplan {
namespace {

using testing::CommandResult;

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// YYYY-MM-DD, local time, `days_ago` days back: the date in a daily log file's name.
std::string local_date(int days_ago) {
    const std::time_t when = std::time(nullptr) - static_cast<std::time_t>(days_ago) * 24 * 3600;
    std::tm tm{};
    localtime_r(&when, &tm);
    return fmt::format("{:04d}-{:02d}-{:02d}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

class DplanRobustness : public ::testing::Test {
  protected:
    void SetUp() override { home = testing::make_temp_dir("dplan_robust"); }
    void TearDown() override { std::filesystem::remove_all(home); }

    std::vector<std::string> environment(std::vector<std::string> extra = {}) const {
        extra.push_back("HOME=" + home.string());
        extra.push_back("XDG_DATA_HOME=" + (home / "data").string());
        extra.push_back("XDG_STATE_HOME=" + (home / "state").string());
        return extra;
    }
    CommandResult dplan(const std::vector<std::string>& arguments, std::vector<std::string> env = {}) const {
        return testing::run_command(DPLAN_EXECUTABLE, arguments, environment(std::move(env)));
    }
    std::string demo_database() const {
        const std::string url = "sqlite:" + (home / "plans.db").string();
        const auto result = dplan({"--db", url, "demo"});
        EXPECT_EQ(result.exit_code, 0) << result.err;
        return url;
    }

    std::filesystem::path home;
};

TEST_F(DplanRobustness, APasswordNeverAppearsInMessagesOrTheLogWhateverTheError) {
    const std::string secret = "S3cretPW";
    const auto log_folder = home / "log";
    struct Case {
        std::string url;
        std::vector<std::string> env;
    };
    const std::vector<Case> cases = {
        {"mysql://planner:S3cretPW@db.example:notaport/dplan", {}},  // bad port
        {"mysql://planner:S3cretPW/dplan", {}},                   // the host forgotten: the password looks like a port
        {"mysql://planner:S3cretPW@db.example/dplan?ssl=1", {}},  // unknown option
        {"mysql://planner:S3cretPW%zz@db.example/dplan", {}},     // bad %-escape
        {"mysq://planner:S3cretPW@db.example/dplan", {}},         // unknown scheme
        {"mysql://planner:S3cretPW@127.0.0.1:1/dplan", {}},       // nothing listening
        {"mysql://planner@127.0.0.1:1/dplan", {"DPLAN_DB_PASSWORD=S3cretPW"}},
    };
    for (const auto& c : cases) {
        for (const bool from_environment : {false, true}) {
            std::vector<std::string> arguments{"--log-level", "debug", "--log-file",
                                               (log_folder / "dplan.log").string()};
            std::vector<std::string> env = c.env;
            if (from_environment) {
                env.push_back("DPLAN_DB=" + c.url);
            } else {
                arguments.insert(arguments.begin(), {"--db", c.url});
            }
            arguments.insert(arguments.end(), {"plan", "list"});
            const auto result = dplan(arguments, env);
            EXPECT_NE(result.exit_code, 0) << c.url;
            EXPECT_FALSE(result.err.empty()) << c.url << ": a failure says why";
            EXPECT_EQ(result.err.find(secret.substr(0, 6)), std::string::npos) << c.url << " printed:\n" << result.err;
            EXPECT_EQ(result.out.find(secret.substr(0, 6)), std::string::npos) << c.url << " printed:\n" << result.out;
        }
    }
    ASSERT_TRUE(std::filesystem::exists(log_folder));
    std::size_t log_bytes = 0;
    for (const auto& entry : std::filesystem::directory_iterator(log_folder)) {
        const std::string log = read_file(entry.path());
        log_bytes += log.size();
        EXPECT_EQ(log.find(secret.substr(0, 6)), std::string::npos) << entry.path() << ":\n" << log;
    }
    EXPECT_GT(log_bytes, 0u) << "the failures were logged";
}

TEST_F(DplanRobustness, ThreeProcessesAddingFortyActionItemsEachOnOneSqliteFileLoseNone) {
    const std::string url = demo_database();
    const auto before = dplan({"--db", url, "meeting", "action", "list"});
    ASSERT_EQ(before.exit_code, 0) << before.err;
    auto writer = [&](int number) {
        int succeeded = 0;
        for (int i = 0; i < 40; ++i) {
            const auto result = dplan({"--db", url, "meeting", "action", "add", "1", "--text",
                                       fmt::format("writer {} item {}", number, i), "--due", "2024-10-31"});
            if (result.exit_code == 0) {
                ++succeeded;
            } else {
                ADD_FAILURE() << "writer " << number << " item " << i << ": " << result.err;
            }
        }
        return succeeded;
    };
    auto first = std::async(std::launch::async, writer, 1);
    auto second = std::async(std::launch::async, writer, 2);
    auto third = std::async(std::launch::async, writer, 3);
    EXPECT_EQ(first.get() + second.get() + third.get(), 120);
    const auto after = dplan({"--db", url, "meeting", "action", "list"});
    ASSERT_EQ(after.exit_code, 0) << after.err;
    std::set<std::string> stored;
    const std::regex item("writer [123] item [0-9]+");
    for (auto it = std::sregex_iterator(after.out.begin(), after.out.end(), item); it != std::sregex_iterator(); ++it) {
        stored.insert(it->str());
    }
    EXPECT_EQ(stored.size(), 120u) << "every write is stored, each once";
}

TEST_F(DplanRobustness, ProcessesShareADailyLogFileThatIsAppendedToAndNeverRotatedUnderThem) {
    const std::string url = demo_database();
    const auto folder = home / "log";
    std::filesystem::create_directories(folder);
    const auto today = folder / ("dplan_" + local_date(0) + ".log");
    const auto yesterday = folder / ("dplan_" + local_date(1) + ".log");
    const auto long_ago = folder / "dplan_2001-01-01.log";
    // Today's file is already past the 5 MB at which the old size-based rotation renamed it away
    // under the other processes.
    std::string earlier;
    while (earlier.size() < 6 * 1024 * 1024) earlier += "[earlier] a line written before this test\n";
    std::ofstream(today, std::ios::binary) << earlier;
    std::ofstream(yesterday) << "yesterday\n";
    std::ofstream(long_ago) << "long ago\n";

    auto process = [&](int) {
        for (int i = 0; i < 10; ++i) {
            const auto result = dplan(
                {"--db", url, "--log-level", "debug", "--log-file", (folder / "dplan.log").string(), "plan", "list"});
            EXPECT_EQ(result.exit_code, 0) << result.err;
        }
    };
    auto a = std::async(std::launch::async, process, 1);
    auto b = std::async(std::launch::async, process, 2);
    auto c = std::async(std::launch::async, process, 3);
    a.get();
    b.get();
    c.get();

    std::set<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        files.insert(entry.path().filename().string());
    EXPECT_EQ(files, (std::set<std::string>{today.filename().string(), yesterday.filename().string()}))
        << "one file a day, nothing renamed, files older than 14 days deleted";
    const std::string log = read_file(today);
    ASSERT_GT(log.size(), earlier.size());
    EXPECT_EQ(log.compare(0, earlier.size(), earlier), 0) << "appended to, never truncated";
    // Every line whole: time, process id, level, message. Thirty processes, each opened the database.
    const std::regex line(R"(\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\] \[(\d+)\] \[\w+\] .*)");
    std::set<std::string> openers;
    std::istringstream lines(log.substr(earlier.size()));
    std::string text;
    while (std::getline(lines, text)) {
        std::smatch match;
        ASSERT_TRUE(std::regex_match(text, match, line)) << "a broken line: " << text;
        if (text.find("opened database") != std::string::npos) openers.insert(match[1]);
    }
    EXPECT_EQ(openers.size(), 30u) << "each process's lines are there";
}

TEST_F(DplanRobustness, AnExportThatFailsMidwayLeavesThePreviousFileAsItWas) {
    const std::string url = demo_database();
    // Keep the database open here, so dplan finds its WAL index in place and the file size
    // limit below hits only the export.
    auto held = Database::open(parse_database_url(url), OpenMode::must_exist);
    int plans = 0;
    held->session() << "SELECT COUNT(*) FROM plans", soci::into(plans);
    ASSERT_EQ(plans, 1);
    const std::vector<std::pair<std::string, std::vector<std::string>>> exports = {
        {"paper.md", {"plan", "export", "1", "--format", "md", "--lang", "both"}},
        {"paper.html", {"plan", "export", "1", "--format", "html", "--lang", "both"}},
        {"plan.json", {"plan", "export", "1", "--format", "json"}},
        {"meeting.ics", {"meeting", "export", "1", "--format", "ics"}},
        {"paper.pdf", {"plan", "export", "1", "--format", "pdf", "--lang", "both"}},
    };
    const auto out = home / "exports";
    std::filesystem::create_directories(out);
    for (const auto& [name, command] : exports) {
        std::vector<std::string> arguments{
            "--db", url, "--plugin-dir", DPLAN_BUILT_PLUGIN_DIR, "--allow-unsigned", "--log-level", "off"};
        arguments.insert(arguments.end(), command.begin(), command.end());
        arguments.insert(arguments.end(), {"--out", (out / name).string()});
        const auto complete = dplan(arguments);
        ASSERT_EQ(complete.exit_code, 0) << name << ": " << complete.err;
        const std::string previous = read_file(out / name);
        ASSERT_GT(previous.size(), 1024u) << name << " must be larger than the limit below";

        // The disk fills up after 1 KB: writes fail with EFBIG (SIGXFSZ ignored, as a full disk
        // has no signal either).
        std::vector<std::string> limited{"-c", "trap '' XFSZ; ulimit -f 1; exec \"$0\" \"$@\"", DPLAN_EXECUTABLE};
        limited.insert(limited.end(), arguments.begin(), arguments.end());
        const auto failed = testing::run_command("/bin/bash", limited, environment());
        EXPECT_NE(failed.exit_code, 0) << name;
        EXPECT_NE(failed.err.find("the previous file is left as it was"), std::string::npos)
            << name << ": " << failed.err;
        EXPECT_EQ(read_file(out / name), previous) << name << " was damaged";
    }
    std::set<std::string> left;
    for (const auto& entry : std::filesystem::directory_iterator(out)) left.insert(entry.path().filename().string());
    EXPECT_EQ(left, (std::set<std::string>{"meeting.ics", "paper.html", "paper.md", "paper.pdf", "plan.json"}))
        << "no temporary files left behind";
}

}  // namespace
}  // namespace dplan
