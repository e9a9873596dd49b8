// Versioned schema migrations, one script per step and dialect (schema/<dialect>/NNNN_name.sql),
// embedded into the binary. The database records what it has in `schema_version`.
#pragma once

#include <string_view>
#include <vector>

#include "domain/audit_entry.hpp"
#include "domain/user.hpp"
#include "storage/database.hpp"

namespace dplan {

struct Migration {
    int version;
    std::string_view name;
    std::string_view sql;
};

const std::vector<Migration>& embedded_sqlite_migrations();
const std::vector<Migration>& embedded_mysql_migrations();
const std::vector<Migration>& migrations_for(Dialect dialect);

// Splits a migration script into statements. Rule (schema/README.md): a statement ends with ';'
// at the end of a line; lines starting with "--" are comments.
std::vector<std::string> split_sql_statements(std::string_view script);

struct SchemaStatus {
    int current = 0;  // 0: empty database
    int latest = 0;   // the newest version this binary knows
    std::vector<Migration> pending;
};

class Migrator {
  public:
    // `actor` is who the audit log names for the migrations from 0013 on (the schema before has no
    // audit log); the built-in system account unless an administrator ran them.
    explicit Migrator(Database& db, AuditActor actor = {system_user_id, "system", "local"});

    // Refuses (SchemaError) a database that is newer than this binary or not ours at all.
    SchemaStatus status();

    // Applies pending migrations up to `target` (default: latest) one at a time, each in its own
    // transaction with its schema_version row. Returns the versions applied.
    std::vector<int> migrate(int target = -1);

    // Throws SchemaError unless the database is exactly at the latest version.
    void require_current();

  private:
    int current_version();

    Database& db_;
    AuditActor actor_;
};

}  // namespace dplan
