#include "storage/stakeholder_repository.hpp"

#include <fmt/format.h>

#include "domain/contact_address.hpp"
#include "domain/timestamp.hpp"

namespace dplan {

namespace {
constexpr const char* select_stakeholders =
    "SELECT s.id, s.name_zh, s.name_en, s.organisation_id, o.name_zh, o.name_en, s.sector, s.email "
    "FROM stakeholders s LEFT JOIN organisations o ON o.id = s.organisation_id ";
}

std::int64_t StakeholderRepository::create(const Stakeholder& stakeholder) {
    if (stakeholder.name.zh.empty() && stakeholder.name.en.empty()) {
        throw InvalidInput({"持份者須有姓名", "a stakeholder needs a name"});
    }
    return db_.write("add stakeholder", [&] {
        if (!stakeholder.email.empty()) require_email_address(stakeholder.email);
        std::string sector(sector_code(stakeholder.sector));
        const long long organisation = stakeholder.organisation_id.value_or(0);
        soci::indicator organisation_flag = stakeholder.organisation_id ? soci::i_ok : soci::i_null;
        if (stakeholder.organisation_id) {
            db_.session() << "SELECT sector FROM organisations WHERE id = :id", soci::use(organisation),
                soci::into(sector);
            if (!db_.session().got_data()) {
                throw NotFound({fmt::format("找不到編號 {} 的機構", organisation),
                                fmt::format("no organisation with id {}", organisation)});
            }
        }
        const std::string now = now_utc_iso8601();
        db_.session() << "INSERT INTO stakeholders (name_zh, name_en, organisation_id, sector, email, created_at) "
                         "VALUES (:zh, :en, :organisation, :sector, :email, :created)",
            soci::use(stakeholder.name.zh), soci::use(stakeholder.name.en), soci::use(organisation, organisation_flag),
            soci::use(sector), soci::use(stakeholder.email), soci::use(now);
        long long id = 0;
        db_.session().get_last_insert_id("stakeholders", id);
        return static_cast<std::int64_t>(id);
    });
}

std::vector<Stakeholder> StakeholderRepository::list() { return select("1 = :id", 1); }

Stakeholder StakeholderRepository::get(std::int64_t id) {
    auto found = select("s.id = :id", static_cast<long long>(id));
    if (found.empty())
        throw NotFound({fmt::format("找不到編號 {} 的持份者", id), fmt::format("no stakeholder with id {}", id)});
    return found.front();
}

// `where` is one of the fixed conditions above; the value is bound.
std::vector<Stakeholder> StakeholderRepository::select(const char* where, long long value) {
    return db_.read("read stakeholders", [&] {
        long long id = 0, organisation = 0;
        std::string sector, organisation_zh, organisation_en;
        soci::indicator organisation_flag = soci::i_ok, zh_flag = soci::i_ok, en_flag = soci::i_ok;
        Stakeholder row;
        std::vector<Stakeholder> result;
        soci::statement query =
            (db_.session().prepare << std::string(select_stakeholders) + "WHERE " + where + " ORDER BY s.id",
             soci::use(value, "id"), soci::into(id), soci::into(row.name.zh), soci::into(row.name.en),
             soci::into(organisation, organisation_flag), soci::into(organisation_zh, zh_flag),
             soci::into(organisation_en, en_flag), soci::into(sector), soci::into(row.email));
        query.execute();
        while (query.fetch()) {
            row.id = id;
            row.organisation_id =
                organisation_flag == soci::i_ok ? std::optional<std::int64_t>(organisation) : std::nullopt;
            row.organisation_name = {zh_flag == soci::i_ok ? organisation_zh : "",
                                     en_flag == soci::i_ok ? organisation_en : ""};
            row.sector = parse_sector(sector).value_or(Sector::resident);
            result.push_back(row);
        }
        return result;
    });
}

}  // namespace dplan
