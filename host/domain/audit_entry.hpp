// An entry of the audit log: who changed what, when, from where, with each changed field's value
// before and after. Entries form a hash chain (storage/audit_log.hpp).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "domain/bilingual.hpp"

namespace dplan {

// Who made a change: a signed-in user, or a system actor (migrations, the demo loader) with no
// account of its own beyond the built-in one.
struct AuditActor {
    std::optional<std::int64_t> user_id;
    std::string name;
    std::string origin;  // the client's address, or "local" for direct database mode
};

// One change as a service describes it. `changes` is a JSON object: for each changed field,
// {"before": ..., "after": ...}; a field that did not exist before (or no longer exists) has null.
struct AuditChange {
    std::string action;       // "save plan", "sign in", ...
    std::string object_type;  // "plan", "meeting", "user", ...
    std::string object_id;
    std::string changes = "{}";
};

struct AuditEntry {
    std::int64_t sequence = 0;
    std::string recorded_at;
    AuditActor actor;
    AuditChange change;
    std::string previous_hash;
    std::string entry_hash;
};

// The entry as the CLI's --json and the server's GET /api/audit show it (docs/openapi.json).
nlohmann::json audit_entry_json(const AuditEntry& entry);

// Which entries to list: by object and by time ([since, until), stored timestamps), newest first.
struct AuditQuery {
    std::optional<std::string> object_type;
    std::optional<std::string> object_id;
    std::optional<std::string> since;
    std::optional<std::string> until;
    int limit = 100;
};

// An entry's hash noted outside the database ("SEQUENCE:HASH" as `audit verify` prints it), so a
// later verification can tell a chain rebuilt from scratch, which is consistent in itself.
struct AuditAnchor {
    std::int64_t sequence = 0;
    std::string hash;
};

// What `audit verify` found. `intact` false names the first entry that does not fit the chain.
struct AuditVerification {
    bool intact = true;
    std::int64_t entries = 0;
    std::optional<std::int64_t> first_bad_sequence;
    Bilingual problem;
    std::int64_t head_sequence = 0;
    std::string head_hash;  // the newest entry's hash: note it elsewhere to detect a rewritten chain
};

}  // namespace dplan
