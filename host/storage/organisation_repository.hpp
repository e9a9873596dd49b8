// Organisations that take part in planning, each belonging to one sector.
#pragma once

#include <optional>
#include <vector>

#include "domain/organisation.hpp"
#include "storage/database.hpp"

namespace dplan {

class OrganisationRepository {
  public:
    explicit OrganisationRepository(Database& db) : db_(db) {}

    // Throws InvalidInput when an organisation with the same names exists.
    std::int64_t create(const Organisation& organisation);
    std::vector<Organisation> list();
    // By its Chinese or English name.
    std::optional<Organisation> find_by_name(const std::string& name);
    Organisation get_by_name(const std::string& name);  // NotFound, pointing at 'dplan org list'

  private:
    Database& db_;
};

}  // namespace dplan
