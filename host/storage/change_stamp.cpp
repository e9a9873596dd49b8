#include "storage/change_stamp.hpp"

#include <fmt/format.h>

namespace dplan {

std::string change_stamp(Database& db) {
    return db.read("check for changes", [&] {
        long long sequence = 0;
        std::string hash;
        db.session() << "SELECT sequence, entry_hash FROM audit_head WHERE id = 1", soci::into(sequence),
            soci::into(hash);
        return fmt::format("{}/{}", sequence, hash);
    });
}

}  // namespace dplan
