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
    // By code, Chinese name (with or without the final 區) or English name; NotFound naming it.
    District find(const std::string& name);

    // Administrators only (manage_districts). add: InvalidInput for an empty or taken code, or no
    // Chinese name; the council, committee and office default to those of a district's plan paper.
    std::int64_t add(District district);
    // Sets the names and, where given (non-empty), the default council, committee and office.
    District rename(const std::string& code, const District& changes);

  private:
    Database& db_;
    User actor_;
};

}  // namespace dplan
