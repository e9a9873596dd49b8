#include "storage/achievement_queries.hpp"

#include "domain/error.hpp"
#include "domain/financial_year.hpp"

namespace dplan {

namespace {

// The filter as bound values; each condition is switched off by its flag being 0.
struct BoundFilter {
    int by_area = 0, by_district = 0, by_year = 0;
    std::string area, year_start, year_end;
    long long district = 0;

    explicit BoundFilter(const AchievementFilter& filter) {
        if (filter.area_id) by_area = 1, area = *filter.area_id;
        if (filter.district_id) by_district = 1, district = *filter.district_id;
        if (filter.financial_year) {
            require_financial_year(*filter.financial_year);
            const int first = std::stoi(filter.financial_year->substr(0, 4));
            by_year = 1;
            year_start = std::to_string(first) + "-04-01";
            year_end = std::to_string(first + 1) + "-03-31";
        }
    }
};

constexpr const char* newest_reading_join =
    " FROM programmes p JOIN indicators i ON i.programme_id = p.id "
    "LEFT JOIN readings r ON r.id = (SELECT MAX(x.id) FROM readings x WHERE x.indicator_id = i.id) ";

constexpr const char* filter_conditions =
    " (:by_area = 0 OR EXISTS (SELECT 1 FROM programme_areas a WHERE a.programme_id = p.id AND a.area_id = :area))"
    " AND (:by_district = 0 OR p.district_id = :district)"
    " AND (:by_year = 0 OR (p.period_start <= :year_end AND p.period_end >= :year_start)) ";

}  // namespace

std::vector<ProgrammeAchievement> achievement_by_programme(Database& db, const AchievementFilter& filter) {
    const BoundFilter bound(filter);
    return db.read("summarise achievement", [&] {
        long long id = 0;
        ProgrammeAchievement row;
        double mean = 0;
        soci::indicator mean_flag = soci::i_ok;
        std::vector<ProgrammeAchievement> result;
        const std::string sql =
            std::string("SELECT p.id, p.name_zh, p.name_en, "
                        "SUM(CASE WHEN r.value IS NOT NULL AND ((i.kind = 'output' AND i.target > 0 AND r.value >= i.target) "
                        "OR (i.kind = 'outcome' AND r.value >= i.target)) THEN 1 ELSE 0 END), "
                        "SUM(CASE WHEN r.value IS NOT NULL AND ((i.kind = 'output' AND i.target > 0 AND r.value < i.target) "
                        "OR (i.kind = 'outcome' AND r.value < i.target)) THEN 1 ELSE 0 END), "
                        "SUM(CASE WHEN r.value IS NULL THEN 1 ELSE 0 END), "
                        "AVG(CASE WHEN i.kind = 'output' AND i.target > 0 AND r.value IS NOT NULL "
                        "THEN r.value * 100.0 / i.target END)") +
            newest_reading_join + "WHERE" + filter_conditions + "GROUP BY p.id, p.name_zh, p.name_en ORDER BY p.id";
        soci::statement query =
            (db.session().prepare << sql, soci::use(bound.by_area, "by_area"), soci::use(bound.area, "area"),
             soci::use(bound.by_district, "by_district"), soci::use(bound.district, "district"),
             soci::use(bound.by_year, "by_year"), soci::use(bound.year_end, "year_end"),
             soci::use(bound.year_start, "year_start"), soci::into(id), soci::into(row.name.zh), soci::into(row.name.en),
             soci::into(row.met), soci::into(row.below), soci::into(row.not_reported), soci::into(mean, mean_flag));
        query.execute();
        while (query.fetch()) {
            row.programme_id = id;
            row.mean_output_percent = mean_flag == soci::i_ok ? std::optional<double>(mean) : std::nullopt;
            result.push_back(row);
        }
        return result;
    });
}

std::vector<ShortfallRow> furthest_below_target(Database& db, const AchievementFilter& filter, int limit) {
    const BoundFilter bound(filter);
    return db.read("find shortfalls", [&] {
        ShortfallRow row;
        std::vector<ShortfallRow> result;
        const std::string sql = std::string("SELECT p.name_zh, p.name_en, i.code, i.description_zh, i.target, r.value, "
                                            "r.value * 100.0 / i.target AS percent") +
                                newest_reading_join + "WHERE r.value IS NOT NULL AND i.target > 0 AND r.value < i.target AND" +
                                filter_conditions + "ORDER BY percent, p.id, i.code LIMIT :limit";
        soci::statement query =
            (db.session().prepare << sql, soci::use(bound.by_area, "by_area"), soci::use(bound.area, "area"),
             soci::use(bound.by_district, "by_district"), soci::use(bound.district, "district"),
             soci::use(bound.by_year, "by_year"), soci::use(bound.year_end, "year_end"),
             soci::use(bound.year_start, "year_start"), soci::use(limit, "limit"), soci::into(row.programme.zh),
             soci::into(row.programme.en), soci::into(row.code), soci::into(row.description), soci::into(row.target),
             soci::into(row.actual), soci::into(row.percent));
        query.execute();
        while (query.fetch()) result.push_back(row);
        return result;
    });
}

}  // namespace dplan
