// MariaDB: several statements sent as one query, so they cost one round trip. On a busy server
// the round trips, not the statements, are what a write waits for: each is two context switches
// on both sides. Used where that matters most, while a write holds the audit log's head (its
// BEGIN with the head's lock, its entries with the COMMIT).
//
// Values go into the text quoted by the connection's own escaping (mysql_real_escape_string, as
// SOCI's MySQL backend does for bound values), never as typed by a user.
#pragma once

#include <soci/mysql/soci-mysql.h>
#include <soci/soci.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/batch_row.hpp"

namespace dplan {

// Lets this MariaDB connection take batches (CLIENT_MULTI_STATEMENTS); once per connection.
void allow_statement_batches(soci::session& session);

// `text` as a string literal for this MariaDB connection, quotes included.
std::string mysql_quoted(soci::session& session, std::string_view text);

// The statement of a batch that failed, with MariaDB's error; the statements after it did not run.
class BatchStatementFailed : public soci::mysql_soci_error {
  public:
    BatchStatementFailed(const std::string& message, int error_number, std::size_t statement)
        : soci::mysql_soci_error(message, error_number), statement_(statement) {}
    std::size_t statement() const { return statement_; }

  private:
    std::size_t statement_;
};

// Sends `statements` as one query and reads every answer. Returns, for each statement in order,
// the first row of its result when it has one. Throws BatchStatementFailed for the first
// statement that failed.
std::vector<std::optional<BatchRow>> run_statement_batch(soci::session& session,
                                                         const std::vector<std::string>& statements);

}  // namespace dplan
