// Districts, which everyone signed in may read: the look-ups every front end needs to turn a
// code or name that a user typed into a district.
#pragma once

#include <string>
#include <vector>

#include "domain/district.hpp"
#include "domain/user.hpp"

namespace dplan {

class Database;

class DistrictService {
public:
    DistrictService(Database& db, User actor);

    std::vector<District> list();
    District by_code(const std::string& code);  // NotFound naming the code
    District get(std::int64_t id);

private:
    Database& db_;
    User actor_;
};

}  // namespace dplan
