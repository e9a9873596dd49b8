#include "storage/achievement_queries.hpp"

#include <array>

#include "domain/error.hpp"
#include "domain/financial_year.hpp"

namespace dplan {

namespace {

// The filter as SQL conditions over programmes p, with only the conditions in use, so that the
// planner can use the indexes they need; values are always bound.
class BoundFilter {
  public:
    explicit BoundFilter(const AchievementFilter& filter) {
        if (filter.area_id) {
            area_ = *filter.area_id;
            conditions_ +=
                " AND EXISTS (SELECT 1 FROM programme_areas fa WHERE fa.programme_id = p.id AND fa.area_id = :area)";
        }
        if (filter.district_id) {
            district_ = *filter.district_id;
            conditions_ += " AND p.district_id = :district";
        }
        if (filter.financial_year) {
            require_financial_year(*filter.financial_year);
            year_ = *filter.financial_year;
            conditions_ += " AND p.financial_year = :year";
        }
        if (filter.plan_id) {
            plan_ = *filter.plan_id;
            conditions_ +=
                " AND EXISTS (SELECT 1 FROM programme_focus_points fl JOIN focus_points ff ON ff.id = "
                "fl.focus_point_id "
                "JOIN plan_sections fs ON fs.id = ff.section_id WHERE fl.programme_id = p.id AND fs.plan_id = :plan)";
        }
        // The reader's scope: the ids are the service layer's, never a front end's.
        if (filter.scope.nothing) conditions_ += " AND 1 = 0";
        if (filter.scope.district_id) {
            scope_district_ = *filter.scope.district_id;
            conditions_ += " AND p.district_id = :scope_district";
        }
        if (filter.scope.organisation_id) {
            scope_organisation_ = *filter.scope.organisation_id;
            conditions_ += " AND p.organisation_id = :scope_organisation";
        }
        filter_ = filter;
    }
    // " AND ..." for each condition in use.
    const std::string& conditions() const { return conditions_; }
    void bind(soci::statement& statement) {
        if (filter_.area_id) statement.exchange(soci::use(area_, "area"));
        if (filter_.district_id) statement.exchange(soci::use(district_, "district"));
        if (filter_.financial_year) statement.exchange(soci::use(year_, "year"));
        if (filter_.plan_id) statement.exchange(soci::use(plan_, "plan"));
        if (filter_.scope.district_id) statement.exchange(soci::use(scope_district_, "scope_district"));
        if (filter_.scope.organisation_id) statement.exchange(soci::use(scope_organisation_, "scope_organisation"));
    }

  private:
    AchievementFilter filter_;
    std::string conditions_, area_, year_;
    long long district_ = 0, plan_ = 0, scope_district_ = 0, scope_organisation_ = 0;
};

// Programmes linked to a plan through any of its focus points, once per plan.
constexpr const char* programme_plans =
    "(SELECT DISTINCT l.programme_id, s.plan_id FROM programme_focus_points l "
    "JOIN focus_points f ON f.id = l.focus_point_id JOIN plan_sections s ON s.id = f.section_id)";

struct GroupingSql {
    std::string key, label_zh, label_en, joins, detail;
};

GroupingSql grouping_sql(AchievementGrouping grouping) {
    switch (grouping) {
        case AchievementGrouping::programme:
            return {"p.id", "p.name_zh", "p.name_en", "", "MAX(p.financial_year)"};
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
    "SUM(CASE WHEN i.actual IS NOT NULL AND i.target IS NULL THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN i.actual IS NULL THEN 1 ELSE 0 END), "
    "AVG(CASE WHEN i.kind = 'output' AND i.target > 0 AND i.actual IS NOT NULL THEN i.actual * 100.0 / i.target END)";

}  // namespace

std::vector<AchievementGroup> summarise_achievement(Database& db, AchievementGrouping grouping,
                                                    const AchievementFilter& filter) {
    BoundFilter bound(filter);
    const GroupingSql group = grouping_sql(grouping);
    return db.read("summarise achievement", [&] {
        std::string key, zh, en, detail;
        soci::indicator key_flag = soci::i_ok, zh_flag = soci::i_ok, en_flag = soci::i_ok;
        AchievementGroup row;
        double mean = 0;
        soci::indicator mean_flag = soci::i_ok;
        std::vector<AchievementGroup> result;
        const std::string sql =
            "SELECT " + group.key + ", " + group.label_zh + ", " + group.label_en + ", " + group.detail + ", " +
            counts + " FROM programmes p JOIN indicators i ON i.programme_id = p.id" + group.joins + " WHERE 1 = 1" +
            bound.conditions() + " GROUP BY " + group.key + ", " + group.label_zh + ", " + group.label_en +
            (grouping == AchievementGrouping::plan ? ", pl.financial_year" : "") + " ORDER BY " + group.label_en +
            ", " + group.key;
        soci::statement query(db.session());
        bound.bind(query);
        query.exchange(soci::into(key, key_flag));
        query.exchange(soci::into(zh, zh_flag));
        query.exchange(soci::into(en, en_flag));
        query.exchange(soci::into(detail));
        query.exchange(soci::into(row.programmes));
        query.exchange(soci::into(row.met));
        query.exchange(soci::into(row.below));
        query.exchange(soci::into(row.not_applicable));
        query.exchange(soci::into(row.not_stated));
        query.exchange(soci::into(row.not_reported));
        query.exchange(soci::into(mean, mean_flag));
        query.alloc();
        query.prepare(sql);
        query.define_and_bind();
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
    BoundFilter bound(filter);
    return db.read("find shortfalls", [&] {
        long long programme_id = 0;
        ShortfallRow row;
        std::vector<ShortfallRow> result;
        const std::string sql =
            "SELECT p.id, p.name_zh, p.name_en, i.code, i.description_zh, i.target, i.actual, "
            "i.actual * 100.0 / i.target AS percent FROM programmes p "
            "JOIN indicators i ON i.programme_id = p.id "
            "WHERE i.actual IS NOT NULL AND i.target > 0 AND i.actual < i.target" +
            bound.conditions() + " ORDER BY percent, p.id, i.code LIMIT :limit";
        soci::statement query(db.session());
        bound.bind(query);
        query.exchange(soci::use(limit, "limit"));
        query.exchange(soci::into(programme_id));
        query.exchange(soci::into(row.programme.zh));
        query.exchange(soci::into(row.programme.en));
        query.exchange(soci::into(row.code));
        query.exchange(soci::into(row.description));
        query.exchange(soci::into(row.target));
        query.exchange(soci::into(row.actual));
        query.exchange(soci::into(row.percent));
        query.alloc();
        query.prepare(sql);
        query.define_and_bind();
        query.execute();
        while (query.fetch()) {
            row.programme_id = programme_id;
            result.push_back(row);
        }
        return result;
    });
}

}  // namespace dplan
