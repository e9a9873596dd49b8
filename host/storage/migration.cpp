#include "storage/migration.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "domain/timestamp.hpp"
#include "storage/audit_log.hpp"

namespace dplan {

namespace {
// The migration that adds the audit log: it and every later one are recorded in it.
constexpr int first_audited_migration = 13;
}  // namespace

const std::vector<Migration>& migrations_for(Dialect dialect) {
    return dialect == Dialect::sqlite ? embedded_sqlite_migrations() : embedded_mysql_migrations();
}

std::vector<std::string> split_sql_statements(std::string_view script) {
    std::vector<std::string> statements;
    std::string current;
    std::size_t start = 0;
    while (start < script.size()) {
        auto end = script.find('\n', start);
        if (end == std::string_view::npos) end = script.size();
        std::string_view line = script.substr(start, end - start);
        start = end + 1;
        const auto first = line.find_first_not_of(" \t\r");
        if (first == std::string_view::npos || line.substr(first).starts_with("--")) continue;
        const auto last = line.find_last_not_of(" \t\r");
        line = line.substr(0, last + 1);
        if (line.ends_with(';')) {
            current.append(line.substr(0, line.size() - 1));
            statements.push_back(std::move(current));
            current.clear();
        } else {
            current.append(line).append("\n");
        }
    }
    if (current.find_first_not_of(" \t\r\n") != std::string::npos) statements.push_back(current);
    return statements;
}

Migrator::Migrator(Database& db, AuditActor actor) : db_(db), actor_(std::move(actor)) {}

int Migrator::current_version() {
    if (!db_.has_table("schema_version")) {
        // A database with tables but no schema_version is someone else's: never write into it.
        const bool empty = db_.read("inspect database", [&] {
            int tables = 0;
            if (db_.dialect() == Dialect::sqlite) {
                db_.session() << "SELECT count(*) FROM sqlite_master WHERE type = 'table'", soci::into(tables);
            } else {
                db_.session() << "SELECT count(*) FROM information_schema.tables "
                                 "WHERE table_schema = DATABASE()",
                    soci::into(tables);
            }
            return tables == 0;
        });
        if (!empty) {
            throw SchemaError(
                {fmt::format("{} 已有其他資料表，但不是 District Planner 資料庫；未作任何改動。", db_.url().redacted()),
                 fmt::format("{} holds tables but is not a District Planner database (no "
                             "schema_version table); nothing was changed. Use an empty database.",
                             db_.url().redacted())});
        }
        return 0;
    }
    return db_.read("read schema version", [&] {
        int version = 0;
        soci::indicator null_flag = soci::i_ok;
        db_.session() << "SELECT max(version) FROM schema_version", soci::into(version, null_flag);
        return null_flag == soci::i_null ? 0 : version;
    });
}

SchemaStatus Migrator::status() {
    const auto& all = migrations_for(db_.dialect());
    SchemaStatus result;
    result.current = current_version();
    result.latest = all.empty() ? 0 : all.back().version;
    if (result.current > result.latest) {
        throw SchemaError({fmt::format("資料庫 {} 的結構版本為 {}，比此 dplan 所認識的版本 {} 更新。"
                                       "請使用較新的 dplan；資料庫未有改動。",
                                       db_.url().redacted(), result.current, result.latest),
                           fmt::format("database {} has schema version {}, newer than the {} this dplan knows; "
                                       "use a newer dplan. The database was left untouched.",
                                       db_.url().redacted(), result.current, result.latest)});
    }
    for (const auto& migration : all) {
        if (migration.version > result.current) result.pending.push_back(migration);
    }
    return result;
}

std::vector<int> Migrator::migrate(int target) {
    const SchemaStatus before = status();
    if (target < 0) target = before.latest;
    std::vector<int> applied;
    for (const auto& migration : before.pending) {
        if (migration.version > target) break;
        const std::string step = fmt::format("migration {:04} ({})", migration.version, migration.name);
        db_.write(step, [&] {
            if (db_.dialect() == Dialect::sqlite) {
                db_.session() << "CREATE TABLE IF NOT EXISTS schema_version ("
                                 "version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                                 "applied_at TEXT NOT NULL)";
            } else {
                db_.session() << "CREATE TABLE IF NOT EXISTS schema_version ("
                                 "version INT PRIMARY KEY, name VARCHAR(100) NOT NULL, "
                                 "applied_at CHAR(24) NOT NULL) ENGINE=InnoDB "
                                 "DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci";
            }
            for (const auto& statement : split_sql_statements(migration.sql)) {
                db_.session() << statement;
            }
            db_.note_implicit_commit();
            const std::string name(migration.name);
            const std::string now = now_utc_iso8601();
            db_.session() << "INSERT INTO schema_version (version, name, applied_at) "
                             "VALUES (:version, :name, :applied_at)",
                soci::use(migration.version), soci::use(name), soci::use(now);
            if (migration.version >= first_audited_migration) {
                AuditLog(db_).record(actor_, {"apply migration", "schema", fmt::format("{:04}", migration.version),
                                              fmt::format(R"({{"/version":{{"before":{},"after":{}}}}})",
                                                          migration.version - 1, migration.version)});
            }
        });
        spdlog::info("applied {} to {}", step, db_.url().redacted());
        applied.push_back(migration.version);
    }
    return applied;
}

void Migrator::require_current() {
    const SchemaStatus schema = status();
    if (schema.current == schema.latest) return;
    if (schema.current == 0) {
        throw SchemaError({fmt::format("資料庫 {} 尚未建立。請執行 dplan db init。", db_.url().redacted()),
                           fmt::format("database {} is not set up yet; run 'dplan db init'", db_.url().redacted())});
    }
    throw SchemaError({fmt::format("資料庫 {} 的結構版本為 {}，需要 {}。請執行 dplan db migrate。",
                                   db_.url().redacted(), schema.current, schema.latest),
                       fmt::format("database {} has schema version {} but this dplan needs {}; run 'dplan db "
                                   "migrate'",
                                   db_.url().redacted(), schema.current, schema.latest)});
}

}  // namespace dplan
