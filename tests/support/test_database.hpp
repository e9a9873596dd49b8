// Fresh databases for tests: a new SQLite file, or a new database on the MariaDB server named by
// $DPLAN_TEST_MYSQL_URL (scripts/test.sh starts a throwaway one). Without that variable the
// MariaDB half skips locally, and fails under CI=true, where it must run.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "storage/database.hpp"

namespace dplan::testing {

// A database that is dropped (MariaDB) or deleted (SQLite) when this goes away.
class TestDatabase {
  public:
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    // nullopt with `why_not` set when the backend is not available here.
    static std::unique_ptr<TestDatabase> create(Dialect dialect, std::string& why_not);

    const std::string& url() const { return url_; }
    Database& db() { return *db_; }
    std::unique_ptr<Database> open_another() const;  // a second connection, as another process

  private:
    TestDatabase() = default;

    std::string url_;
    std::unique_ptr<Database> db_;
    std::filesystem::path sqlite_dir_;
    std::string mysql_database_;
    std::optional<DatabaseUrl> mysql_admin_url_;
};

// A unique temporary folder for one test, removed by the caller.
std::filesystem::path make_temp_dir(const std::string& prefix);

const char* dialect_name(Dialect dialect);

// GoogleTest: skip (locally) or fail (CI=true) when the backend is missing.
#define DPLAN_REQUIRE_DATABASE(holder, dialect)                                \
    do {                                                                       \
        std::string why_not;                                                   \
        holder = ::dplan::testing::TestDatabase::create(dialect, why_not);     \
        if (!holder) {                                                         \
            const char* ci = std::getenv("CI");                                \
            if (ci != nullptr && std::string(ci) == "true") FAIL() << why_not; \
            GTEST_SKIP() << why_not;                                           \
        }                                                                      \
    } while (false)

}  // namespace dplan::testing

namespace dplan {
// Lets GoogleTest name the backend in test output instead of printing raw bytes.
inline void PrintTo(Dialect dialect, std::ostream* out) { *out << testing::dialect_name(dialect); }
}  // namespace dplan
