// Statements a connection keeps prepared (storage/kept_statement.hpp), on SQLite and MariaDB:
// each run reads with the values bound for that run and never answers with an earlier run's row;
// the audit chain they write stays whole; and on SQLite a kept read leaves no read transaction
// open, which would keep the connection on an old snapshot and stop checkpoints.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>

#include "storage/audit_log.hpp"
#include "storage/migration.hpp"
#include "storage/session_repository.hpp"
#include "storage/user_repository.hpp"
#include "support/arrange.hpp"
#include "support/test_database.hpp"

namespace dplan {
namespace {

class KeptStatements : public ::testing::TestWithParam<Dialect> {
  protected:
    void SetUp() override {
        DPLAN_REQUIRE_DATABASE(database, GetParam());
        Migrator(database->db()).migrate();
    }

    std::int64_t add_user(const std::string& username, Role role) {
        User user;
        user.username = username;
        user.display_name = username + " (display)";
        user.role = role;
        return testing::arrange(database->db(), [&] { return UserRepository(database->db()).create(user, ""); });
    }

    std::unique_ptr<testing::TestDatabase> database;
};

TEST_P(KeptStatements, EachRunReadsWithTheValuesBoundForThatRun) {
    const auto first = add_user("kept.first", Role::officer);
    const auto second = add_user("kept.second", Role::committee_member);
    UserRepository users(database->db());
    for (int round = 0; round < 3; ++round) {
        const auto a = users.find_by_id(first);
        const auto b = users.find_by_id(second);
        ASSERT_TRUE(a && b);
        EXPECT_EQ(a->username, "kept.first");
        EXPECT_EQ(a->role, Role::officer);
        EXPECT_EQ(b->username, "kept.second");
        EXPECT_EQ(b->display_name, "kept.second (display)");
        EXPECT_EQ(b->role, Role::committee_member);
        // The statement still holds the last row's values: a missing id must not answer with them.
        EXPECT_FALSE(users.find_by_id(second + 1000)) << "round " << round;
    }
}

TEST_P(KeptStatements, ASessionReadAfterARevokedOneIsNotTakenForItsNullColumn) {
    const auto user = add_user("kept.sessions", Role::officer);
    SessionRepository sessions(database->db());
    const std::string open(64, 'a'), revoked(64, 'b');
    testing::arrange(database->db(), [&] {
        sessions.create(open, user, "test", "2026-12-03T00:00:00Z", "2026-12-04T00:00:00Z");
        sessions.create(revoked, user, "test", "2026-12-03T00:00:00Z", "2026-12-04T00:00:00Z");
    });
    testing::arrange(database->db(), [&] { sessions.revoke(revoked, "2026-12-03T01:00:00Z"); });
    for (int round = 0; round < 2; ++round) {
        const auto gone = sessions.find(revoked);
        ASSERT_TRUE(gone);
        EXPECT_TRUE(gone->revoked);
        const auto still_open = sessions.find(open);
        ASSERT_TRUE(still_open);
        EXPECT_FALSE(still_open->revoked) << "the NULL revoked_at of this row, not the previous row's time";
        EXPECT_FALSE(sessions.find(std::string(64, 'c')));
    }
}

TEST_P(KeptStatements, TheAuditChainTheyWriteVerifiesAfterManyWritesAndARefusedOne) {
    for (int i = 0; i < 20; ++i) add_user("kept.chain." + std::to_string(i), Role::viewer);
    // A write that fails after its entry was bound: rolled back, and the kept statements that ran
    // in it are usable by the next write.
    EXPECT_THROW(add_user("kept.chain.0", Role::viewer), InvalidInput);
    add_user("kept.chain.last", Role::viewer);
    const auto verification = AuditLog(database->db()).verify(std::nullopt);
    EXPECT_TRUE(verification.intact) << verification.problem.en;
    const auto newest = AuditLog(database->db()).list(AuditQuery{});
    ASSERT_FALSE(newest.empty());
    EXPECT_EQ(newest.front().sequence, verification.head_sequence);
}

// The head a write holds (read with its turn on MariaDB, then moved on by each entry) chains
// several entries of one write on each other, and the next write continues from the last.
TEST_P(KeptStatements, SeveralEntriesInOneWriteChainOnEachOther) {
    Database& db = database->db();
    db.write("three entries", [&] {
        for (int i = 0; i < 3; ++i) {
            AuditLog(db).record({system_user_id, "test", "test"}, {"entry " + std::to_string(i), "test", "-", "{}"});
        }
    });
    add_user("kept.after.three", Role::viewer);
    const auto verification = AuditLog(db).verify(std::nullopt);
    EXPECT_TRUE(verification.intact) << verification.problem.en;
    AuditQuery newest;
    newest.limit = 4;
    const auto entries = AuditLog(db).list(newest);
    ASSERT_EQ(entries.size(), 4u);
    EXPECT_EQ(entries[0].change.action, "arrange test data");
    EXPECT_EQ(entries[1].change.action, "entry 2");
    EXPECT_EQ(entries[3].change.action, "entry 0");
    for (std::size_t i = 0; i + 1 < entries.size(); ++i) {
        EXPECT_EQ(entries[i].sequence, entries[i + 1].sequence + 1);
        EXPECT_EQ(entries[i].previous_hash, entries[i + 1].entry_hash);
    }
}

// Resident memory of this process, in bytes.
std::size_t resident_bytes() {
    std::ifstream statm("/proc/self/statm");
    std::size_t pages = 0, resident = 0;
    statm >> pages >> resident;
    return resident * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

struct KeptNoteInsert final : KeptStatement {
    std::string note;
    soci::statement statement;
    explicit KeptNoteInsert(soci::session& session)
        : statement((session.prepare << "INSERT INTO kept_probe (note) VALUES (:note)", soci::use(note))) {}
};

// A run that fails (here: a text too long for its column) leaves nothing behind: SOCI's MariaDB
// backend frees its copy of the bound values only after a successful run, so a kept statement that
// stayed prepared leaked each failed run's values. The text is refused as the user's mistake.
TEST_P(KeptStatements, AFailedRunLeavesNoMemoryBehindAndTheNextRunWorks) {
    Database& db = database->db();
    db.session() << (GetParam() == Dialect::mysql
                         ? "CREATE TABLE kept_probe (note VARCHAR(40) NOT NULL)"
                         : "CREATE TABLE kept_probe (note TEXT NOT NULL CHECK (length(note) <= 40))");
    const auto insert = [&](const std::string& note) {
        testing::arrange(db, [&] {
            auto& statement = db.kept<KeptNoteInsert>();
            statement.note = note;
            db.run_kept(statement.statement);
        });
    };
    const std::string too_long(4 << 20, 'x');
    insert("warm up");
    const auto before = resident_bytes();
    for (int i = 0; i < 30; ++i) {
        try {
            insert(too_long);
            ADD_FAILURE() << "a 4 MB note went into a 40-character column";
        } catch (const InvalidInput& e) {
            EXPECT_EQ(GetParam(), Dialect::mysql);
            EXPECT_NE(e.message().en.find("the text for 'note' is longer than the database can store"),
                      std::string::npos)
                << e.message().en;
            EXPECT_NE(e.message().zh.find("「note」的內容太長"), std::string::npos) << e.message().zh;
        } catch (const StorageError& e) {
            EXPECT_EQ(GetParam(), Dialect::sqlite) << e.message().en;  // SQLite: the CHECK constraint
        }
    }
    const auto grown = resident_bytes() - std::min(before, resident_bytes());
    EXPECT_LT(grown, std::size_t{40} << 20)
        << "30 failed runs of 4 MB each grew the process by " << (grown >> 20) << " MB";
    insert("after the failures");
    int stored = 0;
    db.session() << "SELECT COUNT(*) FROM kept_probe", soci::into(stored);
    EXPECT_EQ(stored, 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, KeptStatements, ::testing::Values(Dialect::sqlite, Dialect::mysql),
                         [](const auto& info) { return std::string(testing::dialect_name(info.param)); });

// SQLite: a statement that returned its row and was not reset keeps its read transaction open.
// Another connection's checkpoint then cannot finish, and this connection's next write, begun on
// the old snapshot, fails with SQLITE_BUSY_SNAPSHOT however long it waits.
TEST(KeptStatementsOnSqlite, AKeptReadLeavesNoReadOpen) {
    std::unique_ptr<testing::TestDatabase> database;
    DPLAN_REQUIRE_DATABASE(database, Dialect::sqlite);
    Migrator(database->db()).migrate();
    Database& mine = database->db();
    auto other = database->open_another();

    User user;
    user.username = "kept.reader";
    user.role = Role::officer;
    const auto id = testing::arrange(mine, [&] { return UserRepository(mine).create(user, ""); });
    ASSERT_TRUE(UserRepository(mine).find_by_id(id));  // kept, and it returned a row

    user.username = "kept.other";
    const auto other_id = testing::arrange(*other, [&] { return UserRepository(*other).create(user, ""); });
    int busy = -1, frames = -1, copied = -1;
    other->session() << "PRAGMA wal_checkpoint(TRUNCATE)", soci::into(busy), soci::into(frames), soci::into(copied);
    EXPECT_EQ(busy, 0) << "a read left open on the first connection blocks the checkpoint";

    user.username = "kept.after";
    EXPECT_NO_THROW(testing::arrange(mine, [&] { return UserRepository(mine).create(user, ""); }))
        << "the first connection writes on the current snapshot";
    EXPECT_TRUE(UserRepository(mine).find_by_id(other_id)) << "and reads the other connection's user";
}

}  // namespace
}  // namespace dplan
