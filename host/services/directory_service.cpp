#include "services/directory_service.hpp"

#include "services/audit_trail.hpp"
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
    return db_.write("add organisation", [&] {
        const auto id = OrganisationRepository(db_).create(organisation);
        record_audit(db_, actor_,
                     {"add organisation", "organisation", std::to_string(id),
                      changed_fields(nullptr, {{"name", audit_value(organisation.name)},
                                               {"sector", sector_code(organisation.sector)}})});
        return id;
    });
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
    return db_.write("add stakeholder", [&] {
        const auto id = StakeholderRepository(db_).create(stakeholder);
        record_audit(db_, actor_,
                     {"add stakeholder", "stakeholder", std::to_string(id),
                      changed_fields(nullptr, {{"name", audit_value(stakeholder.name)},
                                               {"organisation_id", audit_value(stakeholder.organisation_id)},
                                               {"sector", sector_code(stakeholder.sector)},
                                               {"email", stakeholder.email}})});
        return id;
    });
}

}  // namespace dplan
