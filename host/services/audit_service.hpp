// Reading the audit log: administrators list its entries by object and time, and verify that
// its chain is unbroken. Writing it is not offered here: every service records its own changes
// in the write that makes them (services/audit_trail.hpp).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/audit_entry.hpp"
#include "domain/user.hpp"

namespace dplan {

class Database;

// What the audit log's entries are about (AuditChange::object_type).
extern const std::array<std::string_view, 11> audited_object_types;

class AuditService {
  public:
    AuditService(Database& db, User actor);

    // Newest first. InvalidInput for a time that is not a stored timestamp or date, or a limit
    // outside 1 to 1000.
    std::vector<AuditEntry> list(const AuditQuery& query);
    // `expect`: "SEQUENCE:HASH" as an earlier verification printed it (InvalidInput otherwise).
    AuditVerification verify(const std::optional<std::string>& expect = std::nullopt);

  private:
    Database& db_;
    User actor_;
};

// "2024-05-02" or a stored timestamp "2024-05-02T03:04:05.678Z" (UTC) as a stored timestamp;
// InvalidInput naming `field` for anything else.
std::string audit_time_bound(const std::string& text, const std::string& field);

// "SEQUENCE:HASH" as `audit verify` prints the head; InvalidInput naming `expect` otherwise.
AuditAnchor audit_anchor(const std::string& text);

}  // namespace dplan
