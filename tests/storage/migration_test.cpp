#include "storage/migration.hpp"

#include <gtest/gtest.h>

#include "support/backend_test.hpp"

namespace dplan {
namespace {

using testing::BackendTest;

class MigrationTest : public BackendTest {};

TEST_P(MigrationTest, MigratesAnEmptyDatabaseToTheLatestVersion) {
    Migrator migrator(db());
    const auto before = migrator.status();
    EXPECT_EQ(before.current, 0);
    EXPECT_EQ(before.pending.size(), migrations_for(GetParam()).size());

    const auto applied = migrator.migrate();
    EXPECT_EQ(applied.size(), before.pending.size());
    const auto after = migrator.status();
    EXPECT_EQ(after.current, after.latest);
    EXPECT_TRUE(after.pending.empty());
    EXPECT_TRUE(db().has_table("plans"));
    EXPECT_TRUE(migrator.migrate().empty()) << "a second migrate must do nothing";
}

TEST_P(MigrationTest, UpgradesStepByStep) {
    Migrator migrator(db());
    EXPECT_EQ(migrator.migrate(1), std::vector<int>{1});
    EXPECT_EQ(migrator.status().current, 1);
    EXPECT_TRUE(db().has_table("districts"));
    EXPECT_FALSE(db().has_table("plans"));
    EXPECT_THROW(migrator.require_current(), SchemaError);

    EXPECT_EQ(migrator.migrate(2), std::vector<int>{2});
    EXPECT_TRUE(db().has_table("plans"));
    EXPECT_FALSE(db().has_table("review_comments"));
    EXPECT_EQ(migrator.migrate(3), std::vector<int>{3});
    EXPECT_TRUE(db().has_table("review_comments"));
    EXPECT_THROW(migrator.require_current(), SchemaError);

    // The rest in one go: every later step, in order.
    std::vector<int> rest;
    for (const auto& migration : migrations_for(GetParam())) {
        if (migration.version > 3) rest.push_back(migration.version);
    }
    EXPECT_EQ(migrator.migrate(), rest);
    EXPECT_TRUE(db().has_table("readings"));
    EXPECT_NO_THROW(migrator.require_current());
}

TEST_P(MigrationTest, RefusesADatabaseNewerThanTheBinaryAndLeavesItUntouched) {
    Migrator migrator(db());
    migrator.migrate();
    db().session() << "INSERT INTO schema_version (version, name, applied_at) "
                      "VALUES (999, 'from the future', '2030-01-01T00:00:00.000Z')";
    try {
        migrator.migrate();
        FAIL() << "a newer database must be refused";
    } catch (const SchemaError& e) {
        EXPECT_NE(e.message().en.find("999"), std::string::npos) << e.message().en;
        EXPECT_NE(e.message().en.find("newer"), std::string::npos) << e.message().en;
        EXPECT_FALSE(e.message().zh.empty());
    }
    int rows = 0;
    db().session() << "SELECT count(*) FROM schema_version", soci::into(rows);
    EXPECT_EQ(rows, static_cast<int>(migrations_for(GetParam()).size()) + 1);
}

TEST_P(MigrationTest, RefusesADatabaseThatIsNotOurs) {
    db().session() << "CREATE TABLE invoices (id INTEGER PRIMARY KEY)";
    EXPECT_THROW(Migrator(db()).migrate(), SchemaError);
    EXPECT_FALSE(db().has_table("schema_version"));
    EXPECT_FALSE(db().has_table("plans"));
}

DPLAN_INSTANTIATE_BACKEND_TESTS(MigrationTest);

TEST(SplitSqlStatements, SplitsAtSemicolonsThatEndALineAndSkipsComments) {
    const auto statements = split_sql_statements(
        "-- a comment; with a semicolon\nCREATE TABLE a (x TEXT DEFAULT 'a;b');\n\n"
        "INSERT INTO a VALUES\n  ('1'),\n  ('2');  \nSELECT 1");
    ASSERT_EQ(statements.size(), 3u);
    EXPECT_EQ(statements[0], "CREATE TABLE a (x TEXT DEFAULT 'a;b')");
    EXPECT_EQ(statements[1], "INSERT INTO a VALUES\n  ('1'),\n  ('2')");
    EXPECT_EQ(statements[2], "SELECT 1\n");
}

TEST(EmbeddedMigrations, BothDialectsHaveTheSameNumberedSteps) {
    const auto& sqlite = embedded_sqlite_migrations();
    const auto& mysql = embedded_mysql_migrations();
    ASSERT_EQ(sqlite.size(), mysql.size());
    for (std::size_t i = 0; i < sqlite.size(); ++i) {
        EXPECT_EQ(sqlite[i].version, static_cast<int>(i) + 1);
        EXPECT_EQ(sqlite[i].version, mysql[i].version);
        EXPECT_EQ(sqlite[i].name, mysql[i].name);
    }
}

}  // namespace
}  // namespace dplan
