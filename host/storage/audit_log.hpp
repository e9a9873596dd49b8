// The audit log's table (schema 0013): appends chained entries inside the caller's write, lists
// them by object and time, and checks the chain.
//
// Each entry's hash is the SHA-256 of its own fields and the previous entry's hash, so changing,
// removing or inserting a row breaks every link after it. The chain's head (newest sequence and
// hash) sits in a one-row table that each writer locks first, so concurrent writers on MariaDB
// take turns instead of forking the chain, and entries cut off the end are noticed too. Someone
// who can rewrite the whole table can rebuild a consistent chain: `verify` prints the head hash
// so an administrator can keep it somewhere else and compare later.
#pragma once

#include <vector>

#include "domain/audit_entry.hpp"
#include "storage/database.hpp"

namespace dplan {

class AuditLog {
  public:
    explicit AuditLog(Database& db) : db_(db) {}

    // Appends one entry. Only inside a Database::write, so the entry and the change it describes
    // are committed together or not at all.
    void record(const AuditActor& actor, const AuditChange& change);

    std::vector<AuditEntry> list(const AuditQuery& query);
    // With an anchor, also checks that entry anchor.sequence still has the noted hash.
    AuditVerification verify(const std::optional<AuditAnchor>& anchor = std::nullopt);

  private:
    // SQLite: the entry and the head's move, now (round trips cost nothing in-process).
    void insert_now(const AuditEntry& entry, long long previous_sequence);
    // MariaDB: the same two statements, sent with the write's COMMIT in one round trip.
    void send_with_commit(const AuditEntry& entry, long long previous_sequence);

    Database& db_;
};

// The hex SHA-256 an entry must carry, from its fields and previous_hash.
std::string audit_entry_hash(const AuditEntry& entry);

}  // namespace dplan
