#include "storage/organisation_repository.hpp"

#include <fmt/format.h>

namespace dplan {

std::int64_t OrganisationRepository::create(const Organisation& organisation) {
    if (organisation.name.empty()) {
        throw InvalidInput({"機構名稱不可留空", "an organisation needs a name"});
    }
    const std::string sector(sector_code(organisation.sector));
    return db_.write("create organisation", [&] {
        try {
            db_.session() << "INSERT INTO organisations (name_zh, name_en, sector) "
                             "VALUES (:zh, :en, :sector)",
                soci::use(organisation.name.zh), soci::use(organisation.name.en), soci::use(sector);
        } catch (const soci::soci_error& e) {
            if (!is_unique_violation(e)) throw;
            throw InvalidInput({fmt::format("機構「{}」已存在", organisation.name.zh),
                                fmt::format("organisation '{}' already exists", organisation.name.en)});
        }
        long long id = 0;
        db_.session().get_last_insert_id("organisations", id);
        return static_cast<std::int64_t>(id);
    });
}

std::vector<Organisation> OrganisationRepository::list() {
    return db_.read("list organisations", [&] {
        std::vector<Organisation> organisations;
        long long id = 0;
        std::string zh, en, sector;
        soci::statement query = (db_.session().prepare << "SELECT id, name_zh, name_en, sector FROM organisations "
                                                          "ORDER BY name_en",
                                 soci::into(id), soci::into(zh), soci::into(en), soci::into(sector));
        query.execute();
        while (query.fetch()) {
            organisations.push_back({id, {zh, en}, parse_sector(sector).value_or(Sector::ngo)});
        }
        return organisations;
    });
}

std::optional<Organisation> OrganisationRepository::find_by_name(const std::string& name) {
    for (auto& organisation : list()) {
        if (organisation.name.zh == name || organisation.name.en == name) return organisation;
    }
    return std::nullopt;
}

Organisation OrganisationRepository::get_by_name(const std::string& name) {
    if (auto found = find_by_name(name)) return *found;
    throw NotFound({fmt::format("沒有名為「{}」的機構", name),
                    fmt::format("no organisation named '{}' (see 'dplan org list')", name)});
}

}  // namespace dplan
