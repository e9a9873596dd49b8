#include "services/district_service.hpp"

#include <fmt/format.h>

#include "services/audit_trail.hpp"
#include "services/authorization.hpp"
#include "storage/database.hpp"
#include "storage/district_repository.hpp"

namespace dplan {

namespace {

nlohmann::json district_fields(const District& district) {
    return {{"code", district.code},
            {"name", audit_value(district.name)},
            {"council", audit_value(district.council)},
            {"committee", audit_value(district.committee)},
            {"office", audit_value(district.office)}};
}

}  // namespace

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

District DistrictService::find(const std::string& name) {
    authorize(actor_, Operation::read_districts);
    if (auto district = DistrictRepository(db_).find_by_name(name)) return *district;
    throw NotFound({fmt::format("資料庫中沒有地區「{}」（dplan district list 列出所有地區）", name),
                    fmt::format("district '{}' is not in the database (dplan district list shows them all)", name)});
}

std::int64_t DistrictService::add(District district) {
    authorize(actor_, Operation::manage_districts);
    if (district.name.zh.empty()) {
        throw InvalidInput({"地區必須有中文名稱", "a district needs a Chinese name"});
    }
    if (district.name.en.empty()) district.name.en = district.code;
    if (district.council.zh.empty()) district.council.zh = district.name.zh + "議會";
    if (district.council.en.empty()) district.council.en = district.name.en + " District Council";
    return db_.write("add district", [&] {
        const auto id = DistrictRepository(db_).create(district);
        record_audit(
            db_, actor_,
            {"add district", "district", std::to_string(id), changed_fields(nullptr, district_fields(district))});
        return id;
    });
}

District DistrictService::rename(const std::string& code, const District& changes) {
    authorize(actor_, Operation::manage_districts);
    DistrictRepository districts(db_);
    return db_.write("update district", [&] {
        const District before = districts.get_by_code(code);
        District district = before;
        auto take = [](std::string& field, const std::string& given) {
            if (!given.empty()) field = given;
        };
        take(district.name.zh, changes.name.zh);
        take(district.name.en, changes.name.en);
        take(district.council.zh, changes.council.zh);
        take(district.council.en, changes.council.en);
        take(district.committee.zh, changes.committee.zh);
        take(district.committee.en, changes.committee.en);
        take(district.office.zh, changes.office.zh);
        take(district.office.en, changes.office.en);
        districts.update(district);
        record_audit(db_, actor_,
                     {"update district", "district", std::to_string(district.id),
                      changed_fields(district_fields(before), district_fields(district))});
        return district;
    });
}

}  // namespace dplan
