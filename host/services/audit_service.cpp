#include "services/audit_service.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>

#include "domain/timestamp.hpp"
#include "services/authorization.hpp"
#include "storage/audit_log.hpp"

namespace dplan {

namespace {
const Subject audit_subject{{}, {}, {}, {"審計記錄", "the audit log"}};
}  // namespace

const std::array<std::string_view, 11> audited_object_types{"plan",         "comment",     "meeting", "view",
                                                            "action_item",  "programme",   "user",    "district",
                                                            "organisation", "stakeholder", "schema"};

std::string audit_time_bound(const std::string& text, const std::string& field) {
    const std::string full = text.size() == 10 ? text + "T00:00:00.000Z" : text;
    if (!parse_utc_iso8601(full)) {
        throw InvalidInput(
            {fmt::format("{}：「{}」不是 1900 至 2200 年間的日期（YYYY-MM-DD）或 UTC 時間（YYYY-MM-DDTHH:MM:SS.sssZ）",
                         field, text),
             fmt::format("{}: '{}' is not a date (YYYY-MM-DD) or a UTC time (YYYY-MM-DDTHH:MM:SS.sssZ) between the "
                         "years 1900 and 2200",
                         field, text)});
    }
    return full;
}

AuditAnchor audit_anchor(const std::string& text) {
    const auto colon = text.find(':');
    const std::string hash = colon == std::string::npos ? "" : text.substr(colon + 1);
    long long sequence = 0;
    const char* end = text.data() + (colon == std::string::npos ? 0 : colon);
    const auto [stopped, error] = std::from_chars(text.data(), end, sequence);
    const bool hex = hash.size() == 64 && hash.find_first_not_of("0123456789abcdef") == std::string::npos;
    if (colon == std::string::npos || error != std::errc() || stopped != end || sequence < 1 || !hex) {
        throw InvalidInput(
            {fmt::format("expect：「{}」應為「編號:雜湊」，即 audit verify 列印的形式（例如 42:3fa9…，雜湊為 64 "
                         "個十六進位字元）",
                         text),
             fmt::format("expect: '{}' should be SEQUENCE:HASH as audit verify prints it (e.g. 42:3fa9…, a hash of 64 "
                         "hex digits)",
                         text)});
    }
    return {sequence, hash};
}

AuditService::AuditService(Database& db, User actor) : db_(db), actor_(std::move(actor)) {}

std::vector<AuditEntry> AuditService::list(const AuditQuery& query) {
    authorize(actor_, Operation::read_audit_log, audit_subject);
    if (query.limit < 1 || query.limit > 1000) {
        throw InvalidInput({fmt::format("limit：{} 不在 1 至 1000 之間", query.limit),
                            fmt::format("limit: {} is not between 1 and 1000", query.limit)});
    }
    if ((query.object_type && query.object_type->empty()) || (query.object_id && query.object_id->empty())) {
        throw InvalidInput({"物件類別及編號不可留空（例如 plan 或 plan:3）",
                            "the object type and id must not be empty (for example plan or plan:3)"});
    }
    if (query.object_type && std::find(audited_object_types.begin(), audited_object_types.end(), *query.object_type) ==
                                 audited_object_types.end()) {
        throw InvalidInput(
            {fmt::format("不明物件類別「{}」；可用：{}", *query.object_type, fmt::join(audited_object_types, "、")),
             fmt::format("unknown object type '{}'; use one of {}", *query.object_type,
                         fmt::join(audited_object_types, ", "))});
    }
    if (query.object_id && !query.object_type) {
        throw InvalidInput({"指明物件編號時須同時指明物件類別（例如 plan）",
                            "an object id needs its object type too (for example plan)"});
    }
    AuditQuery checked = query;
    if (query.since) checked.since = audit_time_bound(*query.since, "since");
    if (query.until) checked.until = audit_time_bound(*query.until, "until");
    return AuditLog(db_).list(checked);
}

AuditVerification AuditService::verify(const std::optional<std::string>& expect) {
    authorize(actor_, Operation::read_audit_log, audit_subject);
    return AuditLog(db_).verify(expect ? std::optional<AuditAnchor>(audit_anchor(*expect)) : std::nullopt);
}

}  // namespace dplan
