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

// 0009 makes targets nullable ("target not stated"); on SQLite it rebuilds indicators and
// readings, which must keep every row, the link between them and the checks.
TEST_P(MigrationTest, TargetsBecomeNullableAndStoredIndicatorsAndReadingsSurvive) {
    Migrator migrator(db());
    migrator.migrate(8);
    auto& sql = db().session();
    sql << "INSERT INTO programmes (id, name_zh, period_start, period_end, created_at) "
           "VALUES (7, '同行新路計劃', '2023-04-01', '2025-03-31', '2024-01-01T00:00:00.000Z')";
    sql << "INSERT INTO indicators (id, programme_id, code, kind, description_zh, unit, target, actual) "
           "VALUES (11, 7, '1A-a', 'output', '社區講座', 'sessions', 8, 8)";
    sql << "INSERT INTO readings (id, indicator_id, value, period_start, period_end, reported_by, reported_at, "
           "is_current) VALUES (21, 11, 6, '2023-04-01', '2025-03-31', 1, '2024-01-01T00:00:00.000Z', 0)";
    sql << "INSERT INTO readings (id, indicator_id, value, period_start, period_end, reported_by, reported_at) "
           "VALUES (22, 11, 8, '2023-04-01', '2025-03-31', 1, '2024-02-01T00:00:00.000Z')";
    EXPECT_ANY_THROW(sql << "INSERT INTO indicators (programme_id, code, kind, unit, target) "
                            "VALUES (7, 'x', 'output', 'sessions', NULL)")
        << "before 0009 a target is required";

    EXPECT_EQ(migrator.migrate(9), std::vector<int>{9});
    double target = 0, actual = 0;
    int readings = 0, current = 0;
    sql << "SELECT target, actual FROM indicators WHERE id = 11", soci::into(target), soci::into(actual);
    EXPECT_EQ(target, 8);
    EXPECT_EQ(actual, 8);
    sql << "SELECT count(*), sum(is_current) FROM readings WHERE indicator_id = 11", soci::into(readings),
        soci::into(current);
    EXPECT_EQ(readings, 2);
    EXPECT_EQ(current, 1);

    sql << "INSERT INTO indicators (id, programme_id, code, kind, unit, target) "
           "VALUES (12, 7, '3-c', 'output', 'sessions', NULL)";
    soci::indicator null_flag = soci::i_ok;
    sql << "SELECT target FROM indicators WHERE id = 12", soci::into(target, null_flag);
    EXPECT_EQ(null_flag, soci::i_null);
    EXPECT_ANY_THROW(sql << "INSERT INTO indicators (programme_id, code, kind, unit, target) "
                            "VALUES (7, 'y', 'output', 'sessions', -1)")
        << "a negative target is still refused";
    EXPECT_ANY_THROW(sql << "INSERT INTO readings (indicator_id, value, period_start, period_end, reported_by, "
                            "reported_at) VALUES (999, 1, '2023-04-01', '2025-03-31', 1, '2024-01-01T00:00:00.000Z')")
        << "readings still need their indicator";
    // Deleting the programme still takes its indicators and their readings with it.
    sql << "DELETE FROM programmes WHERE id = 7";
    sql << "SELECT count(*) FROM readings", soci::into(readings);
    EXPECT_EQ(readings, 0);
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
