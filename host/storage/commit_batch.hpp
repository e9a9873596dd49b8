// What a MariaDB write sends with its COMMIT (Database::send_with_commit), in as few statements as
// it can: each statement costs the server a parse, a plan and an answer, and a write holds the
// audit log's head until its COMMIT, so every other writer waits for all of them.
//   - Rows for the same INSERT added one after the other go as one multi-row INSERT.
//   - Audit entries go after everything else, as one INSERT, and the head moves once, from where
//     the first entry found it to the last (guarded: were the head anywhere else, the UPDATE
//     fails in strict mode and the COMMIT with it).
// A group of writes committed together (storage/write_group.hpp) appends each write's batch to
// one: their comments become one INSERT, their entries another.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dplan {

class CommitBatch {
  public:
    // `text` as a string literal for the connection (Database::quoted).
    using Quote = std::function<std::string(std::string_view text)>;

    void add(std::string statement);
    // `insert` is "INSERT INTO table (columns) VALUES", `row` is "(values)".
    void add_row(std::string_view insert, std::string_view row);
    // The entry `sequence`/`hash`, whose row `row` chains on from the entry `previous_sequence`.
    void add_audit_entry(std::string_view insert, std::string_view row, long long previous_sequence, long long sequence,
                         std::string hash);
    // `other`'s statements after these, its entries after these entries (the group's leader).
    void append(CommitBatch&& other);

    bool empty() const { return statements_.empty() && entries_.empty(); }
    std::size_t bytes() const { return bytes_; }
    // Everything, in the order it goes, leaving the batch empty.
    std::vector<std::string> take(const Quote& quote);

  private:
    struct Statement {
        std::string text;
        std::string rows_of;  // the INSERT its rows are for, when it is one that more rows may join
    };
    static void add_to(std::vector<Statement>& statements, std::string_view insert, std::string_view row);

    std::vector<Statement> statements_;
    std::vector<Statement> entries_;  // the audit log's INSERT (one, unless it grew too large)
    long long entries_from_ = 0;      // the head's sequence before the first entry
    long long last_sequence_ = 0;
    std::string last_hash_;
    std::size_t bytes_ = 0;
};

}  // namespace dplan
