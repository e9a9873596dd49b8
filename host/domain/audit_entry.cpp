#include "domain/audit_entry.hpp"

namespace dplan {

namespace {

// The stored changes; a row whose text is not a JSON object (edited by hand) shows its text, so
// the tools that look into tampering still work on it.
nlohmann::json changes_json(const std::string& stored) {
    auto parsed = nlohmann::json::parse(stored, nullptr, false);
    if (parsed.is_object()) return parsed;
    return {{"(unreadable)", {{"before", nullptr}, {"after", stored}}}};
}

}  // namespace

nlohmann::json audit_entry_json(const AuditEntry& entry) {
    return {{"sequence", entry.sequence},
            {"recorded_at", entry.recorded_at},
            {"actor",
             {{"user_id", entry.actor.user_id ? nlohmann::json(*entry.actor.user_id) : nlohmann::json()},
              {"name", entry.actor.name},
              {"origin", entry.actor.origin}}},
            {"action", entry.change.action},
            {"object", {{"type", entry.change.object_type}, {"id", entry.change.object_id}}},
            {"changes", changes_json(entry.change.changes)},
            {"previous_hash", entry.previous_hash},
            {"entry_hash", entry.entry_hash}};
}

}  // namespace dplan
