// How services describe a change for the audit log, inside the write that makes it.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "domain/audit_entry.hpp"
#include "domain/bilingual.hpp"
#include "domain/user.hpp"

namespace dplan {

class Database;

// Records that `actor` made `change`, in the write open on `db` (both commit or neither).
void record_audit(Database& db, const User& actor, AuditChange change);

// The audit form of a change: for each field (a JSON pointer into the objects) whose value differs,
// {"before": ..., "after": ...}. A field missing on one side is null there, so a creation is
// changed_fields(null, after) and a removal changed_fields(before, null).
std::string changed_fields(const nlohmann::json& before, const nlohmann::json& after);

// Field values in the form changed_fields() compares.
inline nlohmann::json audit_value(const Bilingual& text) { return {{"zh", text.zh}, {"en", text.en}}; }
template <typename T>
nlohmann::json audit_value(const std::optional<T>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json();
}

// What the audit log shows for a secret that changed (a password hash): that it changed, never a value.
inline constexpr const char* secret_changed = "(changed)";

}  // namespace dplan
