#include "storage/database.hpp"

#include <fmt/format.h>
#include <soci/mysql/soci-mysql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>

#include <filesystem>

#include "domain/timestamp.hpp"
#include "storage/statement_batch.hpp"

namespace dplan {

namespace {

// SOCI's SQLite backend reads a connection value up to the next space unless it is in double
// quotes, and has no escape for a double quote inside: such paths are refused, not mangled.
std::string sqlite_connection_value(std::string_view path) {
    if (path.find('"') != std::string_view::npos) {
        throw InvalidInput(
            {"SQLite 資料庫路徑不可包含雙引號 (\")", "the SQLite database path must not contain a double quote (\")"});
    }
    return fmt::format("\"{}\"", path);
}

// SOCI's MySQL backend takes single-quoted values with backslash escapes.
std::string mysql_connection_value(std::string_view value) {
    std::string out = "'";
    for (char c : value) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + '\'';
}

// WAL lets readers go on while one process writes. SQLite answers with the mode it could set: a
// filesystem without shared memory (some network filesystems) keeps the rollback journal, where
// a writer blocks readers. That still works, so it is a warning, not a refusal.
// synchronous=NORMAL is the setting WAL is meant for: a commit is never torn, and only a power
// loss (not a crash of dplan) can undo the last commits. Without WAL only FULL is safe.
void use_write_ahead_log(soci::session& session, const std::filesystem::path& path) {
    std::string journal;
    session << "PRAGMA journal_mode = WAL", soci::into(journal);
    if (journal == "wal") {
        session << "PRAGMA synchronous = NORMAL";
        return;
    }
    session << "PRAGMA synchronous = FULL";
    spdlog::warn(
        "SQLite 資料庫「{}」無法使用預寫日誌（WAL），改用「{}」日誌：寫入時其他程式要等候。請把檔案放在本機磁碟上。 / "
        "SQLite database {} cannot use write-ahead logging (WAL) and uses the '{}' journal instead: other "
        "programs wait while one writes; keep the file on a local disk",
        path.string(), journal, path.string(), journal);
}

// Before the first connection: by default SQLite counts every allocation under one process-wide
// mutex, so threads working on connections of their own (the server's) keep waiting on each other.
void configure_sqlite_once() {
    static std::once_flag once;
    std::call_once(once, [] { sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

std::unique_ptr<soci::session> open_sqlite(const DatabaseUrl& url, OpenMode mode) {
    configure_sqlite_once();
    const auto& path = url.sqlite_path;
    const bool exists = std::filesystem::exists(path);
    if (!exists && mode == OpenMode::must_exist) {
        throw StorageError(
            {fmt::format("找不到資料庫「{}」。請先執行 dplan db init（或 dplan demo）建立。", path.string()),
             fmt::format("no database at {}; create it first with 'dplan db init' (or 'dplan demo')", path.string())});
    }
    if (!exists && path.has_parent_path()) {
        std::error_code ec;
        std::filesystem::create_directories(path.parent_path(), ec);
        if (ec) {
            throw StorageError({fmt::format("無法建立資料夾「{}」：{}", path.parent_path().string(), ec.message()),
                                fmt::format("cannot create folder {}: {}; choose another path with --db sqlite:PATH",
                                            path.parent_path().string(), ec.message())});
        }
    }
    std::unique_ptr<soci::session> session;
    try {
        session = std::make_unique<soci::session>(
            *soci::factory_sqlite3(),
            "dbname=" + sqlite_connection_value(path.string()) + fmt::format(" timeout={}", sqlite_write_wait.count()));
        // Touch the file so a damaged or foreign file is found now, not halfway through a write.
        *session << "PRAGMA foreign_keys = ON";
        int schema_entries = 0;
        *session << "SELECT count(*) FROM sqlite_master", soci::into(schema_entries);
        use_write_ahead_log(*session, path);
    } catch (const soci::soci_error& e) {
        const std::string reason = e.get_error_message();
        if (reason.find("not a database") != std::string::npos || reason.find("malformed") != std::string::npos) {
            throw StorageError({fmt::format("「{}」不是 SQLite 資料庫，或檔案已損壞：{}", path.string(), reason),
                                fmt::format("{} is not a SQLite database or is damaged ({}); restore it from a "
                                            "backup or point --db at another file",
                                            path.string(), reason)});
        }
        throw StorageError(
            {fmt::format("無法開啟 SQLite 資料庫「{}」：{}。請檢查路徑及寫入權限。", path.string(), reason),
             fmt::format("cannot open SQLite database {}: {}; check that the folder exists and is "
                         "writable",
                         path.string(), reason)});
    }
    return session;
}

// SQLite's transaction statements, kept prepared: SOCI's begin() and commit() have SQLite compile
// them on every write.
struct KeptSql : KeptStatement {
    soci::statement statement;
    KeptSql(soci::session& session, const char* sql) : statement(session.prepare << sql) {}
};
struct BeginImmediate final : KeptSql {
    explicit BeginImmediate(soci::session& session) : KeptSql(session, "BEGIN IMMEDIATE") {}
};
struct Commit final : KeptSql {
    explicit Commit(soci::session& session) : KeptSql(session, "COMMIT") {}
};
struct Rollback final : KeptSql {
    explicit Rollback(soci::session& session) : KeptSql(session, "ROLLBACK") {}
};
// The audit log's head as a write takes its turn (SQLite; MariaDB reads it with BEGIN).
struct AuditHeadAtTurn final : KeptStatement {
    Database::AuditHead head;
    soci::statement statement;
    explicit AuditHeadAtTurn(soci::session& session)
        : statement((session.prepare << "SELECT sequence, entry_hash FROM audit_head WHERE id = 1",
                     soci::into(head.sequence), soci::into(head.hash))) {}
};

// Whether a session is still signed in, for writes made for it (Database::check_session_on_write):
// 1 or 0, given the token's hash, the time now and the idle cut-off. The same conditions as
// SignInService::authenticate_from_database checks on the row, and sessions_signed_in_query
// below; change all three together.
constexpr std::string_view session_signed_in_query =
    "SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = {} "
    "AND s.revoked_at IS NULL AND u.disabled = 0 AND s.expires_at > {} AND s.last_seen_at > {}";

// The same for a group of writes (storage/write_group.hpp): the token hashes of those of
// `sessions` still signed in, given the time now, each with its own idle cut-off.
constexpr std::string_view sessions_signed_in_query =
    "SELECT GROUP_CONCAT(DISTINCT s.token_hash) FROM sessions s JOIN users u ON u.id = s.user_id WHERE "
    "s.revoked_at IS NULL AND u.disabled = 0 AND s.expires_at > {} AND ({})";

struct SessionSignedIn final : KeptStatement {
    std::string token_hash, now, idle_since;
    int sessions = 0;
    soci::statement statement;
    explicit SessionSignedIn(soci::session& session)
        : statement((session.prepare << fmt::format(fmt::runtime(session_signed_in_query), ":hash", ":now", ":idle"),
                     soci::use(token_hash), soci::use(now), soci::use(idle_since), soci::into(sessions))) {}
};

// Above this, statements waiting for COMMIT are sent on their own (MariaDB's max_allowed_packet
// is 16 MB by default; an import records thousands of entries).
constexpr std::size_t batch_bytes = 1 << 20;

// The column MariaDB (strict mode) named when it refused a text too long for it: "Data too long
// for column 'body' at row 1", or, when the cut fell inside a character, "Incorrect string value:
// '\xF0\x9F...' for column `db`.`review_comments`.`body` at row 1". The input's fault, not the
// database's.
std::optional<std::string> too_long_column(const std::string& reason) {
    const std::string too_long = "Data too long for column '";
    if (const auto at = reason.find(too_long); at != std::string::npos) {
        const auto begin = at + too_long.size();
        return reason.substr(begin, reason.find('\'', begin) - begin);
    }
    const std::string cut = "Incorrect string value: ";
    const std::string column = " for column ";
    if (reason.find(cut) == std::string::npos) return std::nullopt;
    const auto at = reason.rfind(column);
    if (at == std::string::npos) return std::nullopt;
    const auto end = reason.find(" at row", at);
    std::string name =
        reason.substr(at + column.size(), end == std::string::npos ? std::string::npos : end - at - column.size());
    if (const auto dot = name.rfind('.'); dot != std::string::npos) name = name.substr(dot + 1);
    std::erase(name, '`');
    std::erase(name, '\'');
    return name;
}

// What every MariaDB connection starts with, also after a reconnect.
void prepare_mysql_session(soci::session& session) {
    // Strict mode: a too-long value or a bad date is an error, never silently truncated.
    session << "SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ENGINE_SUBSTITUTION'";
    session << "SET NAMES utf8mb4 COLLATE utf8mb4_unicode_520_ci";
    session << "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED";
    allow_statement_batches(session);
}

std::unique_ptr<soci::session> open_mysql(const DatabaseUrl& url) {
    // Read and write timeouts: a server or network that stops answering fails the call after
    // timeout_seconds instead of hanging the dashboard's worker (or a CLI command) for ever.
    std::string connect =
        fmt::format("dbname={} host={} port={} charset=utf8mb4 connect_timeout=5 read_timeout={} write_timeout={}",
                    mysql_connection_value(url.database), mysql_connection_value(url.host), url.port,
                    url.timeout_seconds, url.timeout_seconds);
    if (!url.user.empty()) connect += " user=" + mysql_connection_value(url.user);
    if (!url.password.empty()) connect += " password=" + mysql_connection_value(url.password);
    if (!url.socket.empty()) connect += " unix_socket=" + mysql_connection_value(url.socket);
    try {
        auto session = std::make_unique<soci::session>(*soci::factory_mysql(), connect);
        prepare_mysql_session(*session);
        return session;
    } catch (const soci::soci_error& e) {
        throw StorageError(
            {fmt::format("無法連接 MariaDB/MySQL 伺服器 {}：{}。請檢查伺服器是否運行、位址、用戶及密碼。",
                         url.redacted(), e.get_error_message()),
             fmt::format("cannot connect to MariaDB/MySQL at {}: {}; check that the server is "
                         "running and the address, user and password are right",
                         url.redacted(), e.get_error_message())});
    }
}

}  // namespace

std::unique_ptr<Database> Database::open(const DatabaseUrl& url, OpenMode mode) {
    auto session = url.dialect == Dialect::sqlite ? open_sqlite(url, mode) : open_mysql(url);
    spdlog::debug("opened database {}", url.redacted());
    return std::unique_ptr<Database>(new Database(url, std::move(session)));
}

Database::Database(DatabaseUrl url, std::unique_ptr<soci::session> session)
    : url_(std::move(url)), session_(std::move(session)) {
    if (url_.dialect == Dialect::sqlite) writer_turn_ = sqlite_writer_turn(url_.sqlite_path);
}

Database::WriteTransaction::WriteTransaction(Database& db, bool take_audit_turn, bool check_session,
                                             const std::vector<TurnRead>& reads)
    : db_(db) {
    db_.sent_with_commit_ = CommitBatch();
    if (db_.dialect() == Dialect::mysql && take_audit_turn) {
        begin_mysql_turn(check_session, reads);
        return;
    }
    if (db_.dialect() == Dialect::mysql) {
        db_.session_->begin();
    } else {
        turn_ = db_.writer_turn_->take(sqlite_write_wait);
        if (!turn_) {
            throw StorageError(
                {fmt::format("資料庫 {} 在 {} 秒內一直忙於其他寫入；資料未有改動，請稍後再試。", db_.url_.redacted(),
                             sqlite_write_wait.count()),
                 fmt::format("the database {} stayed busy with other writes for {} s; nothing was changed, try "
                             "again shortly",
                             db_.url_.redacted(), sqlite_write_wait.count())});
        }
        db_.run_kept(db_.kept<BeginImmediate>().statement);
    }
    // A constructor that throws gets no destructor: what began is rolled back here, or the
    // connection would keep the transaction open into its next write.
    try {
        if (take_audit_turn) {
            auto& turn = db_.kept<AuditHeadAtTurn>();
            if (db_.run_kept(turn.statement)) db_.held_audit_head_ = turn.head;
        }
        if (check_session) require_signed_in(db_.session_still_signed_in());
        if (!reads.empty()) rows_at_turn_ = db_.read_now(reads);
    } catch (...) {
        db_.roll_back_quietly();
        throw;
    }
}

// The head's lock, the session's check and the write's first reads, all in BEGIN's round trip.
// The check and the reads go after the lock: they then see every change committed before this
// write's turn (sign-outs and disablings take turns too).
std::vector<std::string> Database::begin_with_audit_turn() {
    return {"START TRANSACTION", "SELECT sequence, entry_hash FROM audit_head WHERE id = 1 FOR UPDATE"};
}

std::optional<Database::AuditHead> Database::audit_head_from(const std::optional<BatchRow>& row) {
    if (!row || row->size() != 2 || !(*row)[0] || !(*row)[1]) return std::nullopt;
    return AuditHead{std::stoll(*(*row)[0]), *(*row)[1]};
}

void Database::WriteTransaction::begin_mysql_turn(bool check_session, const std::vector<TurnRead>& reads) {
    auto statements = begin_with_audit_turn();
    if (check_session) statements.push_back(db_.session_signed_in_sql());
    for (const auto& read : reads) statements.push_back(read_text(read));
    std::vector<std::optional<BatchRow>> rows;
    try {
        rows = run_statement_batch(*db_.session_, statements);
        if (check_session) require_signed_in(rows.at(2) && (*rows.at(2))[0] == "1");
    } catch (...) {
        // The transaction may have begun before the lock failed (a lock wait timeout, a killed
        // query): rolled back here, or the idle connection would hold it, and the head's metadata
        // lock, until its next write.
        db_.roll_back_quietly();
        throw;
    }
    // No row: the audit log reports the missing head when the write records its entry.
    db_.held_audit_head_ = audit_head_from(rows.at(1));
    rows_at_turn_.assign(std::make_move_iterator(rows.end() - static_cast<std::ptrdiff_t>(reads.size())),
                         std::make_move_iterator(rows.end()));
}

void Database::WriteTransaction::require_signed_in(bool signed_in) {
    if (!signed_in) throw not_signed_in();
}

NotSignedIn Database::not_signed_in() {
    return NotSignedIn({"你的登入已結束（已登出、帳戶已停用或密碼已更改），這項改動沒有儲存；請重新登入",
                        "your session ended (signed out, account disabled or password changed) before this change "
                        "was saved; it was not saved, sign in again"});
}

std::string Database::session_signed_in_sql() {
    const auto now = std::chrono::system_clock::now();
    return fmt::format(fmt::runtime(session_signed_in_query), quoted(session_to_check_->token_hash),
                       quoted(utc_iso8601(now)), quoted(utc_iso8601(now - session_to_check_->idle_timeout)));
}

std::string Database::signed_in_tokens_sql(const std::vector<const SessionToCheck*>& sessions) {
    const auto now = std::chrono::system_clock::now();
    std::string each;
    for (const auto* session : sessions) {
        if (!each.empty()) each += " OR ";
        each += fmt::format("(s.token_hash = {} AND s.last_seen_at > {})", quoted(session->token_hash),
                            quoted(utc_iso8601(now - session->idle_timeout)));
    }
    return fmt::format(fmt::runtime(sessions_signed_in_query), quoted(utc_iso8601(now)), each);
}

bool Database::session_still_signed_in() {
    if (dialect() == Dialect::mysql) {
        const auto row = run_statement_batch(*session_, {session_signed_in_sql()}).front();
        return row && (*row)[0] == "1";
    }
    const auto now = std::chrono::system_clock::now();
    auto& check = kept<SessionSignedIn>();
    check.token_hash = session_to_check_->token_hash;
    check.now = utc_iso8601(now);
    check.idle_since = utc_iso8601(now - session_to_check_->idle_timeout);
    return run_kept(check.statement) && check.sessions == 1;
}

Database::WriteTransaction::~WriteTransaction() {
    db_.sent_with_commit_ = CommitBatch();
    if (!finished_) db_.roll_back_quietly();
}

void Database::roll_back_quietly() {
    try {
        if (dialect() == Dialect::sqlite) {
            run_kept(kept<Rollback>().statement);
        } else {
            session_->rollback();
        }
    } catch (const soci::soci_error& e) {
        // The connection is already broken; the server rolls back what it cannot commit. A lost
        // connection is reported (or retried) by the caller; only the log needs to know.
        if (connection_lost(e)) {
            spdlog::info("rollback on {} not sent: {}", url_.redacted(), e.get_error_message());
        } else {
            spdlog::warn("rollback failed on {}: {}", url_.redacted(), e.get_error_message());
        }
    }
}

void Database::WriteTransaction::commit() {
    if (db_.dialect() == Dialect::sqlite) {
        // SQLite either commits or leaves the transaction open to be rolled back: nothing was
        // changed, and the usual message says so.
        db_.run_kept(db_.kept<Commit>().statement);
        finished_ = true;
        return;
    }
    auto statements = db_.sent_with_commit_.take(db_.quote());
    statements.emplace_back("COMMIT");
    try {
        run_statement_batch(*db_.session_, statements);
        finished_ = true;
    } catch (const BatchStatementFailed& e) {
        const bool lost = db_.connection_lost(e);
        // A statement before the COMMIT was refused: the transaction is open and is rolled back.
        if (e.statement() + 1 < statements.size() && !lost) throw;
        // The COMMIT itself failed (KILL QUERY, an interrupted commit): whatever is left of the
        // transaction ends here, not silently with the connection's next BEGIN.
        if (!lost) db_.roll_back_quietly();
        finished_ = true;
        // MariaDB may have committed before the answer was lost. An audited write can tell: its
        // last entry is in the chain if and only if it was.
        if (db_.audit_entries_ > 0 && db_.held_audit_head_) {
            const auto saved = db_.entry_was_committed(*db_.held_audit_head_, e, lost);
            if (saved && *saved) return;
            if (saved) throw;  // not saved: the outermost write may run it again, or says so
        }
        throw db_.commit_outcome_unknown(e);
    }
}

std::optional<bool> Database::entry_was_committed(const AuditHead& entry, const soci::soci_error& failure,
                                                  bool connection_lost) {
    try {
        if (connection_lost) reconnect("find out whether a write was saved", failure);
        // The lost connection's transaction holds the head's lock until the server has ended it
        // (committed or rolled back): waiting for the lock waits for that outcome.
        const auto found =
            run_statement_batch(*session_,
                                {"START TRANSACTION", "SELECT id FROM audit_head WHERE id = 1 FOR UPDATE",
                                 fmt::format("SELECT COUNT(*) FROM audit_log WHERE sequence = {} AND entry_hash = {}",
                                             entry.sequence, quoted(entry.hash))})
                .back();
        session_->rollback();
        const bool saved = found && !found->empty() && (*found)[0] == "1";
        spdlog::info("COMMIT on {} went unanswered ({}); the write {} saved", url_.redacted(),
                     failure.get_error_message(), saved ? "was" : "was not");
        return saved;
    } catch (const std::exception& e) {
        spdlog::warn("could not find out whether a write was saved on {}: {}", url_.redacted(), e.what());
        return std::nullopt;
    }
}

void Database::send_with_commit(std::string statement) {
    sent_with_commit_.add(std::move(statement));
    send_now_if_large();
}

void Database::send_row_with_commit(std::string_view insert, std::string_view row) {
    sent_with_commit_.add_row(insert, row);
    send_now_if_large();
}

void Database::send_audit_entry_with_commit(std::string_view insert, std::string_view row, long long previous_sequence,
                                            const AuditHead& entry) {
    sent_with_commit_.add_audit_entry(insert, row, previous_sequence, entry.sequence, entry.hash);
    send_now_if_large();
}

void Database::send_now_if_large() {
    // In a group's turn the group's leader sends it, in batches of its own.
    if (in_group_turn_ || sent_with_commit_.bytes() <= batch_bytes) return;
    run_statement_batch(*session_, sent_with_commit_.take(quote()));
}

CommitBatch::Quote Database::quote() {
    return [this](std::string_view text) { return quoted(text); };
}

std::string Database::quoted(std::string_view text) { return mysql_quoted(*session_, text); }

namespace {
// MariaDB refused a query larger than its max_allowed_packet, and closed the connection: the
// query's fault, not the server's, so running it again would fail the same way.
bool too_large_for_server(const std::string& reason) { return reason.find("max_allowed_packet") != std::string::npos; }
}  // namespace

bool Database::connection_lost(const soci::soci_error& e) const {
    if (dialect() != Dialect::mysql) return false;
    if (too_large_for_server(e.get_error_message())) return false;
    // After a failed reconnect SOCI has no connection at all and says "Session is not connected".
    return e.get_error_category() == soci::soci_error::connection_error || !session_->is_connected();
}

void Database::reconnect(std::string_view what, const soci::soci_error& lost) {
    spdlog::info("lost the connection to {} during '{}' ({}); reconnecting", url_.redacted(), what,
                 lost.get_error_message());
    try {
        kept_.forget();  // prepared on the connection being replaced
        session_->reconnect();
        prepare_mysql_session(*session_);
    } catch (const soci::soci_error& e) {
        throw StorageError(
            {fmt::format(
                 "資料庫伺服器 {} 在 {} 秒內沒有回應或已中斷連線（「{}」：{}），重新連線亦失敗（{}）。資料未有改動；"
                 "請在伺服器恢復後再試。",
                 url_.redacted(), url_.timeout_seconds, what, lost.get_error_message(), e.get_error_message()),
             fmt::format("the database server at {} did not answer within {} s or went away ({}: {}) and could not be "
                         "reached again ({}); nothing was changed; try again when the server is back",
                         url_.redacted(), url_.timeout_seconds, what, lost.get_error_message(),
                         e.get_error_message())});
    }
}

OutcomeUnknown Database::commit_outcome_unknown(const soci::soci_error& e) const {
    spdlog::error("COMMIT failed on {}: {}", url_.redacted(), e.get_error_message());
    return OutcomeUnknown(
        {fmt::format("資料庫 {} 沒有確認提交改動（{}）：無法確定改動是否已儲存。請先查看資料，再決定是否重做。",
                     url_.redacted(), e.get_error_message()),
         fmt::format("{} did not confirm the commit ({}): it is unknown whether the change was "
                     "saved; look at the data before doing it again",
                     url_.redacted(), e.get_error_message())});
}

Database::TurnRows Database::read_now(const std::vector<TurnRead>& reads) {
    if (dialect() == Dialect::mysql) {
        std::vector<std::string> statements;
        for (const auto& read : reads) statements.push_back(read_text(read));
        return run_statement_batch(*session_, statements);
    }
    TurnRows rows;
    for (const auto& read : reads) rows.push_back(read_on_sqlite(read));
    return rows;
}

std::string Database::read_text(const TurnRead& read) {
    std::string text;
    std::size_t value = 0;
    for (char c : read.sql) {
        if (c == '?' && value < read.values.size()) {
            text += std::to_string(read.values[value++]);
        } else {
            text += c;
        }
    }
    return text;
}

void Database::SqliteFinalize::operator()(sqlite_api::sqlite3_stmt* statement) const {
    sqlite_api::sqlite3_finalize(statement);
}

std::optional<BatchRow> Database::read_on_sqlite(const TurnRead& read) {
    using namespace sqlite_api;
    sqlite3* connection = static_cast<soci::sqlite3_session_backend*>(session_->get_backend())->conn_;
    auto& kept_read = turn_reads_[read.sql];
    if (!kept_read) {
        sqlite3_stmt* prepared = nullptr;
        if (sqlite3_prepare_v3(connection, read.sql.data(), static_cast<int>(read.sql.size()),
                               SQLITE_PREPARE_PERSISTENT, &prepared, nullptr) != SQLITE_OK) {
            turn_reads_.erase(read.sql);
            throw soci::sqlite3_soci_error(sqlite3_errmsg(connection), sqlite3_errcode(connection));
        }
        kept_read.reset(prepared);
    }
    sqlite3_stmt* statement = kept_read.get();
    for (std::size_t i = 0; i < read.values.size(); ++i) {
        sqlite3_bind_int64(statement, static_cast<int>(i + 1), read.values[i]);
    }
    // Reset however this ends, so the statement holds no read open (as run_kept does).
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> reset_after(statement, sqlite3_reset);
    const int stepped = sqlite3_step(statement);
    if (stepped == SQLITE_DONE) return std::nullopt;
    if (stepped != SQLITE_ROW) throw soci::sqlite3_soci_error(sqlite3_errmsg(connection), stepped);
    BatchRow row;
    for (int column = 0; column < sqlite3_column_count(statement); ++column) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
        row.push_back(text ? std::optional<std::string>(text) : std::nullopt);
    }
    return row;
}

bool Database::has_table(std::string_view name) {
    return read("look up table", [&] {
        int count = 0;
        const std::string table(name);
        if (dialect() == Dialect::sqlite) {
            *session_ << "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = :name", soci::use(table),
                soci::into(count);
        } else {
            *session_ << "SELECT count(*) FROM information_schema.tables "
                         "WHERE table_schema = DATABASE() AND table_name = :name",
                soci::use(table), soci::into(count);
        }
        return count > 0;
    });
}

bool Database::has_audit_log() {
    if (!audit_log_seen_) audit_log_seen_ = has_table("audit_head");
    return audit_log_seen_;
}

bool Database::run_kept(soci::statement& statement) {
    try {
        const bool row = statement.execute(true);
        if (dialect() == Dialect::sqlite) {
            // Debian's SOCI does not export the backend's reset(); its statement handle is public.
            sqlite_api::sqlite3_reset(static_cast<soci::sqlite3_statement_backend&>(*statement.get_backend()).stmt_);
        }
        return row;
    } catch (const soci::soci_error&) {
        // A failed run leaves state behind: SOCI's MariaDB backend frees its copies of the bound
        // values only after a run that succeeded (a 4 MB comment refused as too long leaked 8 MB
        // each time), and SQLite's statement stops mid-step. Dropped now, prepared again when next
        // asked for; failures are rare enough that this costs nothing.
        kept_.forget();
        throw;
    }
}

void Database::throw_unaudited(std::string_view what) const {
    spdlog::error("refused to commit '{}' on {}: it recorded no audit entry", what, url_.redacted());
    throw UnauditedWrite(
        {fmt::format("內部錯誤：「{}」沒有記下審計記錄，因此不獲提交；資料未有改動。請向開發者報告。", what),
         fmt::format("internal error: '{}' recorded no audit entry, so it was not committed; nothing was changed. "
                     "Please report this to the developers.",
                     what)});
}

void Database::throw_translated(std::string_view what, const soci::soci_error& e) const {
    const std::string reason = e.get_error_message();
    spdlog::debug("storage error during '{}' on {}: {}", what, url_.redacted(), e.what());
    if (const auto column = too_long_column(reason)) {
        throw InvalidInput(
            {fmt::format("「{}」：「{}」的內容太長，資料庫存放不下；請縮短後再試。資料未有改動。", what, *column),
             fmt::format("{}: the text for '{}' is longer than the database can store; shorten it and "
                         "try again. Nothing was changed.",
                         what, *column)});
    }
    if (too_large_for_server(reason)) {
        throw InvalidInput(
            {fmt::format("「{}」：改動太大，資料庫伺服器無法一次接收（其 max_allowed_packet 設定）。資料未有改動；"
                         "請分開較少的資料列匯入，或請管理員調高 max_allowed_packet。",
                         what),
             fmt::format("{}: the change is too large for the database server to take in one piece (its "
                         "max_allowed_packet setting); nothing was changed. Import fewer rows at a time, or ask the "
                         "administrator to raise max_allowed_packet.",
                         what)});
    }
    if (reason.find("readonly") != std::string::npos || reason.find("read-only") != std::string::npos) {
        throw StorageError(
            {fmt::format("無法寫入資料庫 {}（唯讀）：{}", url_.redacted(), reason),
             fmt::format("cannot write to {} ({}): the file or folder is read-only", url_.redacted(), reason)});
    }
    if (connection_lost(e)) {
        throw StorageError(
            {fmt::format(
                 "資料庫伺服器 {} 在 {} 秒內沒有回應或已中斷連線（「{}」：{}）。資料未有改動；請在伺服器恢復後再試。",
                 url_.redacted(), url_.timeout_seconds, what, reason),
             fmt::format("the database server at {} did not answer within {} s or went away ({}: {}); nothing was "
                         "changed; try again when the server is back",
                         url_.redacted(), url_.timeout_seconds, what, reason)});
    }
    throw StorageError({fmt::format("資料庫操作「{}」失敗（{}）：{}。資料未有改動。", what, url_.redacted(), reason),
                        fmt::format("{} failed on {}: {}; nothing was changed", what, url_.redacted(), reason)});
}

bool is_unique_violation(const soci::soci_error& e) {
    const std::string message = e.get_error_message();
    return message.find("UNIQUE constraint failed") != std::string::npos ||
           message.find("Duplicate entry") != std::string::npos;
}

}  // namespace dplan
