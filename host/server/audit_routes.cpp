// The audit log, for administrators: its entries by object and time, and whether its chain holds.
#include "server/api.hpp"

namespace dplan::server {

namespace {

ApiResponse audit_entries(RouteContext& context) {
    AuditQuery query;
    query.object_type = context.query("object_type");
    query.object_id = context.query("object_id");
    query.since = context.query("since");
    query.until = context.query("until");
    query.limit = context.whole_number_query("limit", 100);
    auto list = nlohmann::json::array();
    for (const auto& entry : context.services.audit().list(query)) list.push_back(audit_entry_json(entry));
    return json_response(list);
}

ApiResponse audit_verification(RouteContext& context) {
    const AuditVerification result = context.services.audit().verify(context.query("expect"));
    nlohmann::json body{{"intact", result.intact},
                        {"entries", result.entries},
                        {"head_sequence", result.head_sequence},
                        {"head_hash", result.head_hash}};
    if (!result.intact) {
        body["first_bad_sequence"] = *result.first_bad_sequence;
        body["problem"] = {{"zh", result.problem.zh}, {"en", result.problem.en}};
    }
    return json_response(body);
}

}  // namespace

void add_audit_routes(Router& router) {
    router.add({"GET", "/api/audit", true, audit_entries});
    router.add({"GET", "/api/audit/verify", true, audit_verification});
}

}  // namespace dplan::server
