#include "storage/commit_batch.hpp"

#include <fmt/format.h>

#include <iterator>

namespace dplan {

namespace {
// One multi-row INSERT stays under this (MariaDB's max_allowed_packet is 16 MB by default).
constexpr std::size_t most_in_one_insert = 1 << 20;
}  // namespace

void CommitBatch::add(std::string statement) {
    bytes_ += statement.size();
    statements_.push_back({std::move(statement), {}});
}

void CommitBatch::add_to(std::vector<Statement>& statements, std::string_view insert, std::string_view row) {
    if (!statements.empty() && statements.back().rows_of == insert &&
        statements.back().text.size() + row.size() < most_in_one_insert) {
        statements.back().text.append(", ").append(row);
        return;
    }
    statements.push_back({fmt::format("{} {}", insert, row), std::string(insert)});
}

void CommitBatch::add_row(std::string_view insert, std::string_view row) {
    bytes_ += row.size() + 2;
    add_to(statements_, insert, row);
}

void CommitBatch::add_audit_entry(std::string_view insert, std::string_view row, long long previous_sequence,
                                  long long sequence, std::string hash) {
    if (entries_.empty()) entries_from_ = previous_sequence;
    bytes_ += row.size() + 2;
    add_to(entries_, insert, row);
    last_sequence_ = sequence;
    last_hash_ = std::move(hash);
}

void CommitBatch::append(CommitBatch&& other) {
    for (auto& statement : other.statements_) {
        if (statement.rows_of.empty()) {
            statements_.push_back(std::move(statement));
        } else {
            // "INSERT ... VALUES (...), (...)": its rows join this batch's last INSERT when it is for the same.
            add_to(statements_, statement.rows_of,
                   std::string_view(statement.text).substr(statement.rows_of.size() + 1));
        }
    }
    for (auto& entry : other.entries_) {
        if (entries_.empty()) entries_from_ = other.entries_from_;
        add_to(entries_, entry.rows_of, std::string_view(entry.text).substr(entry.rows_of.size() + 1));
    }
    if (!other.entries_.empty()) {
        last_sequence_ = other.last_sequence_;
        last_hash_ = std::move(other.last_hash_);
    }
    bytes_ += other.bytes_;
    other = CommitBatch();
}

std::vector<std::string> CommitBatch::take(const Quote& quote) {
    std::vector<std::string> all;
    for (auto& statement : statements_) all.push_back(std::move(statement.text));
    for (auto& entry : entries_) all.push_back(std::move(entry.text));
    if (!entries_.empty()) {
        // The write holds the head's lock, so it is where the first entry found it. Were it not,
        // NULL in this NOT NULL column fails the statement (strict mode) and the COMMIT after it.
        all.push_back(
            fmt::format("UPDATE audit_head SET sequence = IF(sequence = {}, {}, NULL), entry_hash = {} "
                        "WHERE id = 1",
                        entries_from_, last_sequence_, quote(last_hash_)));
    }
    *this = CommitBatch();
    return all;
}

}  // namespace dplan
