#include "services/district_service.hpp"

#include "services/authorization.hpp"
#include "storage/database.hpp"
#include "storage/district_repository.hpp"

namespace dplan {

DistrictService::DistrictService(Database& db, User actor) : db_(db), actor_(std::move(actor)) {}

std::vector<District> DistrictService::list() {
    authorize(actor_, Operation::read_districts);
    return DistrictRepository(db_).list();
}

District DistrictService::by_code(const std::string& code) {
    authorize(actor_, Operation::read_districts);
    return DistrictRepository(db_).get_by_code(code);
}

District DistrictService::get(std::int64_t id) {
    authorize(actor_, Operation::read_districts);
    return DistrictRepository(db_).get(id);
}

}  // namespace dplan
