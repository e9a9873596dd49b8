// Test data written straight through the repositories (a storage test, or a state no service
// would make): one write with the audit entry that every write must carry, as the services do.
#pragma once

#include "domain/user.hpp"
#include "storage/audit_log.hpp"
#include "storage/database.hpp"

namespace dplan::testing {

template <typename Step>
auto arrange(Database& db, Step&& step) -> decltype(step()) {
    return db.write("arrange test data", [&] {
        AuditLog(db).record({system_user_id, "test", "test"}, {"arrange test data", "test", "-", "{}"});
        return step();
    });
}

}  // namespace dplan::testing
