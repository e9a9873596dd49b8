// Organisations that take part in planning, each belonging to one sector.
#pragma once

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

private:
    Database& db_;
};

}  // namespace dplan
