// Statements sent as one query on MariaDB (storage/statement_batch.hpp), and the audit entries a
// write sends with its COMMIT that way: a batch reads every answer and stops at the first
// statement refused; quoted values arrive byte for byte; a write whose entry cannot chain on the
// head commits nothing, on either database.
#include "storage/statement_batch.hpp"

#include <gtest/gtest.h>

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
        database->db().session() << "CREATE TABLE batch_probe (n INT NOT NULL, note TEXT)";
    }

    int count(const std::string& where) {
        int rows = 0;
        database->db().session() << "SELECT COUNT(*) FROM batch_probe WHERE " + where, soci::into(rows);
        return rows;
    }

    std::unique_ptr<testing::TestDatabase> database;
};

TEST_F(StatementBatch, AnswersWithTheLastStatementsRowAndLeavesTheConnectionInStep) {
    auto& session = database->db().session();
    const auto row = run_statement_batch(
        session, {"INSERT INTO batch_probe (n) VALUES (1)", "INSERT INTO batch_probe (n) VALUES (2)",
                  "SELECT SUM(n), NULL FROM batch_probe"});
    ASSERT_TRUE(row);
    ASSERT_EQ(row->size(), 2u);
    EXPECT_EQ((*row)[0], "3");
    EXPECT_FALSE((*row)[1]);
    EXPECT_FALSE(run_statement_batch(session, {"SELECT n FROM batch_probe WHERE n > 5", "DO 1"}))
        << "the last statement returned no row";
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
