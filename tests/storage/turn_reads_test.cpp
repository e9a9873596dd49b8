// A write's reads at its turn (Database::write_reading), on SQLite and MariaDB: they see what the
// writes before it committed and come back as text row by row; inside another write they see its
// changes; and a read that fails leaves no transaction open behind it.
#include <gtest/gtest.h>

#include "storage/audit_log.hpp"
#include "storage/migration.hpp"
#include "support/backend_test.hpp"

namespace dplan {
namespace {

class TurnReads : public testing::BackendTest {
  protected:
    void SetUp() override {
        BackendTest::SetUp();
        if (IsSkipped()) return;
        migrate();
        db().session() << "CREATE TABLE turn_probe (n INT NOT NULL)";
    }

    void add_probe(Database& db, int n) {
        db.write("add probe", [&] {
            db.session() << "INSERT INTO turn_probe (n) VALUES (:n)", soci::use(n);
            AuditLog(db).record({system_user_id, "test", "test"}, {"add probe", "probe", std::to_string(n), "{}"});
        });
    }
};

TEST_P(TurnReads, HandTheStepEachReadsFirstRowAsTextSeeingEarlierCommits) {
    Database& db = this->db();
    add_probe(*test_database().open_another(), 4);
    const auto rows =
        db.write_reading("read at the turn",
                         {{"SELECT MAX(n), NULL FROM turn_probe", {}}, {"SELECT n FROM turn_probe WHERE n > ?", {100}}},
                         [&](const Database::TurnRows& turn) {
                             AuditLog(db).record({system_user_id, "test", "test"}, {"read", "probe", "-", "{}"});
                             return turn;
                         });
    ASSERT_EQ(rows.size(), 2u);
    ASSERT_TRUE(rows[0]);
    ASSERT_EQ(rows[0]->size(), 2u);
    EXPECT_EQ((*rows[0])[0], "4") << "the other connection's commit, seen at the turn";
    EXPECT_FALSE((*rows[0])[1]) << "NULL comes as nothing";
    EXPECT_FALSE(rows[1]) << "a read that found no row";
}

TEST_P(TurnReads, InsideAnotherWriteRunAtOnceAndSeeThatWritesOwnChanges) {
    Database& db = this->db();
    db.write("outer", [&] {
        add_probe(db, 7);
        db.write_reading("inner", {{"SELECT COUNT(*) FROM turn_probe WHERE n = ?", {7}}},
                         [&](const Database::TurnRows& turn) {
                             ASSERT_TRUE(turn.at(0));
                             EXPECT_EQ((*turn.at(0))[0], "1");
                         });
    });
}

TEST_P(TurnReads, AReadThatFailsRollsBackAndTheConnectionWritesOnAfterIt) {
    Database& db = this->db();
    EXPECT_THROW(db.write_reading("bad read", {{"SELECT n FROM no_such_table", {}}},
                                  [&](const Database::TurnRows&) { add_probe(db, 1); }),
                 StorageError);
    add_probe(db, 2);  // would fail with a transaction left open ("within a transaction")
    int count = 0;
    db.session() << "SELECT COUNT(*) FROM turn_probe", soci::into(count);
    EXPECT_EQ(count, 1) << "only the write after the failed one";
    EXPECT_TRUE(AuditLog(db).verify(std::nullopt).intact);
}

DPLAN_INSTANTIATE_BACKEND_TESTS(TurnReads);

// On SQLite the reads are kept prepared; each is reset after its row, so none holds a read open
// (which would keep the connection on an old snapshot and stop checkpoints).
TEST(TurnReadsOnSqlite, LeaveNoReadOpen) {
    std::unique_ptr<testing::TestDatabase> database;
    DPLAN_REQUIRE_DATABASE(database, Dialect::sqlite);
    Migrator(database->db()).migrate();
    Database& mine = database->db();
    mine.session() << "CREATE TABLE turn_probe (n INT NOT NULL)";
    mine.session() << "INSERT INTO turn_probe (n) VALUES (1), (2)";
    for (int run = 0; run < 2; ++run) {  // the second run reuses the kept statement
        mine.write_reading("read two rows", {{"SELECT n FROM turn_probe WHERE n >= ? ORDER BY n", {run}}},
                           [&](const Database::TurnRows& rows) {
                               ASSERT_TRUE(rows.at(0));
                               EXPECT_EQ((*rows.at(0))[0], "1");
                               AuditLog(mine).record({system_user_id, "test", "test"}, {"read", "probe", "-", "{}"});
                           });
    }
    auto other = database->open_another();
    other->session() << "INSERT INTO turn_probe (n) VALUES (3)";
    int busy = -1, frames = -1, copied = -1;
    other->session() << "PRAGMA wal_checkpoint(TRUNCATE)", soci::into(busy), soci::into(frames), soci::into(copied);
    EXPECT_EQ(busy, 0) << "a read left open on the first connection blocks the checkpoint";
}

}  // namespace
}  // namespace dplan
