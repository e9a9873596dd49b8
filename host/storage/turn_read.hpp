// A read a write names to run as it takes its turn (Database::write_reading): its SQL with `?`
// where each of `values` goes, in order. Values are numbers only, so the same read runs on either
// database: on MariaDB written into the text of BEGIN's batch, on SQLite bound to a statement the
// connection keeps prepared. The SQL is a constant of the code, with no `?` of its own.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace dplan {

struct TurnRead {
    std::string sql;
    std::vector<std::int64_t> values;
    // The read answers the next free id of a table (MAX(id) + 1). In a group of writes committed
    // together (storage/write_group.hpp) it is read once, and each write saved takes the next.
    bool is_next_id = false;
};

}  // namespace dplan
