// Statements sent as one query on MariaDB (storage/statement_batch.hpp), and the audit entries a
// write sends with its COMMIT that way: a batch reads every answer and stops at the first
// statement refused; quoted values arrive byte for byte; a write whose entry cannot chain on the
// head commits nothing, on either database.
#include "storage/statement_batch.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "storage/audit_log.hpp"
#include "storage/migration.hpp"
#include "storage/user_repository.hpp"
#include "support/test_database.hpp"

namespace dplan {
namespace {

class StatementBatch : public ::testing::Test {
  protected:
    void SetUp() override {
        DPLAN_REQUIRE_DATABASE(database, Dialect::mysql);
        Migrator(database->db()).migrate();
        database->db().session() << "CREATE TABLE batch_probe (n INT NOT NULL, note TEXT)";
    }

    int count(const std::string& where) {
        int rows = 0;
        database->db().session() << "SELECT COUNT(*) FROM batch_probe WHERE " + where, soci::into(rows);
        return rows;
    }

    std::unique_ptr<testing::TestDatabase> database;
};

TEST_F(StatementBatch, AnswersWithEachStatementsFirstRowAndLeavesTheConnectionInStep) {
    auto& session = database->db().session();
    const auto rows = run_statement_batch(
        session, {"INSERT INTO batch_probe (n) VALUES (1)", "SELECT MIN(n) FROM batch_probe",
                  "INSERT INTO batch_probe (n) VALUES (2)", "SELECT SUM(n), NULL FROM batch_probe"});
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_FALSE(rows[0]) << "an INSERT has no rows";
    ASSERT_TRUE(rows[1]);
    EXPECT_EQ((*rows[1])[0], "1") << "each statement's own row, as it saw the data";
    const auto& row = rows[3];
    ASSERT_TRUE(row);
    ASSERT_EQ(row->size(), 2u);
    EXPECT_EQ((*row)[0], "3");
    EXPECT_FALSE((*row)[1]);
    EXPECT_FALSE(run_statement_batch(session, {"SELECT n FROM batch_probe WHERE n > 5", "DO 1"}).front())
        << "the SELECT returned no row";
    EXPECT_EQ(count("n IN (1, 2)"), 2) << "the connection answers the next query in step";
}

TEST_F(StatementBatch, StopsAtTheFirstStatementRefusedAndNamesIt) {
    auto& session = database->db().session();
    try {
        run_statement_batch(session, {"INSERT INTO batch_probe (n) VALUES (10)", "INSERT INTO no_such_table VALUES (1)",
                                      "INSERT INTO batch_probe (n) VALUES (30)"});
        ADD_FAILURE() << "a statement on a missing table went through";
    } catch (const BatchStatementFailed& e) {
        EXPECT_EQ(e.statement(), 1u);
        EXPECT_NE(e.get_error_message().find("no_such_table"), std::string::npos) << e.get_error_message();
    }
    EXPECT_EQ(count("n = 10"), 1);
    EXPECT_EQ(count("n = 30"), 0) << "statements after the refused one do not run";
    EXPECT_EQ(count("1 = 1"), 1) << "and the connection is in step for the next query";
}

TEST_F(StatementBatch, QuotedTextArrivesByteForByte) {
    auto& session = database->db().session();
    const std::vector<std::string> texts{"'; DROP TABLE batch_probe; --", "back\\slash \\' and \\\\",
                                         std::string("zero \0 byte", 11), "\"double\" `back` \x1a ctrl-z",
                                         "長者服務的輪候數據 😀",          ""};
    std::vector<std::string> statements;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        statements.push_back("INSERT INTO batch_probe (n, note) VALUES (" + std::to_string(i) + ", " +
                             mysql_quoted(session, texts[i]) + ")");
    }
    run_statement_batch(session, statements);
    for (std::size_t i = 0; i < texts.size(); ++i) {
        std::string stored;
        const int n = static_cast<int>(i);
        session << "SELECT note FROM batch_probe WHERE n = :n", soci::use(n), soci::into(stored);
        EXPECT_EQ(stored, texts[i]) << "text " << i;
    }
}

// The lock taken with BEGIN fails (here: another connection holds the head past the lock wait):
// the transaction BEGIN opened is rolled back at once, not left open on the idle connection.
TEST_F(StatementBatch, ABeginWhoseLockFailsLeavesNoTransactionOpen) {
    Database& db = database->db();
    auto holder = database->open_another();
    holder->session() << "START TRANSACTION";
    holder->session() << "SELECT id FROM audit_head WHERE id = 1 FOR UPDATE";
    db.session() << "SET SESSION innodb_lock_wait_timeout = 1";
    EXPECT_THROW(db.write("wait for the head",
                          [&] {
                              AuditLog(db).record({system_user_id, "t", "t"}, {"t", "t", "-", "{}"});
                          }),
                 StorageError);
    int in_transaction = -1;
    db.session() << "SELECT @@in_transaction", soci::into(in_transaction);
    EXPECT_EQ(in_transaction, 0);
    holder->session() << "ROLLBACK";
    db.write("after the wait", [&] { AuditLog(db).record({system_user_id, "t", "t"}, {"t", "t", "-", "{}"}); });
}

// An entry larger than the server takes in one query (max_allowed_packet, 16 MB by default) is
// the change's fault: a clear refusal, not "the server went away, try again" after running the
// write twice; the connection works for the next write.
TEST_F(StatementBatch, AnEntryLargerThanTheServerTakesIsRefusedClearly) {
    Database& db = database->db();
    long long packet = 0;
    db.session() << "SELECT @@max_allowed_packet", soci::into(packet);
    const std::string changes =
        R"({"/text":{"after":")" + std::string(static_cast<std::size_t>(packet) + 1024, 'x') + "\"}}";
    int runs = 0;
    try {
        db.write("huge entry", [&] {
            ++runs;
            AuditLog(db).record({system_user_id, "t", "t"}, {"t", "t", "-", changes});
        });
        ADD_FAILURE() << "an entry over max_allowed_packet was stored";
    } catch (const InvalidInput& e) {
        EXPECT_NE(e.message().en.find("too large for the database server to take in one piece"), std::string::npos)
            << e.message().en;
        EXPECT_NE(e.message().zh.find("max_allowed_packet"), std::string::npos) << e.message().zh;
    }
    EXPECT_EQ(runs, 1) << "refused, not run again as if the connection had dropped";
    db.write("after the huge one", [&] { AuditLog(db).record({system_user_id, "t", "t"}, {"t", "t", "-", "{}"}); });
    const auto verification = AuditLog(db).verify(std::nullopt);
    EXPECT_TRUE(verification.intact) << verification.problem.en;
}

// The connection is killed while the COMMIT's batch runs (a trigger holds its entry's INSERT):
// the server rolled the write back, the chain says so, and the write runs again once: one row,
// one entry, no "unknown whether it was saved".
TEST_F(StatementBatch, AWriteCutOffDuringItsCommitIsFoundUnsavedAndRunsOnce) {
    Database& db = database->db();
    auto killer = database->open_another();
    killer->session() << "CREATE TABLE slow_once (pending INT NOT NULL)";
    killer->session() << "INSERT INTO slow_once VALUES (1)";
    // Sleeps in the first entry's INSERT only; the write's second run goes straight through.
    killer->session() << "CREATE TRIGGER audit_slow_once BEFORE INSERT ON audit_log FOR EACH ROW "
                         "BEGIN IF (SELECT pending FROM slow_once) = 1 THEN DO SLEEP(3); END IF; END";
    long long victim = 0;
    db.session() << "SELECT CONNECTION_ID()", soci::into(victim);
    std::thread cut([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(1000));
        killer->session() << "KILL CONNECTION " + std::to_string(victim);
        // After the kill: the sleeping INSERT's read of this row may hold it until it ends.
        killer->session() << "UPDATE slow_once SET pending = 0";
    });
    int runs = 0;
    EXPECT_NO_THROW(db.write("cut off", [&] {
        ++runs;
        db.session() << "INSERT INTO batch_probe (n, note) VALUES (7, 'cut off')";
        AuditLog(db).record({system_user_id, "t", "t"}, {"cut off", "t", "-", "{}"});
    }));
    cut.join();
    EXPECT_EQ(runs, 2);
    EXPECT_EQ(count("n = 7"), 1);
    int entries = 0;
    db.session() << "SELECT COUNT(*) FROM audit_log WHERE action = 'cut off'", soci::into(entries);
    EXPECT_EQ(entries, 1);
    const auto verification = AuditLog(db).verify(std::nullopt);
    EXPECT_TRUE(verification.intact) << verification.problem.en;
}

class AuditSentWithCommit : public ::testing::TestWithParam<Dialect> {
  protected:
    void SetUp() override {
        DPLAN_REQUIRE_DATABASE(database, GetParam());
        Migrator(database->db()).migrate();
    }
    std::unique_ptr<testing::TestDatabase> database;
};

// Hostile text in an entry (MariaDB: quoted into the COMMIT's batch) is stored as given, and the
// chain, hashed over the stored bytes, verifies.
TEST_P(AuditSentWithCommit, HostileTextIsStoredAsGivenAndTheChainVerifies) {
    Database& db = database->db();
    const std::string changes = R"({"/body":{"before":null,"after":"'; DROP TABLE audit_log; -- \\' \" 中文 😀"}})";
    const std::string name = "o'brien\\ \"x\" 陳大文";
    db.write("hostile entry", [&] { AuditLog(db).record({system_user_id, name, "::1"}, {"test", "t", "1", changes}); });
    AuditQuery newest;
    newest.limit = 1;
    const auto entries = AuditLog(db).list(newest);
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].change.changes, changes);
    EXPECT_EQ(entries[0].actor.name, name);
    const auto verification = AuditLog(db).verify(std::nullopt);
    EXPECT_TRUE(verification.intact) << verification.problem.en;
}

// The head moved under the write (something changed it in the write's own transaction, past the
// lock): the entry cannot chain on it, and nothing of the write is committed.
TEST_P(AuditSentWithCommit, AWriteWhoseEntryCannotChainOnTheHeadCommitsNothing) {
    Database& db = database->db();
    long long head_before = 0;
    db.session() << "SELECT sequence FROM audit_head WHERE id = 1", soci::into(head_before);
    User user;
    user.username = "batch.unchained";
    user.role = Role::viewer;
    EXPECT_ANY_THROW(db.write("unchained write", [&] {
        UserRepository(db).create(user, "");
        db.session() << "UPDATE audit_head SET sequence = sequence + 5 WHERE id = 1";
        AuditLog(db).record({system_user_id, "test", "test"}, {"test", "user", "-", "{}"});
    }));
    EXPECT_FALSE(UserRepository(db).find_by_username("batch.unchained"));
    long long head_after = -1;
    db.session() << "SELECT sequence FROM audit_head WHERE id = 1", soci::into(head_after);
    EXPECT_EQ(head_after, head_before);
    const auto verification = AuditLog(db).verify(std::nullopt);
    EXPECT_TRUE(verification.intact) << verification.problem.en;
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditSentWithCommit, ::testing::Values(Dialect::sqlite, Dialect::mysql),
                         [](const auto& info) { return std::string(testing::dialect_name(info.param)); });

}  // namespace
}  // namespace dplan
