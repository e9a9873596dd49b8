// A cheap fingerprint of everything stored: any committed change by any process changes it.
// Every write but sign-in bookkeeping records an audit entry (storage/database.hpp), so the audit
// log's head (its newest sequence and hash) is that fingerprint; the hash also tells a database
// restored from a backup, whose sequence may come back to a number already seen.
#pragma once

#include <string>

#include "storage/database.hpp"

namespace dplan {

std::string change_stamp(Database& db);

}  // namespace dplan
