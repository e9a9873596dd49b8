#include "domain/database_url.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "domain/error.hpp"
#include "support/test_database.hpp"

namespace dplan {
namespace {

TEST(DatabaseUrl, ParsesSqlitePaths) {
    EXPECT_EQ(parse_database_url("sqlite:/var/lib/dplan/x.db").sqlite_path, "/var/lib/dplan/x.db");
    EXPECT_EQ(parse_database_url("sqlite:relative.db").sqlite_path, "relative.db");
    EXPECT_EQ(parse_database_url("sqlite:///abs.db").sqlite_path, "/abs.db");
    EXPECT_THROW(parse_database_url("sqlite:"), InvalidInput);
}

TEST(DatabaseUrl, ParsesMysqlUrlsWithEscapesAndSocket) {
    const auto url = parse_database_url("mysql://planner:p%40ss%3Aword@db.example:3307/dplan");
    EXPECT_EQ(url.dialect, Dialect::mysql);
    EXPECT_EQ(url.user, "planner");
    EXPECT_EQ(url.password, "p@ss:word");
    EXPECT_EQ(url.host, "db.example");
    EXPECT_EQ(url.port, 3307);
    EXPECT_EQ(url.database, "dplan");
    EXPECT_EQ(url.redacted(), "mysql://planner@db.example:3307/dplan") << "no password in logs";

    const auto socket = parse_database_url("mysql://me@localhost/dplan?socket=/run/mysqld/mysqld.sock");
    EXPECT_EQ(socket.port, 3306);
    EXPECT_EQ(socket.socket, "/run/mysqld/mysqld.sock");
}

TEST(DatabaseUrl, RejectsMalformedUrlsWithTheAcceptedForms) {
    for (const char* bad : {"postgres://x/y", "mysql://host", "mysql://h:notaport/db", "mysql://h:70000/db",
                            "mysql://h/db?ssl=1", "mysql://u:%4@h/db", "x.db"}) {
        try {
            parse_database_url(bad);
            ADD_FAILURE() << bad << " was accepted";
        } catch (const InvalidInput& e) {
            EXPECT_NE(e.message().en.find("sqlite:PATH"), std::string::npos) << e.message().en;
            EXPECT_FALSE(e.message().zh.empty());
        }
    }
}

TEST(DatabaseUrl, TakesAMissingPasswordFromTheEnvironmentThenFromAnOptionFile) {
    const auto dir = testing::make_temp_dir("dplan_url");
    const auto option_file = dir / "my.cnf";
    std::ofstream(option_file) << "[mysqld]\npassword=server\n[client]\nuser = x\npassword = \"from file\"\n";

    unsetenv("DPLAN_DB_PASSWORD");
    auto url = parse_database_url("mysql://u@h/db");
    resolve_password(url, option_file);
    EXPECT_EQ(url.password, "from file");

    setenv("DPLAN_DB_PASSWORD", "from env", 1);
    url = parse_database_url("mysql://u@h/db");
    resolve_password(url, option_file);
    EXPECT_EQ(url.password, "from env");
    unsetenv("DPLAN_DB_PASSWORD");

    url = parse_database_url("mysql://u:given@h/db");
    resolve_password(url, option_file);
    EXPECT_EQ(url.password, "given");

    url = parse_database_url("mysql://u@h/db");
    EXPECT_THROW(resolve_password(url, dir / "missing.cnf"), InvalidInput);
    std::filesystem::remove_all(dir);
}

TEST(DatabaseUrl, DefaultsToTheUsersDataDirectory) {
    setenv("XDG_DATA_HOME", "/tmp/xdg-data", 1);
    EXPECT_EQ(default_database_url(), "sqlite:/tmp/xdg-data/dplan/dplan.db");
    unsetenv("XDG_DATA_HOME");
    setenv("HOME", "/home/officer", 1);
    EXPECT_EQ(default_database_url(), "sqlite:/home/officer/.local/share/dplan/dplan.db");
}

}  // namespace
}  // namespace dplan
