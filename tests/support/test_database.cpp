#include "support/test_database.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>

namespace dplan::testing {

namespace {
std::atomic<int> counter{0};

std::string unique_suffix() {
    const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
    return fmt::format("{}_{}_{}", getpid(), counter++, now % 1000000);
}
}  // namespace

const char* dialect_name(Dialect dialect) { return dialect == Dialect::sqlite ? "SQLite" : "MariaDB"; }

std::filesystem::path make_temp_dir(const std::string& prefix) {
    auto dir = std::filesystem::temp_directory_path() / fmt::format("{}_{}", prefix, unique_suffix());
    std::filesystem::create_directories(dir);
    return dir;
}

std::unique_ptr<TestDatabase> TestDatabase::create(Dialect dialect, std::string& why_not) {
    std::unique_ptr<TestDatabase> test(new TestDatabase);
    if (dialect == Dialect::sqlite) {
        test->sqlite_dir_ = make_temp_dir("dplan_test");
        test->url_ = "sqlite:" + (test->sqlite_dir_ / "test.db").string();
        test->db_ = Database::open(parse_database_url(test->url_), OpenMode::create);
        return test;
    }
    const char* server = std::getenv("DPLAN_TEST_MYSQL_URL");
    if (server == nullptr || *server == '\0') {
        why_not =
            "MariaDB tests need DPLAN_TEST_MYSQL_URL (scripts/test.sh starts a throwaway "
            "server and sets it)";
        return nullptr;
    }
    DatabaseUrl admin = parse_database_url(server);
    auto admin_db = Database::open(admin, OpenMode::must_exist);
    test->mysql_database_ = "dplan_t_" + unique_suffix();
    admin_db->session() << "CREATE DATABASE " + test->mysql_database_ +
                               " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci";
    test->mysql_admin_url_ = admin;
    DatabaseUrl url = admin;
    url.database = test->mysql_database_;
    test->url_ = fmt::format("mysql://{}:{}@{}:{}/{}", url.user, url.password, url.host, url.port, url.database);
    test->db_ = Database::open(url, OpenMode::must_exist);
    return test;
}

std::unique_ptr<Database> TestDatabase::open_another() const {
    return Database::open(parse_database_url(url_), OpenMode::must_exist);
}

TestDatabase::~TestDatabase() {
    db_.reset();
    if (!sqlite_dir_.empty()) {
        std::error_code ignored;
        std::filesystem::remove_all(sqlite_dir_, ignored);
    }
    if (mysql_admin_url_) {
        try {
            auto admin = Database::open(*mysql_admin_url_, OpenMode::must_exist);
            admin->session() << "DROP DATABASE IF EXISTS " + mysql_database_;
        } catch (const std::exception&) {
            // The throwaway server goes away with the run; a leftover database harms nothing.
        }
    }
}

}  // namespace dplan::testing
