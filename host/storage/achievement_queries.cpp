#include "storage/achievement_queries.hpp"

#include <array>

#include "domain/error.hpp"
#include "domain/financial_year.hpp"

namespace dplan {

namespace {

constexpr std::array<std::string_view, 6> grouping_codes = {"programme", "organisation", "area", "plan", "district", "year"};

// The filter as bound values; each condition is switched off by its flag being 0.
struct BoundFilter {
    int by_area = 0, by_district = 0, by_year = 0, by_plan = 0;
    std::string area, year;
    long long district = 0, plan = 0;

    explicit BoundFilter(const AchievementFilter& filter) {
        if (filter.area_id) by_area = 1, area = *filter.area_id;
        if (filter.district_id) by_district = 1, district = *filter.district_id;
        if (filter.plan_id) by_plan = 1, plan = *filter.plan_id;
        if (filter.financial_year) {
            require_financial_year(*filter.financial_year);
            by_year = 1, year = *filter.financial_year;
        }
    }
};

// Programmes linked to a plan through any of its focus points, once per plan.
constexpr const char* programme_plans =
    "(SELECT DISTINCT l.programme_id, s.plan_id FROM programme_focus_points l "
    "JOIN focus_points f ON f.id = l.focus_point_id JOIN plan_sections s ON s.id = f.section_id)";

constexpr const char* filter_conditions =
    " (:by_area = 0 OR EXISTS (SELECT 1 FROM programme_areas fa WHERE fa.programme_id = p.id AND fa.area_id = :area))"
    " AND (:by_district = 0 OR p.district_id = :district)"
    " AND (:by_year = 0 OR p.financial_year = :year)"
    " AND (:by_plan = 0 OR EXISTS (SELECT 1 FROM programme_focus_points fl JOIN focus_points ff ON ff.id = fl.focus_point_id "
    "JOIN plan_sections fs ON fs.id = ff.section_id WHERE fl.programme_id = p.id AND fs.plan_id = :plan)) ";

struct GroupingSql {
    std::string key, label_zh, label_en, joins, detail;
};

GroupingSql grouping_sql(AchievementGrouping grouping) {
    switch (grouping) {
        case AchievementGrouping::programme: return {"p.id", "p.name_zh", "p.name_en", "", "MAX(p.financial_year)"};
        case AchievementGrouping::organisation:
            return {"o.id", "o.name_zh", "o.name_en", " LEFT JOIN organisations o ON o.id = p.organisation_id", "''"};
        case AchievementGrouping::area:
            return {"a.area_id", "a.area_id", "a.area_id", " JOIN programme_areas a ON a.programme_id = p.id", "''"};
        case AchievementGrouping::plan:
            return {"pl.id", "d.name_zh", "d.name_en",
                    std::string(" JOIN ") + programme_plans +
                        " pp ON pp.programme_id = p.id JOIN plans pl ON pl.id = pp.plan_id "
                        "JOIN districts d ON d.id = pl.district_id",
                    "pl.financial_year"};
        case AchievementGrouping::district:
            return {"d.id", "d.name_zh", "d.name_en", " LEFT JOIN districts d ON d.id = p.district_id", "''"};
        case AchievementGrouping::year:
            return {"p.financial_year", "p.financial_year", "p.financial_year", "", "p.financial_year"};
    }
    throw std::logic_error("unknown grouping");
}

constexpr const char* counts =
    "COUNT(DISTINCT p.id), "
    "SUM(CASE WHEN i.actual IS NOT NULL AND ((i.kind = 'output' AND i.target > 0 AND i.actual >= i.target) "
    "OR (i.kind = 'outcome' AND i.actual >= i.target)) THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN i.actual IS NOT NULL AND ((i.kind = 'output' AND i.target > 0 AND i.actual < i.target) "
    "OR (i.kind = 'outcome' AND i.actual < i.target)) THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN i.actual IS NOT NULL AND i.kind = 'output' AND i.target = 0 THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN i.actual IS NULL THEN 1 ELSE 0 END), "
    "AVG(CASE WHEN i.kind = 'output' AND i.target > 0 AND i.actual IS NOT NULL THEN i.actual * 100.0 / i.target END)";

}  // namespace

std::string_view achievement_grouping_code(AchievementGrouping grouping) {
    return grouping_codes[static_cast<std::size_t>(grouping)];
}

std::optional<AchievementGrouping> parse_achievement_grouping(std::string_view code) {
    for (std::size_t i = 0; i < grouping_codes.size(); ++i) {
        if (grouping_codes[i] == code) return static_cast<AchievementGrouping>(i);
    }
    return std::nullopt;
}

std::vector<AchievementGroup> summarise_achievement(Database& db, AchievementGrouping grouping,
                                                    const AchievementFilter& filter) {
    const BoundFilter bound(filter);
    const GroupingSql group = grouping_sql(grouping);
    return db.read("summarise achievement", [&] {
        std::string key, zh, en, detail;
        soci::indicator key_flag = soci::i_ok, zh_flag = soci::i_ok, en_flag = soci::i_ok;
        AchievementGroup row;
        double mean = 0;
        soci::indicator mean_flag = soci::i_ok;
        std::vector<AchievementGroup> result;
        const std::string sql = "SELECT " + group.key + ", " + group.label_zh + ", " + group.label_en + ", " + group.detail + ", " + counts +
                                " FROM programmes p JOIN indicators i ON i.programme_id = p.id" + group.joins +
                                " WHERE" + filter_conditions + "GROUP BY " + group.key + ", " + group.label_zh + ", " +
                                group.label_en + (grouping == AchievementGrouping::plan ? ", pl.financial_year" : "") +
                                " ORDER BY " + group.label_en + ", " + group.key;
        soci::statement query =
            (db.session().prepare << sql, soci::use(bound.by_area, "by_area"), soci::use(bound.area, "area"),
             soci::use(bound.by_district, "by_district"), soci::use(bound.district, "district"),
             soci::use(bound.by_year, "by_year"), soci::use(bound.year, "year"), soci::use(bound.by_plan, "by_plan"),
             soci::use(bound.plan, "plan"), soci::into(key, key_flag), soci::into(zh, zh_flag), soci::into(en, en_flag),
             soci::into(detail), soci::into(row.programmes), soci::into(row.met), soci::into(row.below), soci::into(row.not_applicable),
             soci::into(row.not_reported), soci::into(mean, mean_flag));
        query.execute();
        while (query.fetch()) {
            row.key = key_flag == soci::i_ok ? key : "";
            row.detail = detail;
            row.label = {zh_flag == soci::i_ok ? zh : "", en_flag == soci::i_ok ? en : ""};
            row.mean_output_percent = mean_flag == soci::i_ok ? std::optional<double>(mean) : std::nullopt;
            result.push_back(row);
        }
        return result;
    });
}

std::vector<ShortfallRow> furthest_below_target(Database& db, const AchievementFilter& filter, int limit) {
    const BoundFilter bound(filter);
    return db.read("find shortfalls", [&] {
        long long programme_id = 0;
        ShortfallRow row;
        std::vector<ShortfallRow> result;
        const std::string sql = std::string("SELECT p.id, p.name_zh, p.name_en, i.code, i.description_zh, i.target, "
                                            "i.actual, i.actual * 100.0 / i.target AS percent "
                                            "FROM programmes p JOIN indicators i ON i.programme_id = p.id "
                                            "WHERE i.actual IS NOT NULL AND i.target > 0 AND i.actual < i.target AND") +
                                filter_conditions + "ORDER BY percent, p.id, i.code LIMIT :limit";
        soci::statement query =
            (db.session().prepare << sql, soci::use(bound.by_area, "by_area"), soci::use(bound.area, "area"),
             soci::use(bound.by_district, "by_district"), soci::use(bound.district, "district"),
             soci::use(bound.by_year, "by_year"), soci::use(bound.year, "year"), soci::use(bound.by_plan, "by_plan"),
             soci::use(bound.plan, "plan"), soci::use(limit, "limit"), soci::into(programme_id),
             soci::into(row.programme.zh), soci::into(row.programme.en), soci::into(row.code),
             soci::into(row.description), soci::into(row.target), soci::into(row.actual), soci::into(row.percent));
        query.execute();
        while (query.fetch()) {
            row.programme_id = programme_id;
            result.push_back(row);
        }
        return result;
    });
}

}  // namespace dplan
