#include "storage/statement_batch.hpp"

#include <memory>

namespace dplan {

namespace {

MYSQL* connection_of(soci::session& session) {
    return static_cast<soci::mysql_session_backend*>(session.get_backend())->conn_;
}

[[noreturn]] void fail(MYSQL* connection, std::size_t statement) {
    throw BatchStatementFailed(mysql_error(connection), static_cast<int>(mysql_errno(connection)), statement);
}

// SQLite: each statement compiled and stepped to its first row.
std::vector<std::optional<BatchRow>> run_sqlite_statements(soci::session& session,
                                                           const std::vector<std::string>& statements) {
    using namespace sqlite_api;
    sqlite3* connection = static_cast<soci::sqlite3_session_backend*>(session.get_backend())->conn_;
    std::vector<std::optional<BatchRow>> first_rows;
    for (const auto& sql : statements) {
        sqlite3_stmt* compiled = nullptr;
        if (sqlite3_prepare_v2(connection, sql.data(), static_cast<int>(sql.size()), &compiled, nullptr) != SQLITE_OK) {
            throw soci::sqlite3_soci_error(sqlite3_errmsg(connection), sqlite3_errcode(connection));
        }
        const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(compiled, sqlite3_finalize);
        auto& first_row = first_rows.emplace_back();
        const int stepped = sqlite3_step(compiled);
        if (stepped == SQLITE_ROW) {
            first_row.emplace();
            for (int column = 0; column < sqlite3_column_count(compiled); ++column) {
                const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(compiled, column));
                first_row->push_back(text ? std::optional<std::string>(text) : std::nullopt);
            }
        } else if (stepped != SQLITE_DONE) {
            throw soci::sqlite3_soci_error(sqlite3_errmsg(connection), stepped);
        }
    }
    return first_rows;
}

}  // namespace

void allow_statement_batches(soci::session& session) {
    MYSQL* connection = connection_of(session);
    if (mysql_set_server_option(connection, MYSQL_OPTION_MULTI_STATEMENTS_ON) != 0) fail(connection, 0);
}

std::string mysql_quoted(soci::session& session, std::string_view text) {
    std::string quoted(text.size() * 2 + 3, '\0');
    quoted[0] = '\'';
    const auto length = mysql_real_escape_string(connection_of(session), quoted.data() + 1, text.data(),
                                                 static_cast<unsigned long>(text.size()));
    quoted.resize(length + 1);
    quoted += '\'';
    return quoted;
}

std::vector<std::optional<BatchRow>> run_statement_batch(soci::session& session,
                                                         const std::vector<std::string>& statements) {
    if (session.get_backend_name() == "sqlite3") return run_sqlite_statements(session, statements);
    MYSQL* connection = connection_of(session);
    std::string query;
    for (const auto& statement : statements) {
        if (!query.empty()) query += ";\n";
        query += statement;
    }
    if (mysql_real_query(connection, query.data(), static_cast<unsigned long>(query.size())) != 0) {
        fail(connection, 0);
    }
    std::vector<std::optional<BatchRow>> first_rows;
    for (std::size_t statement = 0;; ++statement) {
        // Every answer is read, or the connection is out of step with the server for the next query.
        MYSQL_RES* result = mysql_store_result(connection);
        if (result == nullptr && mysql_field_count(connection) != 0) fail(connection, statement);
        auto& first_row = first_rows.emplace_back();
        if (result != nullptr) {
            if (MYSQL_ROW row = mysql_fetch_row(result)) {
                const unsigned columns = mysql_num_fields(result);
                first_row.emplace();
                for (unsigned column = 0; column < columns; ++column) {
                    first_row->push_back(row[column] ? std::optional<std::string>(row[column]) : std::nullopt);
                }
            }
            mysql_free_result(result);
        }
        const int next = mysql_next_result(connection);
        if (next == -1) break;
        if (next > 0) fail(connection, statement + 1);
    }
    return first_rows;
}

}  // namespace dplan
