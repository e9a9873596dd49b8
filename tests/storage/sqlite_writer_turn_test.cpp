// SQLite writers of one process take turns on a mutex (storage/sqlite_writer_turn.hpp): many
// threads writing at once all succeed, and while another program holds the write lock each
// writer gives up after about the busy timeout, not after one timeout per writer queued before it.
#include "storage/sqlite_writer_turn.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <atomic>
#include <thread>
#include <vector>

#include "storage/migration.hpp"
#include "support/arrange.hpp"
#include "support/test_database.hpp"

namespace dplan {
namespace {

class SqliteWriterTurn : public ::testing::Test {
  protected:
    void SetUp() override {
        DPLAN_REQUIRE_DATABASE(database, Dialect::sqlite);
        Migrator(database->db()).migrate();
    }

    // One audited write on its own connection, as one of the server's threads does.
    void write_once(Database& db) {
        testing::arrange(db, [&] { db.session() << "UPDATE districts SET code = code WHERE id < 0"; });
    }

    std::unique_ptr<testing::TestDatabase> database;
};

TEST_F(SqliteWriterTurn, ManyThreadsWritingAtOnceAllSucceed) {
    constexpr int threads = 4, writes = 25;
    std::atomic<int> failures{0};
    std::vector<std::thread> writers;
    for (int t = 0; t < threads; ++t) {
        writers.emplace_back([&] {
            auto db = database->open_another();
            for (int i = 0; i < writes; ++i) {
                try {
                    write_once(*db);
                } catch (const std::exception& e) {
                    ++failures;
                    ADD_FAILURE() << e.what();
                }
            }
        });
    }
    for (auto& writer : writers) writer.join();
    EXPECT_EQ(failures, 0);
    long long entries = 0;
    database->db().session() << "SELECT COUNT(*) FROM audit_log WHERE action = 'arrange test data'",
        soci::into(entries);
    EXPECT_EQ(entries, threads * writes);
}

TEST_F(SqliteWriterTurn, WhileAnotherProgramHoldsTheLockEachWriterGivesUpAfterOneTimeout) {
    // Another program: a plain SQLite connection, which knows nothing of this process's turns.
    soci::session other(*soci::factory_sqlite3(), "dbname=\"" + database->db().url().sqlite_path.string() + "\"");
    other << "BEGIN IMMEDIATE";

    constexpr int threads = 3;
    std::vector<std::chrono::steady_clock::duration> waited(threads);
    std::vector<bool> refused(threads, false);
    std::vector<std::thread> writers;
    for (int t = 0; t < threads; ++t) {
        writers.emplace_back([&, t] {
            auto db = database->open_another();
            const auto began = std::chrono::steady_clock::now();
            try {
                write_once(*db);
            } catch (const StorageError&) {
                refused[t] = true;
            }
            waited[t] = std::chrono::steady_clock::now() - began;
        });
    }
    for (auto& writer : writers) writer.join();
    other << "ROLLBACK";

    for (int t = 0; t < threads; ++t) {
        EXPECT_TRUE(refused[t]) << "writer " << t;
        // One wait for the turn and one for SQLite's lock at the very most; queued writers do
        // not add theirs up (three of them would take 30 s).
        EXPECT_LT(waited[t], 2 * sqlite_write_wait + std::chrono::seconds(2)) << "writer " << t;
    }
    auto db = database->open_another();
    EXPECT_NO_THROW(write_once(*db)) << "the lock is free again";
}

}  // namespace
}  // namespace dplan
