#include "storage/database.hpp"

#include <fmt/format.h>
#include <soci/mysql/soci-mysql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>

#include <filesystem>

namespace dplan {

namespace {

// SOCI's SQLite backend reads a connection value up to the next space unless it is in double
// quotes, and has no escape for a double quote inside: such paths are refused, not mangled.
std::string sqlite_connection_value(std::string_view path) {
    if (path.find('"') != std::string_view::npos) {
        throw InvalidInput({"SQLite 資料庫路徑不可包含雙引號 (\")",
                            "the SQLite database path must not contain a double quote (\")"});
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

std::unique_ptr<soci::session> open_sqlite(const DatabaseUrl& url, OpenMode mode) {
    const auto& path = url.sqlite_path;
    const bool exists = std::filesystem::exists(path);
    if (!exists && mode == OpenMode::must_exist) {
        throw StorageError(
            {fmt::format("找不到資料庫「{}」。請先執行 dplan db init（或 dplan demo）建立。",
                         path.string()),
             fmt::format("no database at {}; create it first with 'dplan db init' (or 'dplan demo')",
                         path.string())});
    }
    if (!exists && path.has_parent_path()) {
        std::error_code ec;
        std::filesystem::create_directories(path.parent_path(), ec);
        if (ec) {
            throw StorageError(
                {fmt::format("無法建立資料夾「{}」：{}", path.parent_path().string(), ec.message()),
                 fmt::format("cannot create folder {}: {}; choose another path with --db sqlite:PATH",
                             path.parent_path().string(), ec.message())});
        }
    }
    std::unique_ptr<soci::session> session;
    try {
        session = std::make_unique<soci::session>(
            *soci::factory_sqlite3(), "dbname=" + sqlite_connection_value(path.string()) + " timeout=10");
        // Touch the file so a damaged or foreign file is found now, not halfway through a write.
        *session << "PRAGMA foreign_keys = ON";
        int schema_entries = 0;
        *session << "SELECT count(*) FROM sqlite_master", soci::into(schema_entries);
        std::string journal;
        *session << "PRAGMA journal_mode = WAL", soci::into(journal);
    } catch (const soci::soci_error& e) {
        const std::string reason = e.get_error_message();
        if (reason.find("not a database") != std::string::npos ||
            reason.find("malformed") != std::string::npos) {
            throw StorageError(
                {fmt::format("「{}」不是 SQLite 資料庫，或檔案已損壞：{}", path.string(), reason),
                 fmt::format("{} is not a SQLite database or is damaged ({}); restore it from a "
                             "backup or point --db at another file",
                             path.string(), reason)});
        }
        throw StorageError(
            {fmt::format("無法開啟 SQLite 資料庫「{}」：{}。請檢查路徑及寫入權限。", path.string(),
                         reason),
             fmt::format("cannot open SQLite database {}: {}; check that the folder exists and is "
                         "writable",
                         path.string(), reason)});
    }
    return session;
}

std::unique_ptr<soci::session> open_mysql(const DatabaseUrl& url) {
    std::string connect = fmt::format("dbname={} host={} port={} charset=utf8mb4 connect_timeout=5",
                                      mysql_connection_value(url.database),
                                      mysql_connection_value(url.host), url.port);
    if (!url.user.empty()) connect += " user=" + mysql_connection_value(url.user);
    if (!url.password.empty()) connect += " password=" + mysql_connection_value(url.password);
    if (!url.socket.empty()) connect += " unix_socket=" + mysql_connection_value(url.socket);
    try {
        auto session = std::make_unique<soci::session>(*soci::factory_mysql(), connect);
        // Strict mode: a too-long value or a bad date is an error, never silently truncated.
        *session << "SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ENGINE_SUBSTITUTION'";
        *session << "SET NAMES utf8mb4 COLLATE utf8mb4_unicode_520_ci";
        *session << "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED";
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
    : url_(std::move(url)), session_(std::move(session)) {}

Database::WriteTransaction::WriteTransaction(Database& db) : db_(db) {
    if (db_.dialect() == Dialect::sqlite) {
        *db_.session_ << "BEGIN IMMEDIATE";
    } else {
        db_.session_->begin();
    }
}

Database::WriteTransaction::~WriteTransaction() {
    if (finished_) return;
    try {
        db_.session_->rollback();
    } catch (const soci::soci_error& e) {
        // The connection is already broken; the server rolls back what it cannot commit.
        spdlog::warn("rollback failed on {}: {}", db_.url_.redacted(), e.get_error_message());
    }
}

void Database::WriteTransaction::commit() {
    db_.session_->commit();
    finished_ = true;
}

bool Database::has_table(std::string_view name) {
    return read("look up table", [&] {
        int count = 0;
        const std::string table(name);
        if (dialect() == Dialect::sqlite) {
            *session_ << "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = :name",
                soci::use(table), soci::into(count);
        } else {
            *session_ << "SELECT count(*) FROM information_schema.tables "
                         "WHERE table_schema = DATABASE() AND table_name = :name",
                soci::use(table), soci::into(count);
        }
        return count > 0;
    });
}

StorageError Database::translate(std::string_view what, const soci::soci_error& e) const {
    const std::string reason = e.get_error_message();
    spdlog::debug("storage error during '{}' on {}: {}", what, url_.redacted(), e.what());
    if (reason.find("readonly") != std::string::npos || reason.find("read-only") != std::string::npos) {
        return StorageError({fmt::format("無法寫入資料庫 {}（唯讀）：{}", url_.redacted(), reason),
                             fmt::format("cannot write to {} ({}): the file or folder is read-only",
                                         url_.redacted(), reason)});
    }
    return StorageError(
        {fmt::format("資料庫操作「{}」失敗（{}）：{}。資料未有改動。", what, url_.redacted(), reason),
         fmt::format("{} failed on {}: {}; nothing was changed", what, url_.redacted(), reason)});
}

bool is_unique_violation(const soci::soci_error& e) {
    const std::string message = e.get_error_message();
    return message.find("UNIQUE constraint failed") != std::string::npos ||
           message.find("Duplicate entry") != std::string::npos;
}

}  // namespace dplan
