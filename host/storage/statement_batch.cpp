#include "storage/statement_batch.hpp"

namespace dplan {

namespace {

MYSQL* connection_of(soci::session& session) {
    return static_cast<soci::mysql_session_backend*>(session.get_backend())->conn_;
}

[[noreturn]] void fail(MYSQL* connection, std::size_t statement) {
    throw BatchStatementFailed(mysql_error(connection), static_cast<int>(mysql_errno(connection)), statement);
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
