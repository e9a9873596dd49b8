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

// A password change of `account`, by its holder or an administrator.
inline AuditChange password_change(const User& account) {
    return {"change password", "user", std::to_string(account.id),
            changed_fields({{"password", nullptr}}, {{"password", secret_changed}})};
}

}  // namespace dplan
