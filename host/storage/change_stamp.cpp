#include "storage/change_stamp.hpp"

#include <fmt/format.h>

namespace dplan {

namespace {

// The change watcher reads it every half millisecond while requests come in: kept prepared.
struct AuditHeadStamp final : KeptStatement {
    long long sequence = 0;
    std::string hash;
    soci::statement statement;
    explicit AuditHeadStamp(soci::session& session)
        : statement((session.prepare << "SELECT sequence, entry_hash FROM audit_head WHERE id = 1",
                     soci::into(sequence), soci::into(hash))) {}
};

}  // namespace

std::string change_stamp(Database& db) {
    return db.read("check for changes", [&] {
        auto& query = db.kept<AuditHeadStamp>();
        if (!db.run_kept(query.statement)) return std::string("0/");  // no head row: as before it had one
        return fmt::format("{}/{}", query.sequence, query.hash);
    });
}

}  // namespace dplan
