#include "services/directory_service.hpp"

#include "services/authorization.hpp"
#include "storage/database.hpp"
#include "storage/organisation_repository.hpp"
#include "storage/stakeholder_repository.hpp"

namespace dplan {

DirectoryService::DirectoryService(Database& db, User actor) : db_(db), actor_(std::move(actor)) {}

std::vector<Organisation> DirectoryService::organisations() {
    authorize(actor_, Operation::read_directory);
    return OrganisationRepository(db_).list();
}

Organisation DirectoryService::organisation(const std::string& name) {
    authorize(actor_, Operation::read_directory);
    return OrganisationRepository(db_).get_by_name(name);
}

std::int64_t DirectoryService::add_organisation(const Organisation& organisation) {
    authorize(actor_, Operation::edit_directory);
    return OrganisationRepository(db_).create(organisation);
}

std::vector<Stakeholder> DirectoryService::stakeholders() {
    authorize(actor_, Operation::read_directory);
    return StakeholderRepository(db_).list();
}

std::int64_t DirectoryService::add_stakeholder(Stakeholder stakeholder) {
    authorize(actor_, Operation::edit_directory);
    if (stakeholder.organisation_id) {
        // The organisation's sector is the stakeholder's: one fact, stored once.
        for (const auto& organisation : OrganisationRepository(db_).list()) {
            if (organisation.id == *stakeholder.organisation_id) stakeholder.sector = organisation.sector;
        }
    }
    return StakeholderRepository(db_).create(stakeholder);
}

}  // namespace dplan
