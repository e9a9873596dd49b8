#include "storage/district_repository.hpp"

#include <fmt/format.h>

namespace dplan {

namespace {

constexpr const char* letterhead_columns = "council_zh, council_en, committee_zh, committee_en, office_zh, office_en";

}  // namespace

std::int64_t DistrictRepository::create(const District& district) {
    if (district.code.empty() || district.code.size() > 64) {
        throw InvalidInput({"地區代號必須為 1 至 64 個字元", "district code must be 1 to 64 characters"});
    }
    return db_.write("create district", [&] {
        try {
            db_.session() << "INSERT INTO districts (code, name_zh, name_en, council_zh, council_en, committee_zh, "
                             "committee_en, office_zh, office_en) "
                             "VALUES (:code, :zh, :en, :council_zh, :council_en, :committee_zh, :committee_en, "
                             ":office_zh, :office_en)",
                soci::use(district.code), soci::use(district.name.zh), soci::use(district.name.en),
                soci::use(district.council.zh), soci::use(district.council.en), soci::use(district.committee.zh),
                soci::use(district.committee.en), soci::use(district.office.zh), soci::use(district.office.en);
        } catch (const soci::soci_error& e) {
            if (!is_unique_violation(e)) throw;
            throw InvalidInput({fmt::format("地區代號「{}」已存在", district.code),
                                fmt::format("district code '{}' is already in use", district.code)});
        }
        long long id = 0;
        db_.session().get_last_insert_id("districts", id);
        return static_cast<std::int64_t>(id);
    });
}

std::optional<District> DistrictRepository::find_by_code(const std::string& code) { return find_by("code", code); }

District DistrictRepository::get_by_code(const std::string& code) {
    auto district = find_by_code(code);
    if (!district) {
        throw NotFound({fmt::format("找不到地區「{}」", code), fmt::format("no district with code '{}'", code)});
    }
    return *district;
}

std::optional<District> DistrictRepository::find_by_chinese_name(const std::string& name_zh) {
    return find_by("name_zh", name_zh);
}

std::optional<District> DistrictRepository::find_by_english_name(const std::string& name_en) {
    return find_by("name_en", name_en);
}

std::optional<District> DistrictRepository::find_by_name(const std::string& name) {
    static const std::string qu = "區";
    if (name.empty()) return std::nullopt;
    if (auto found = find_by_code(name)) return found;
    if (auto found = find_by_chinese_name(name)) return found;
    if (!name.ends_with(qu)) {
        if (auto found = find_by_chinese_name(name + qu)) return found;
    } else if (name.size() > 2 * qu.size() && name.ends_with(qu + qu)) {
        // 北區區議會 names the council of 北區; the letterhead pattern takes "北區區".
        if (auto found = find_by_chinese_name(name.substr(0, name.size() - qu.size()))) return found;
    }
    return find_by_english_name(name);
}

void DistrictRepository::update(const District& district) {
    get(district.id);  // NotFound for no such district
    db_.write("update district", [&] {
        const long long key = district.id;
        soci::statement update =
            (db_.session().prepare << "UPDATE districts SET name_zh = :zh, name_en = :en, "
                                      "council_zh = :council_zh, council_en = :council_en, "
                                      "committee_zh = :committee_zh, committee_en = :committee_en, "
                                      "office_zh = :office_zh, office_en = :office_en "
                                      "WHERE id = :id",
             soci::use(district.name.zh), soci::use(district.name.en), soci::use(district.council.zh),
             soci::use(district.council.en), soci::use(district.committee.zh), soci::use(district.committee.en),
             soci::use(district.office.zh), soci::use(district.office.en), soci::use(key));
        update.execute(true);
    });
}

// `column` is one of the two literals above, never user data; the value is bound.
std::optional<District> DistrictRepository::find_by(const char* column, const std::string& value) {
    return db_.read("find district", [&]() -> std::optional<District> {
        long long id = 0;
        District district;
        db_.session() << fmt::format(
            "SELECT id, code, name_zh, name_en, {} FROM districts WHERE {} = :value "
            "ORDER BY id LIMIT 1",
            letterhead_columns, column),
            soci::use(value), soci::into(id), soci::into(district.code), soci::into(district.name.zh),
            soci::into(district.name.en), soci::into(district.council.zh), soci::into(district.council.en),
            soci::into(district.committee.zh), soci::into(district.committee.en), soci::into(district.office.zh),
            soci::into(district.office.en);
        if (!db_.session().got_data()) return std::nullopt;
        district.id = id;
        return district;
    });
}

District DistrictRepository::get(std::int64_t id) {
    return db_.read("read district", [&] {
        const long long key = id;
        District district;
        db_.session() << fmt::format("SELECT code, name_zh, name_en, {} FROM districts WHERE id = :id",
                                     letterhead_columns),
            soci::use(key), soci::into(district.code), soci::into(district.name.zh), soci::into(district.name.en),
            soci::into(district.council.zh), soci::into(district.council.en), soci::into(district.committee.zh),
            soci::into(district.committee.en), soci::into(district.office.zh), soci::into(district.office.en);
        if (!db_.session().got_data()) {
            throw NotFound({fmt::format("找不到編號 {} 的地區", id), fmt::format("no district with id {}", id)});
        }
        district.id = id;
        return district;
    });
}

std::vector<District> DistrictRepository::list() {
    return db_.read("list districts", [&] {
        std::vector<District> districts;
        long long id = 0;
        District row;
        soci::statement query =
            (db_.session().prepare << fmt::format("SELECT id, code, name_zh, name_en, {} FROM districts ORDER BY code",
                                                  letterhead_columns),
             soci::into(id), soci::into(row.code), soci::into(row.name.zh), soci::into(row.name.en),
             soci::into(row.council.zh), soci::into(row.council.en), soci::into(row.committee.zh),
             soci::into(row.committee.en), soci::into(row.office.zh), soci::into(row.office.en));
        query.execute();
        while (query.fetch()) {
            row.id = id;
            districts.push_back(row);
        }
        return districts;
    });
}

}  // namespace dplan
