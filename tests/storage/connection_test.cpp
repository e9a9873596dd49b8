// What the connection does when things go wrong: SQLite's journal settings, and a MariaDB server
// of the test's own that stops answering, goes away, comes back, or loses the answer to COMMIT.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "storage/audit_log.hpp"
#include "storage/database.hpp"
#include "storage/migration.hpp"
#include "support/own_mariadb.hpp"
#include "support/test_database.hpp"

namespace dplan {
namespace {

TEST(SqliteConnection, UsesWriteAheadLoggingWithNormalSynchronousSetExplicitly) {
    const auto dir = testing::make_temp_dir("dplan_wal");
    auto db = Database::open(parse_database_url("sqlite:" + (dir / "plans.db").string()), OpenMode::create);
    std::string journal;
    int synchronous = -1;
    db->session() << "PRAGMA journal_mode", soci::into(journal);
    db->session() << "PRAGMA synchronous", soci::into(synchronous);
    EXPECT_EQ(journal, "wal");
    EXPECT_EQ(synchronous, 1) << "NORMAL, the setting WAL is made for (SQLite's default is FULL)";
    db.reset();
    std::filesystem::remove_all(dir);
}

// One server for the whole suite: starting MariaDB takes seconds.
class OwnServer : public ::testing::Test {
  protected:
    static void SetUpTestSuite() { server_ = testing::OwnMariaDb::start(why_not_).release(); }
    static void TearDownTestSuite() {
        delete server_;
        server_ = nullptr;
    }
    void SetUp() override {
        if (server_ == nullptr) {
            const char* ci = std::getenv("CI");
            if (ci != nullptr && std::string(ci) == "true") FAIL() << why_not_;
            GTEST_SKIP() << why_not_;
        }
        admin_ = Database::open(parse_database_url(server_->url()), OpenMode::must_exist);
        admin_->session() << "CREATE TABLE IF NOT EXISTS probe (id INT AUTO_INCREMENT PRIMARY KEY, note VARCHAR(40))";
        admin_->session() << "DELETE FROM probe";
    }
    void TearDown() override {
        if (server_ != nullptr) server_->resume();
    }

    // A short timeout: the test waits it out more than once.
    static std::unique_ptr<Database> connect() {
        return Database::open(parse_database_url(server_->url() + "?timeout=2"), OpenMode::must_exist);
    }
    static int probes(Database& db, const std::string& note) {
        int count = 0;
        db.read("count probes", [&] {
            db.session() << "SELECT COUNT(*) FROM probe WHERE note = :note", soci::use(note), soci::into(count);
        });
        return count;
    }
    static std::string sql_mode(Database& db) {
        std::string mode;
        db.read("sql mode", [&] { db.session() << "SELECT @@SESSION.sql_mode", soci::into(mode); });
        return mode;
    }

    static testing::OwnMariaDb* server_;
    static std::string why_not_;
    std::unique_ptr<Database> admin_;
};

testing::OwnMariaDb* OwnServer::server_ = nullptr;
std::string OwnServer::why_not_;

TEST_F(OwnServer, AReadOnAServerThatStopsAnsweringFailsClearlyAndTheNextReadReconnects) {
    auto db = connect();
    ASSERT_EQ(probes(*db, "x"), 0);
    server_->pause();
    const auto started = std::chrono::steady_clock::now();
    try {
        probes(*db, "x");
        ADD_FAILURE() << "a read on a server that does not answer succeeded";
    } catch (const StorageError& e) {
        EXPECT_NE(e.message().en.find("did not answer within 2 s or went away"), std::string::npos) << e.message().en;
        EXPECT_NE(e.message().zh.find("在 2 秒內沒有回應"), std::string::npos) << e.message().zh;
        EXPECT_EQ(e.message().en.find("dplan_test:"), std::string::npos) << "no password: " << e.message().en;
    }
    // Not a speed check: without read timeouts the read above never returns at all. A minute is
    // the bound for the timed-out read, one reconnect attempt and the retried read.
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(60));
    server_->resume();
    EXPECT_EQ(probes(*db, "x"), 0) << "the connection is made again";
    EXPECT_NE(sql_mode(*db).find("STRICT_ALL_TABLES"), std::string::npos)
        << "the new connection is set up as the first";
}

TEST_F(OwnServer, AServerRestartIsReconnectedWithoutAnError) {
    auto db = connect();
    ASSERT_EQ(probes(*db, "x"), 0);
    const std::string before = server_->url();
    ASSERT_EQ(server_->restart(), before) << "the restarted server took another port; nothing to reconnect to";
    EXPECT_EQ(probes(*db, "x"), 0) << "server has gone away: a read is retried on a new connection";
    db->write("add probe", [&] { db->session() << "INSERT INTO probe (note) VALUES ('after restart')"; });
    EXPECT_EQ(probes(*db, "after restart"), 1);
}

// A statement kept prepared on the connection (storage/kept_statement.hpp).
struct KeptProbeCount final : KeptStatement {
    std::string note;
    int count = 0;
    soci::statement statement;
    explicit KeptProbeCount(soci::session& session)
        : statement((session.prepare << "SELECT COUNT(*) FROM probe WHERE note = :note", soci::use(note),
                     soci::into(count))) {}
};

int kept_probes(Database& db, const std::string& note) {
    return db.read("count probes", [&] {
        auto& query = db.kept<KeptProbeCount>();
        query.note = note;
        db.run_kept(query.statement);
        return query.count;
    });
}

TEST_F(OwnServer, StatementsKeptOnALostConnectionArePreparedAgainOnTheNewOne) {
    auto db = connect();
    ASSERT_EQ(kept_probes(*db, "kept"), 0);
    const std::string before = server_->url();
    ASSERT_EQ(server_->restart(), before) << "the restarted server took another port; nothing to reconnect to";
    admin_ = Database::open(parse_database_url(server_->url()), OpenMode::must_exist);
    admin_->session() << "INSERT INTO probe (note) VALUES ('kept')";
    EXPECT_EQ(kept_probes(*db, "kept"), 1) << "the statement of the old connection is not used on the new one";
    EXPECT_EQ(kept_probes(*db, "other"), 0);
}

TEST_F(OwnServer, AWriteWhoseConnectionDiesBeforeCommitIsRunAgainOnce) {
    auto db = connect();
    long long connection = 0;
    db->read("connection id", [&] { db->session() << "SELECT CONNECTION_ID()", soci::into(connection); });
    int attempts = 0;
    db->write("add probes", [&] {
        ++attempts;
        db->session() << "INSERT INTO probe (note) VALUES ('retried')";
        // The network drops the connection halfway through the transaction: the server rolls
        // back the first insert, so running the whole transaction again is safe.
        if (attempts == 1) admin_->session() << "KILL CONNECTION " + std::to_string(connection);
        db->session() << "INSERT INTO probe (note) VALUES ('retried')";
    });
    EXPECT_EQ(attempts, 2);
    EXPECT_EQ(probes(*admin_, "retried"), 2) << "each insert once: the first attempt left nothing behind";
}

TEST_F(OwnServer, ACommitWithNoAnswerSaysTheOutcomeIsUnknown) {
    auto db = connect();
    int attempts = 0;
    try {
        db->write("add probe", [&] {
            ++attempts;
            db->session() << "INSERT INTO probe (note) VALUES ('maybe')";
            server_->pause();  // COMMIT is sent, the answer never comes
        });
        ADD_FAILURE() << "COMMIT to a server that does not answer succeeded";
    } catch (const StorageError& e) {
        EXPECT_NE(e.message().en.find("it is unknown whether the change was saved"), std::string::npos)
            << e.message().en;
        EXPECT_NE(e.message().zh.find("無法確定改動是否已儲存"), std::string::npos) << e.message().zh;
        EXPECT_EQ(e.message().en.find("nothing was changed"), std::string::npos) << e.message().en;
    }
    EXPECT_EQ(attempts, 1) << "a transaction that reached COMMIT is never run again";
    server_->resume();
    // The server may well have committed it once it ran again: that is why the outcome is unknown.
    EXPECT_LE(probes(*db, "maybe"), 1);
}

// The answer to an audited write's COMMIT is lost, but the server did commit it (it was paused
// with the COMMIT on its way, and resumed once the client had given up): the write's entry in the
// audit log says it was saved, so it is neither reported as unknown nor done twice.
TEST_F(OwnServer, ACommitWhoseAnswerWasLostIsFoundSavedInTheAuditLog) {
    admin_->session() << "DROP DATABASE IF EXISTS audited_probe";
    admin_->session() << "CREATE DATABASE audited_probe CHARACTER SET utf8mb4";
    std::string url = server_->url();
    url = url.substr(0, url.rfind('/')) + "/audited_probe?timeout=2";
    auto db = Database::open(parse_database_url(url), OpenMode::must_exist);
    Migrator(*db).migrate();
    db->session() << "CREATE TABLE saved_probe (note VARCHAR(40))";
    std::thread resume_later;
    int attempts = 0;
    EXPECT_NO_THROW(db->write("add probe", [&] {
        ++attempts;
        db->session() << "INSERT INTO saved_probe (note) VALUES ('saved once')";
        AuditLog(*db).record({system_user_id, "test", "test"}, {"add probe", "probe", "-", "{}"});
        if (attempts > 1) return;
        server_->pause();  // the COMMIT goes out and waits in the server's socket
        // Past the client's 2 s read timeout, within its reconnect's 5 s connect timeout.
        resume_later = std::thread([] {
            std::this_thread::sleep_for(std::chrono::milliseconds(3000));
            server_->resume();
        });
    }));
    resume_later.join();
    EXPECT_EQ(attempts, 1) << "found saved: not run again";
    int rows = 0;
    db->session() << "SELECT COUNT(*) FROM saved_probe", soci::into(rows);
    EXPECT_EQ(rows, 1);
    EXPECT_TRUE(AuditLog(*db).verify(std::nullopt).intact);
}

}  // namespace
}  // namespace dplan
