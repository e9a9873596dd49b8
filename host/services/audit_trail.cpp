#include "services/audit_trail.hpp"

#include "storage/audit_log.hpp"

namespace dplan {

namespace {

nlohmann::json flat(const nlohmann::json& value) {
    if (value.is_null() || (value.is_structured() && value.empty())) return nlohmann::json::object();
    if (!value.is_structured()) return nlohmann::json{{"", value}};
    return value.flatten();
}

}  // namespace

void record_audit(Database& db, const User& actor, AuditChange change) {
    AuditLog(db).record({actor.id, actor.username, actor.origin}, change);
}

std::string changed_fields(const nlohmann::json& before, const nlohmann::json& after) {
    const nlohmann::json old_fields = flat(before);
    const nlohmann::json new_fields = flat(after);
    nlohmann::json changes = nlohmann::json::object();
    for (const auto& [field, value] : old_fields.items()) {
        const auto now = new_fields.find(field);
        if (now == new_fields.end()) {
            if (!value.is_null()) changes[field] = {{"before", value}, {"after", nullptr}};
        } else if (*now != value) {
            changes[field] = {{"before", value}, {"after", *now}};
        }
    }
    for (const auto& [field, value] : new_fields.items()) {
        if (!old_fields.contains(field) && !value.is_null()) changes[field] = {{"before", nullptr}, {"after", value}};
    }
    return changes.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace dplan
