// The world the server tests act in, made through the services as the system account before the
// server starts: two districts, two organisations with a programme each, a draft and a submitted
// plan here, and a user of every role with a password.
#pragma once

#include <cstdint>
#include <string>

#include "storage/database.hpp"

namespace dplan::testing {

inline const std::string test_password = "correct horse 1";

struct ServerWorld {
    std::int64_t here = 0, elsewhere = 0;  // districts
    std::int64_t draft_plan = 0, submitted_plan = 0;
    std::int64_t programme_here = 0, programme_elsewhere = 0;
    std::string indicator_code = "A1";
    std::int64_t meeting = 0;  // on the submitted plan, here, with two agenda items
};

// Users: admin, officer.here, officer.elsewhere, member.here, ngo.here, ngo.elsewhere, viewer.
ServerWorld make_server_world(Database& db);

}  // namespace dplan::testing
