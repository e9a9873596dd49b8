// One open connection to the plan store, SQLite or MariaDB, through SOCI.
// Every write goes through write(): one transaction, committed only if the whole step succeeds.
// SOCI's exceptions never leave this layer: they become StorageError/Conflict with a message
// that says what failed and what to do.
#pragma once

#include <soci/soci.h>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "domain/database_url.hpp"
#include "domain/error.hpp"
#include "storage/batch_row.hpp"
#include "storage/change_generation.hpp"
#include "storage/commit_batch.hpp"
#include "storage/kept_statement.hpp"
#include "storage/sqlite_writer_turn.hpp"
#include "storage/turn_read.hpp"

namespace sqlite_api {
struct sqlite3_stmt;  // SOCI wraps SQLite's header in this namespace
}

namespace dplan {

class WriteGroup;

class Database {
  public:
    static std::unique_ptr<Database> open(const DatabaseUrl& url, OpenMode mode);

    Dialect dialect() const { return url_.dialect; }
    const DatabaseUrl& url() const { return url_; }
    soci::session& session() { return *session_; }

    bool has_table(std::string_view name);

    // Runs `step` in a transaction: commits when it returns, rolls back when it throws.
    // A write inside another write joins the outer transaction. `what` names the step for error
    // messages ("save plan 3").
    // Once the database has its audit log (schema 0013), a transaction that recorded no audit
    // entry (storage/audit_log.hpp) is rolled back with UnauditedWrite: no front end, import or
    // tool can change data without leaving an entry, because none can commit without one.
    template <typename Step>
    auto write(std::string_view what, Step&& step) -> decltype(step()) {
        return transaction(what, Auditing::required, {}, [&](const TurnRows&) { return step(); });
    }

    // The first row of each of a write's reads at its turn (nothing for a read that found none).
    using TurnRows = std::vector<std::optional<BatchRow>>;
    // A write() whose first reads run as it takes its turn, their first rows handed to `step`. On
    // MariaDB they go in the round trip of BEGIN and the audit head's lock: while a write holds
    // that lock every other writer waits, and each round trip it makes adds to all their waits.
    // Inside another write they run at once.
    template <typename Step>
    auto write_reading(std::string_view what, const std::vector<TurnRead>& reads, Step&& step)
        -> decltype(step(TurnRows{})) {
        return transaction(what, Auditing::required, reads, std::forward<Step>(step));
    }

    // The server's connections to MariaDB share one WriteGroup (storage/write_group.hpp), through
    // which their write_together() calls are committed together.
    // Ignored on SQLite, where a commit is cheap.
    void commit_together_through(std::shared_ptr<WriteGroup> group) {
        if (dialect() == Dialect::mysql) write_group_ = std::move(group);
    }

    // A write_reading() that, on a connection sharing a WriteGroup, is committed in one
    // transaction with the write_together() calls other connections make meanwhile (group
    // commit): the audit head's lock, BEGIN, COMMIT and reads they share are paid once per group.
    // For writes that (1) write only through send_with_commit (anything run at once would run
    // outside the group's transaction) and (2) whose turn reads no such write changes, except
    // next ids (TurnRead::is_next_id), which each write of a group takes in turn: review comments
    // and replies, which add rows no turn read looks at. `step` may run more than once: a group
    // the database refused is tried again one write at a time. Without a group, write_reading().
    template <typename Step>
    auto write_together(std::string_view what, const std::vector<TurnRead>& reads, Step&& step)
        -> decltype(step(TurnRows{})) {
        if (write_group_ && transaction_depth_ == 0 && has_audit_log()) {
            std::optional<decltype(step(TurnRows{}))> result;
            if (commit_in_group(what, reads, [&](const TurnRows& rows) { result.emplace(step(rows)); })) {
                return std::move(*result);
            }
        }
        return write_reading(what, reads, std::forward<Step>(step));
    }

    // A write that changes only sign-in bookkeeping (when a session was last used, old failed
    // sign-ins forgotten), which the audit log would only flood. Used by the session repository
    // alone; cmake/check_layers.cmake keeps it that way.
    template <typename Step>
    auto bookkeeping_write(std::string_view what, Step&& step) -> decltype(step()) {
        return transaction(what, Auditing::exempt, {}, [&](const TurnRows&) { return step(); });
    }

    // After each write() that reached COMMIT (a failed COMMIT may still have committed on
    // MariaDB), `generation` moves on, so caches of what was read before are not used again.
    void report_writes_to(ChangeGeneration* generation) { writes_reported_to_ = generation; }

    bool in_write() const { return transaction_depth_ > 0; }

    // The audit log's head: its newest entry's sequence number and hash.
    struct AuditHead {
        long long sequence = 0;
        std::string hash;
    };
    // The head as the open write holds it: read when the write took its turn (on MariaDB FOR
    // UPDATE), and after each entry the one it added. Nothing when the write took no turn (the
    // audit log did not exist yet) or lost it (DDL): the audit log reads it then.
    const std::optional<AuditHead>& held_audit_head() const { return held_audit_head_; }
    // MariaDB commits the open transaction before each DDL statement (CREATE, ALTER), which also
    // lets go of the audit head's lock taken with the write's turn: the next entry reads (and
    // locks) the head again. Called by migrations after their DDL.
    void note_implicit_commit() { held_audit_head_.reset(); }
    // Called by the audit log for each entry it adds to the open transaction.
    void note_audited(AuditHead new_head) {
        ++audit_entries_;
        held_audit_head_ = std::move(new_head);
    }
    // MariaDB: a statement of the open write sent with its COMMIT, in one round trip
    // (storage/statement_batch.hpp), in as few statements as it can (storage/commit_batch.hpp);
    // the audit log's entries go this way, since the write holds the head's lock until COMMIT.
    // Values must be quoted with quoted(). Sent earlier, without the COMMIT, once they add up to
    // more than a batch should carry. Dropped if the write fails.
    void send_with_commit(std::string statement);
    // The same for a row of `insert` ("INSERT INTO table (columns) VALUES"), `row` being
    // "(values)": rows for the same INSERT one after the other go as one statement.
    void send_row_with_commit(std::string_view insert, std::string_view row);
    // The same for the audit log's entry `entry`, whose row chains on from `previous_sequence`:
    // the entries go after the write's other statements, and the head moves once.
    void send_audit_entry_with_commit(std::string_view insert, std::string_view row, long long previous_sequence,
                                      const AuditHead& entry);
    // `text` as a string literal for this MariaDB connection.
    std::string quoted(std::string_view text);

    // The server's requests: each audited write on this connection first checks, once it has its
    // turn, that the session it is made for is still signed in: not signed out, not expired, not
    // idle for `idle_timeout`, its account not disabled; NotSignedIn (and nothing written) if
    // not. The request's sign-in was checked before the write waited for its turn, and a
    // sign-out, password change or `user disable` may have committed meanwhile. Bookkeeping
    // writes are not checked. None (the default): no such check, as in direct database mode and
    // for signing in itself.
    struct SessionToCheck {
        std::string token_hash;
        std::chrono::seconds idle_timeout;
    };
    void check_session_on_write(std::optional<SessionToCheck> session) { session_to_check_ = std::move(session); }

    // While one lives, writes skip that check: for what must be recorded whatever became of the
    // session (a wrong current password counted towards the lockout).
    class SessionCheckPaused {
      public:
        explicit SessionCheckPaused(Database& db) : db_(db), paused_(std::exchange(db.session_to_check_, {})) {}
        ~SessionCheckPaused() { db_.session_to_check_ = std::move(paused_); }
        SessionCheckPaused(const SessionCheckPaused&) = delete;
        SessionCheckPaused& operator=(const SessionCheckPaused&) = delete;

      private:
        Database& db_;
        std::optional<SessionToCheck> paused_;
    };

    // This connection's kept statement of type T (storage/kept_statement.hpp), prepared once.
    template <typename T>
    T& kept() {
        return kept_.get<T>(*session_);
    }
    // Runs a kept statement, fetching at most one row; true when a row came. On SQLite the
    // statement is reset at once, so it holds no read open (which would keep a stale snapshot
    // for the connection's next write and stop checkpoints).
    bool run_kept(soci::statement& statement);

    // Runs a read, translating storage failures the same way.
    template <typename Query>
    auto read(std::string_view what, Query&& query) -> decltype(query()) {
        return guarded(what, std::forward<Query>(query));
    }

  private:
    friend class WriteGroup;
    enum class Auditing { required, exempt };

    // write_together() with a group: true once committed; false when it must run alone (nothing
    // of it was saved); throws what the write failed with.
    bool commit_in_group(std::string_view what, const std::vector<TurnRead>& reads,
                         const std::function<void(const TurnRows&)>& step);
    // For the group's leader, on this connection's objects: runs `step` as one write of the
    // group's open transaction (held on the leader's connection, perhaps this one). Nested writes
    // join it, its audit entries chain on from `head`; returns what it sent with the commit, kept
    // back for the leader, and the head its last entry left in `head`.
    CommitBatch run_group_turn(std::string_view what, const std::function<void(const TurnRows&)>& step,
                               const TurnRows& rows, AuditHead& head);
    // The leader's check of all its writes' sessions in one query: it answers the token hashes of
    // those still signed in, separated by commas.
    std::string signed_in_tokens_sql(const std::vector<const SessionToCheck*>& sessions);
    static NotSignedIn not_signed_in();
    // MariaDB: a write's BEGIN and, as it takes its turn to audit, the head's lock (one round
    // trip); then the head from the lock's row, nothing when the row is missing.
    static std::vector<std::string> begin_with_audit_turn();
    static std::optional<AuditHead> audit_head_from(const std::optional<BatchRow>& row);
    void roll_back_quietly();  // logs what fails: the connection may be gone

    template <typename Step>
    auto transaction(std::string_view what, Auditing auditing, const std::vector<TurnRead>& reads, Step&& step)
        -> decltype(step(TurnRows{})) {
        if (transaction_depth_ > 0) {
            DepthGuard nested(transaction_depth_);
            return step(reads.empty() ? TurnRows{} : read_now(reads));
        }
        const bool must_audit = auditing == Auditing::required && has_audit_log();
        WriteReport report{auditing == Auditing::required ? writes_reported_to_ : nullptr};
        return guarded(what, [&] {
            audit_entries_ = 0;
            held_audit_head_.reset();
            WriteTransaction transaction(*this, must_audit,
                                         auditing == Auditing::required && session_to_check_.has_value(), reads);
            DepthGuard outermost(transaction_depth_);
            if constexpr (std::is_void_v<decltype(step(TurnRows{}))>) {
                step(transaction.rows_at_turn());
                if (must_audit && audit_entries_ == 0) throw_unaudited(what);
                report.committing = true;
                transaction.commit();
            } else {
                auto result = step(transaction.rows_at_turn());
                if (must_audit && audit_entries_ == 0) throw_unaudited(what);
                report.committing = true;
                transaction.commit();
                return result;
            }
        });
    }

    TurnRows read_now(const std::vector<TurnRead>& reads);
    // MariaDB: `read` with its values written in.
    static std::string read_text(const TurnRead& read);
    // SQLite: `read` on a statement kept prepared for its SQL, reset after its first row.
    std::optional<BatchRow> read_on_sqlite(const TurnRead& read);
    // Whether the schema has the audit log yet (remembered once seen: it is never removed).
    bool has_audit_log();
    [[noreturn]] void throw_unaudited(std::string_view what) const;
    void send_now_if_large();
    CommitBatch::Quote quote();
    // After a COMMIT went unanswered: whether `entry` (the write's last) is in the audit log,
    // asked on a new connection when the old one was lost; nothing when that cannot be found out.
    std::optional<bool> entry_was_committed(const AuditHead& entry, const soci::soci_error& failure,
                                            bool connection_lost);

    // Begins a write transaction; rolls it back unless commit() was called. When COMMIT itself
    // fails on MariaDB, commit() throws a StorageError saying the outcome is unknown. On SQLite it begins
    // IMMEDIATE: a deferred transaction that later upgrades to a write gets SQLITE_BUSY at once
    // in WAL mode, without waiting out the busy timeout, so concurrent writers would fail.
    // With `take_audit_turn` it reads the audit log's head for the write's entries
    // (held_audit_head). On MariaDB it locks the head row before anything else (in BEGIN's round
    // trip), so audited writes take turns: each adds its entry to the head the previous one left,
    // and since every writer takes this lock first, no writer can hold it while waiting for rows
    // another writer holds (no deadlock). SQLite's BEGIN IMMEDIATE already lets one writer in at
    // a time.
    class WriteTransaction {
      public:
        // `check_session`: check session_to_check_ once the turn is taken; then run `reads`.
        WriteTransaction(Database& db, bool take_audit_turn, bool check_session, const std::vector<TurnRead>& reads);
        ~WriteTransaction();
        const TurnRows& rows_at_turn() const { return rows_at_turn_; }
        // When the connection broke during an audited write's COMMIT on MariaDB, the chain tells
        // whether it was saved: if it was, commit() returns; if not, it throws the lost
        // connection's error (the outermost write may run again); if no one can tell, the
        // "outcome unknown" StorageError.
        void commit();
        WriteTransaction(const WriteTransaction&) = delete;
        WriteTransaction& operator=(const WriteTransaction&) = delete;

      private:
        void begin_mysql_turn(bool check_session, const std::vector<TurnRead>& reads);
        // Throws NotSignedIn unless `signed_in`; the constructor rolls back.
        static void require_signed_in(bool signed_in);

        Database& db_;
        SqliteWriterTurn::Held turn_;  // SQLite: this process's writers, one at a time
        TurnRows rows_at_turn_;
        bool finished_ = false;
    };

    // Bookkeeping writes change nothing any cache holds; other writes are reported when they end,
    // if they got as far as COMMIT (which may have committed on MariaDB even when it failed). A
    // write refused before that changed nothing, and must not let anyone empty the caches at will.
    struct WriteReport {
        ChangeGeneration* generation;
        bool committing = false;
        ~WriteReport() {
            if (generation != nullptr && committing) generation->advance();
        }
    };

    struct DepthGuard {
        explicit DepthGuard(int& depth) : depth_(depth) { ++depth_; }
        ~DepthGuard() { --depth_; }
        DepthGuard(const DepthGuard&) = delete;
        DepthGuard& operator=(const DepthGuard&) = delete;
        int& depth_;
    };

    Database(DatabaseUrl url, std::unique_ptr<soci::session> session);

    // Runs `step`, translating SOCI's errors. When the MariaDB connection was lost ("server has
    // gone away", or no answer within the timeout) and no transaction is open here, `step` was a
    // read or a whole write transaction that never reached COMMIT (the server rolls back what a
    // lost connection left open): reconnecting and running it once more is safe. Inside a write
    // the lost connection goes up to the outermost write, which may retry the whole transaction.
    template <typename Step>
    auto guarded(std::string_view what, Step&& step) -> decltype(step()) {
        try {
            return step();
        } catch (const soci::soci_error& e) {
            if (!connection_lost(e)) throw_translated(what, e);
            if (transaction_depth_ > 0) throw;
            reconnect(what, e);
        }
        try {
            return step();
        } catch (const soci::soci_error& e) {
            throw_translated(what, e);
        }
    }

    bool connection_lost(const soci::soci_error& e) const;
    // Throws StorageError when the server cannot be reached again.
    void reconnect(std::string_view what, const soci::soci_error& lost);
    // For check_session_on_write(): the query, and whether the session is still signed in.
    std::string session_signed_in_sql();
    bool session_still_signed_in();
    // Throws what `e` means for the user: InvalidInput for a text too long for its column
    // (naming the column), otherwise StorageError.
    [[noreturn]] void throw_translated(std::string_view what, const soci::soci_error& e) const;
    OutcomeUnknown commit_outcome_unknown(const soci::soci_error& e) const;

    DatabaseUrl url_;
    std::unique_ptr<soci::session> session_;
    KeptStatements kept_;  // after session_: destroyed before the connection closes
    struct SqliteFinalize {
        void operator()(sqlite_api::sqlite3_stmt* statement) const;
    };
    // SQLite: turn reads kept prepared, by their SQL (after session_, like kept_).
    std::unordered_map<std::string, std::unique_ptr<sqlite_api::sqlite3_stmt, SqliteFinalize>> turn_reads_;
    CommitBatch sent_with_commit_;  // MariaDB: the open write's, see send_with_commit
    bool in_group_turn_ = false;    // run_group_turn: keep everything for the leader
    std::shared_ptr<WriteGroup> write_group_;
    int transaction_depth_ = 0;
    int audit_entries_ = 0;                     // entries recorded in the open transaction
    std::optional<AuditHead> held_audit_head_;  // see held_audit_head()
    bool audit_log_seen_ = false;
    std::optional<SessionToCheck> session_to_check_;  // see check_session_on_write()
    ChangeGeneration* writes_reported_to_ = nullptr;
    std::shared_ptr<SqliteWriterTurn> writer_turn_;  // SQLite only
};

// A write that would have committed without an audit entry: a defect in the code that made it,
// never the user's doing. It was rolled back.
class UnauditedWrite : public StorageError {
    using StorageError::StorageError;
};

// True when `e` reports a broken UNIQUE constraint on either backend.
bool is_unique_violation(const soci::soci_error& e);

}  // namespace dplan
