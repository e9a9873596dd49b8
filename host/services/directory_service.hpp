// The directory: organisations (with their sector) and stakeholders, the people who take part in
// planning. Officers and admins keep it; officers, committee members and NGO staff read it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/meeting.hpp"
#include "domain/organisation.hpp"
#include "domain/user.hpp"

namespace dplan {

class Database;

class DirectoryService {
  public:
    DirectoryService(Database& db, User actor);

    std::vector<Organisation> organisations();
    // By Chinese or English name; NotFound pointing at 'dplan org list'.
    Organisation organisation(const std::string& name);
    std::int64_t add_organisation(const Organisation& organisation);

    std::vector<Stakeholder> stakeholders();
    // A stakeholder of an organisation takes the organisation's sector.
    std::int64_t add_stakeholder(Stakeholder stakeholder);

  private:
    Database& db_;
    User actor_;
};

}  // namespace dplan
