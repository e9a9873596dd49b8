#include "domain/audit_entry.hpp"

namespace dplan {

nlohmann::json audit_entry_json(const AuditEntry& entry) {
    return {{"sequence", entry.sequence},
            {"recorded_at", entry.recorded_at},
            {"actor", {{"user_id", entry.actor.user_id ? nlohmann::json(*entry.actor.user_id) : nlohmann::json()},
                       {"name", entry.actor.name},
                       {"origin", entry.actor.origin}}},
            {"action", entry.change.action},
            {"object", {{"type", entry.change.object_type}, {"id", entry.change.object_id}}},
            {"changes", nlohmann::json::parse(entry.change.changes, nullptr, false)},
            {"previous_hash", entry.previous_hash},
            {"entry_hash", entry.entry_hash}};
}

}  // namespace dplan
