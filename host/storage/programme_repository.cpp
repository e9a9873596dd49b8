#include "storage/programme_repository.hpp"

#include <fmt/format.h>

#include "domain/timestamp.hpp"

namespace dplan {

std::int64_t ProgrammeRepository::create(const Programme& programme) {
    return db_.write("create programme", [&] {
        const long long district = programme.district_id.value_or(0);
        soci::indicator district_flag = programme.district_id ? soci::i_ok : soci::i_null;
        const long long organisation = programme.organisation_id.value_or(0);
        soci::indicator organisation_flag = programme.organisation_id ? soci::i_ok : soci::i_null;
        const std::string now = now_utc_iso8601();
        const std::string year = programme.financial_year();
        try {
            db_.session() << "INSERT INTO programmes (name_zh, name_en, organisation_id, district_id, period_start, "
                             "period_end, objectives_zh, objectives_en, financial_year, created_at) VALUES (:zh, :en, "
                             ":organisation, :district, :start, :end, :objectives_zh, :objectives_en, :year, :created)",
                soci::use(programme.name.zh), soci::use(programme.name.en), soci::use(organisation, organisation_flag),
                soci::use(district, district_flag), soci::use(programme.period_start), soci::use(programme.period_end),
                soci::use(programme.objectives.zh), soci::use(programme.objectives.en), soci::use(year), soci::use(now);
        } catch (const soci::soci_error& e) {
            if (!is_unique_violation(e)) throw;
            throw InvalidInput({fmt::format("計劃「{}」已存在", programme.name.zh),
                                fmt::format("a programme named '{}' already exists", programme.name.zh)});
        }
        long long id = 0;
        db_.session().get_last_insert_id("programmes", id);
        for (const auto& area : programme.areas) {
            db_.session() << "INSERT INTO programme_areas (programme_id, area_id) VALUES (:id, :area)", soci::use(id),
                soci::use(area);
        }
        return static_cast<std::int64_t>(id);
    });
}

// `where` is one of the fixed conditions below; the value is bound. Areas are read for the
// programmes found only, so a lookup by name costs two queries whatever the table's size.
template <typename Value>
std::vector<Programme> ProgrammeRepository::select(const char* where, const Value& value) {
    return db_.read("read programmes", [&] {
        long long id = 0, district = 0, organisation = 0;
        std::string organisation_zh, organisation_en;
        soci::indicator district_flag = soci::i_ok, organisation_flag = soci::i_ok, zh_flag = soci::i_ok,
                        en_flag = soci::i_ok;
        Programme row;
        std::vector<Programme> result;
        soci::statement query =
            (db_.session().prepare << std::string(
                                          "SELECT p.id, p.name_zh, p.name_en, p.organisation_id, p.district_id, "
                                          "p.period_start, p.period_end, p.objectives_zh, p.objectives_en, "
                                          "o.name_zh, o.name_en, p.version FROM programmes p "
                                          "LEFT JOIN organisations o ON o.id = p.organisation_id WHERE ") +
                                          where + " ORDER BY p.period_start, p.id",
             soci::use(value, "value"), soci::into(id), soci::into(row.name.zh), soci::into(row.name.en),
             soci::into(organisation, organisation_flag), soci::into(district, district_flag),
             soci::into(row.period_start), soci::into(row.period_end), soci::into(row.objectives.zh),
             soci::into(row.objectives.en), soci::into(organisation_zh, zh_flag), soci::into(organisation_en, en_flag),
             soci::into(row.version));
        query.execute();
        while (query.fetch()) {
            row.id = id;
            row.district_id = district_flag == soci::i_ok ? std::optional<std::int64_t>(district) : std::nullopt;
            row.organisation_id =
                organisation_flag == soci::i_ok ? std::optional<std::int64_t>(organisation) : std::nullopt;
            row.organisation_name = {zh_flag == soci::i_ok ? organisation_zh : "",
                                     en_flag == soci::i_ok ? organisation_en : ""};
            result.push_back(row);
        }
        for (auto& programme : result) {
            const long long key = programme.id;
            std::string area;
            soci::statement areas =
                (db_.session().prepare << "SELECT area_id FROM programme_areas WHERE programme_id = :id "
                                          "ORDER BY area_id",
                 soci::use(key), soci::into(area));
            areas.execute();
            while (areas.fetch()) programme.areas.push_back(area);
        }
        return result;
    });
}

std::vector<Programme> ProgrammeRepository::list(const ReadScope& scope) {
    if (scope.nothing) return {};
    if (scope.district_id) return select("p.district_id = :value", static_cast<long long>(*scope.district_id));
    if (scope.organisation_id)
        return select("p.organisation_id = :value", static_cast<long long>(*scope.organisation_id));
    return select("1 = :value", 1);
}

std::optional<Programme> ProgrammeRepository::find_by_name(const std::string& name) {
    auto found = select("p.name_zh = :value", name);
    if (found.empty()) found = select("p.name_en = :value", name);
    if (found.empty()) return std::nullopt;
    return found.front();
}

Programme ProgrammeRepository::get(std::int64_t id) {
    auto found = select("p.id = :value", static_cast<long long>(id));
    if (found.empty()) {
        throw NotFound(
            {fmt::format("找不到編號 {} 的計劃（服務計劃）", id), fmt::format("no programme with id {}", id)});
    }
    return found.front();
}

std::int64_t ProgrammeRepository::put_indicator(const Indicator& indicator) {
    return db_.write("store indicator", [&] {
        const long long programme = indicator.programme_id;
        const std::string kind(indicator_kind_code(indicator.kind));
        const std::string catalogue = indicator.catalogue_code.value_or("");
        soci::indicator catalogue_flag = indicator.catalogue_code ? soci::i_ok : soci::i_null;
        const double target = indicator.target.value_or(0);
        soci::indicator target_flag = indicator.target ? soci::i_ok : soci::i_null;
        long long id = 0;
        db_.session() << "SELECT id FROM indicators WHERE programme_id = :programme AND code = :code",
            soci::use(programme), soci::use(indicator.code), soci::into(id);
        if (db_.session().got_data()) {
            db_.session()
                << "UPDATE indicators SET kind = :kind, description_zh = :zh, description_en = :en, unit = :unit, "
                   "target = :target, catalogue_code = COALESCE(:catalogue, catalogue_code) WHERE id = :id",
                soci::use(kind), soci::use(indicator.description.zh), soci::use(indicator.description.en),
                soci::use(indicator.unit), soci::use(target, target_flag), soci::use(catalogue, catalogue_flag),
                soci::use(id);
            return static_cast<std::int64_t>(id);
        }
        db_.session()
            << "INSERT INTO indicators (programme_id, code, kind, description_zh, description_en, unit, target, "
               "catalogue_code) VALUES (:programme, :code, :kind, :zh, :en, :unit, :target, :catalogue)",
            soci::use(programme), soci::use(indicator.code), soci::use(kind), soci::use(indicator.description.zh),
            soci::use(indicator.description.en), soci::use(indicator.unit), soci::use(target, target_flag),
            soci::use(catalogue, catalogue_flag);
        db_.session().get_last_insert_id("indicators", id);
        return static_cast<std::int64_t>(id);
    });
}

void ProgrammeRepository::touch(std::int64_t programme_id, std::optional<int> seen_version) {
    const long long id = programme_id;
    int version = 0;
    db_.session() << "SELECT version FROM programmes WHERE id = :id", soci::use(id), soci::into(version);
    if (!db_.session().got_data()) {
        throw NotFound({fmt::format("找不到編號 {} 的計劃（服務計劃）", programme_id),
                        fmt::format("no programme with id {}", programme_id)});
    }
    if (seen_version && *seen_version != version) {
        throw Conflict(
            {fmt::format("服務計劃 {} 已被他人修改（你看到第 {} 版，現為第 {} 版）；請重新載入後再改", programme_id,
                         *seen_version, version),
             fmt::format("programme {} was changed by someone else (you saw version {}, it is now version {}); "
                         "reload it and make your change again",
                         programme_id, *seen_version, version)});
    }
    // The version in the WHERE clause makes the check and the bump one step.
    soci::statement bump = (db_.session().prepare << "UPDATE programmes SET version = version + 1 WHERE id = :id AND "
                                                     "version = :version",
                            soci::use(id), soci::use(version));
    bump.execute(true);
    if (bump.get_affected_rows() != 1) {
        throw Conflict({fmt::format("服務計劃 {} 剛被他人修改；請重新載入", programme_id),
                        fmt::format("programme {} was changed by someone else just now; reload it", programme_id)});
    }
}

void ProgrammeRepository::hold_programme(std::int64_t programme_id) {
    db_.write("hold programme", [&] {
        if (db_.dialect() != Dialect::mysql) return;
        const long long programme = programme_id;
        long long held = 0;
        db_.session() << "SELECT id FROM programmes WHERE id = :id FOR UPDATE", soci::use(programme), soci::into(held);
        soci::statement indicators =
            (db_.session().prepare << "SELECT id FROM indicators WHERE programme_id = :id FOR UPDATE",
             soci::use(programme), soci::into(held));
        indicators.execute();
        while (indicators.fetch()) {
        }
    });
}

void ProgrammeRepository::add_reading(std::int64_t indicator_id, double value, const std::string& period_start,
                                      const std::string& period_end, std::int64_t reported_by) {
    db_.write("store reading", [&] {
        if (db_.dialect() == Dialect::mysql) {
            const long long indicator = indicator_id;
            long long held = 0;
            db_.session() << "SELECT id FROM indicators WHERE id = :id FOR UPDATE", soci::use(indicator),
                soci::into(held);
        }
        for (const auto& [start, end] : current_periods(indicator_id)) {
            if (!periods_clash(start, end, period_start, period_end)) continue;
            throw InvalidInput(
                {fmt::format("期間 {} 至 {} 與已報告的期間 {} 至 {} 部分重疊；更正須使用相同期間", period_start,
                             period_end, start, end),
                 fmt::format(
                     "the period {} to {} partly overlaps the reported period {} to {}; a correction must cover "
                     "the same period",
                     period_start, period_end, start, end)});
        }
        const long long indicator = indicator_id;
        const long long reporter = reported_by;
        const std::string now = now_utc_iso8601();
        supersede_reading(indicator_id, period_start, period_end);
        db_.session()
            << "INSERT INTO readings (indicator_id, value, period_start, period_end, reported_by, reported_at) "
               "VALUES (:indicator, :value, :start, :end, :reporter, :at)",
            soci::use(indicator), soci::use(value), soci::use(period_start), soci::use(period_end), soci::use(reporter),
            soci::use(now);
        refresh_actual(indicator_id);
    });
}

std::vector<std::pair<std::string, std::string>> ProgrammeRepository::current_periods(std::int64_t indicator_id) {
    return db_.read("read reading periods", [&] {
        const long long key = indicator_id;
        std::string start, end;
        std::vector<std::pair<std::string, std::string>> result;
        soci::statement query = (db_.session().prepare << "SELECT period_start, period_end FROM readings "
                                                          "WHERE indicator_id = :indicator AND is_current = 1",
                                 soci::use(key), soci::into(start), soci::into(end));
        query.execute();
        while (query.fetch()) result.emplace_back(start, end);
        return result;
    });
}

void ProgrammeRepository::supersede_reading(std::int64_t indicator_id, const std::string& period_start,
                                            const std::string& period_end) {
    db_.write("supersede reading", [&] {
        const long long indicator = indicator_id;
        db_.session() << "UPDATE readings SET is_current = 0 WHERE indicator_id = :indicator AND period_start = :start "
                         "AND period_end = :end AND is_current = 1",
            soci::use(indicator), soci::use(period_start), soci::use(period_end);
    });
}

void ProgrammeRepository::refresh_actual(std::int64_t indicator_id) {
    db_.write("update achieved value", [&] {
        const long long key = indicator_id;
        db_.session() << refresh_actual_sql << " WHERE id = :indicator", soci::use(key);
    });
}

std::vector<Reading> ProgrammeRepository::readings(std::int64_t indicator_id) {
    return db_.read("read readings", [&] {
        const long long key = indicator_id;
        long long id = 0;
        int current = 0;
        Reading row;
        std::vector<Reading> result;
        soci::statement query =
            (db_.session().prepare << "SELECT r.id, r.value, r.period_start, r.period_end, u.username, r.reported_at, "
                                      "r.is_current FROM readings r JOIN users u ON u.id = r.reported_by "
                                      "WHERE r.indicator_id = :indicator ORDER BY r.id",
             soci::use(key), soci::into(id), soci::into(row.value), soci::into(row.period_start),
             soci::into(row.period_end), soci::into(row.reported_by), soci::into(row.reported_at), soci::into(current));
        query.execute();
        while (query.fetch()) {
            row.id = id;
            row.indicator_id = indicator_id;
            row.current = current != 0;
            result.push_back(row);
        }
        return result;
    });
}

std::vector<std::pair<std::string, Reading>> ProgrammeRepository::current_readings(std::int64_t programme_id) {
    return db_.read("read readings", [&] {
        const long long key = programme_id;
        long long id = 0, indicator = 0;
        std::string code;
        Reading row;
        std::vector<std::pair<std::string, Reading>> result;
        soci::statement query =
            (db_.session().prepare << "SELECT i.code, r.id, r.indicator_id, r.value, r.period_start, r.period_end, "
                                      "r.reported_at FROM indicators i JOIN readings r ON r.indicator_id = i.id "
                                      "AND r.is_current = 1 WHERE i.programme_id = :programme "
                                      "ORDER BY i.code, r.period_start, r.period_end",
             soci::use(key), soci::into(code), soci::into(id), soci::into(indicator), soci::into(row.value),
             soci::into(row.period_start), soci::into(row.period_end), soci::into(row.reported_at));
        query.execute();
        while (query.fetch()) {
            row.id = id;
            row.indicator_id = indicator;
            result.emplace_back(code, row);
        }
        return result;
    });
}

void ProgrammeRepository::link_focus_point(std::int64_t programme_id, std::int64_t focus_point_id) {
    db_.write("link programme to focus point", [&] {
        const long long programme = programme_id;
        const long long point = focus_point_id;
        int existing = 0;
        db_.session() << "SELECT count(*) FROM programme_focus_points WHERE programme_id = :programme AND "
                         "focus_point_id = :point",
            soci::use(programme), soci::use(point), soci::into(existing);
        if (existing > 0) return;
        int found = 0;
        db_.session() << "SELECT count(*) FROM focus_points WHERE id = :point", soci::use(point), soci::into(found);
        if (found == 0) {
            throw NotFound({fmt::format("找不到編號 {} 的工作計劃重點", focus_point_id),
                            fmt::format("no focus point with id {} (see 'dplan plan show ID --ids')", focus_point_id)});
        }
        db_.session()
            << "INSERT INTO programme_focus_points (programme_id, focus_point_id) VALUES (:programme, :point)",
            soci::use(programme), soci::use(point);
    });
}

std::map<std::string, std::size_t> ProgrammeRepository::measurable_indicators(std::int64_t plan_id) {
    return db_.read("count measurable indicators", [&] {
        const long long key = plan_id;
        std::string area;
        int count = 0;
        std::map<std::string, std::size_t> result;
        // Distinct indicators: a programme linked to two points of a section counts once.
        soci::statement query =
            (db_.session().prepare << "SELECT s.area_id, COUNT(DISTINCT i.id) FROM plan_sections s "
                                      "JOIN focus_points f ON f.section_id = s.id "
                                      "JOIN programme_focus_points l ON l.focus_point_id = f.id "
                                      "JOIN indicators i ON i.programme_id = l.programme_id AND i.target > 0 "
                                      "WHERE s.plan_id = :plan GROUP BY s.area_id",
             soci::use(key), soci::into(area), soci::into(count));
        query.execute();
        while (query.fetch()) result[area] = static_cast<std::size_t>(count);
        return result;
    });
}

std::vector<Indicator> ProgrammeRepository::indicators(std::int64_t programme_id) {
    return db_.read("list indicators", [&] {
        const long long key = programme_id;
        long long id = 0;
        std::string kind;
        double actual = 0, target = 0;
        soci::indicator actual_flag = soci::i_ok, target_flag = soci::i_ok;
        std::string catalogue;
        soci::indicator catalogue_flag = soci::i_ok;
        Indicator row;
        std::vector<Indicator> result;
        soci::statement query =
            (db_.session().prepare
                 << "SELECT i.id, i.code, i.kind, i.description_zh, i.description_en, i.unit, i.target, "
                    "i.catalogue_code, i.actual FROM indicators i "
                    "WHERE i.programme_id = :programme ORDER BY i.code",
             soci::use(key), soci::into(id), soci::into(row.code), soci::into(kind), soci::into(row.description.zh),
             soci::into(row.description.en), soci::into(row.unit), soci::into(target, target_flag),
             soci::into(catalogue, catalogue_flag), soci::into(actual, actual_flag));
        query.execute();
        while (query.fetch()) {
            row.id = id;
            row.programme_id = programme_id;
            row.kind = parse_indicator_kind(kind).value_or(IndicatorKind::output);
            row.actual = actual_flag == soci::i_ok ? std::optional<double>(actual) : std::nullopt;
            row.target = target_flag == soci::i_ok ? std::optional<double>(target) : std::nullopt;
            row.catalogue_code = catalogue_flag == soci::i_ok ? std::optional<std::string>(catalogue) : std::nullopt;
            result.push_back(row);
        }
        return result;
    });
}

}  // namespace dplan

namespace dplan {

std::optional<std::int64_t> ProgrammeRepository::plan_of_focus_point(std::int64_t focus_point_id) {
    return db_.read("find the plan of a focus point", [&]() -> std::optional<std::int64_t> {
        const long long key = focus_point_id;
        long long plan = 0;
        db_.session() << "SELECT s.plan_id FROM focus_points f JOIN plan_sections s ON s.id = f.section_id "
                         "WHERE f.id = :id",
            soci::use(key), soci::into(plan);
        if (!db_.session().got_data()) return std::nullopt;
        return plan;
    });
}

std::vector<PlanIndicator> ProgrammeRepository::plan_indicators(std::int64_t plan_id, const ReadScope& scope) {
    if (scope.nothing) return {};
    return db_.read("read the plan's indicators", [&] {
        const long long key = plan_id;
        const long long scope_district = scope.district_id.value_or(0);
        const long long scope_organisation = scope.organisation_id.value_or(0);
        const int by_district = scope.district_id ? 1 : 0, by_organisation = scope.organisation_id ? 1 : 0;
        long long programme_id = 0;
        double actual = 0, target = 0;
        PlanIndicator row;
        soci::indicator actual_flag = soci::i_ok, target_flag = soci::i_ok;
        std::vector<PlanIndicator> result;
        soci::statement query =
            (db_.session().prepare
                 << "SELECT DISTINCT s.area_id, p.id, p.name_zh, p.name_en, i.code, i.kind, i.target, "
                    "i.actual FROM plan_sections s JOIN focus_points f ON f.section_id = s.id "
                    "JOIN programme_focus_points l ON l.focus_point_id = f.id "
                    "JOIN programmes p ON p.id = l.programme_id "
                    "JOIN indicators i ON i.programme_id = p.id WHERE s.plan_id = :plan "
                    "AND (:by_district = 0 OR p.district_id = :district) "
                    "AND (:by_organisation = 0 OR p.organisation_id = :organisation) "
                    "ORDER BY s.area_id, p.name_zh, i.code",
             soci::use(key, "plan"), soci::use(by_district, "by_district"), soci::use(scope_district, "district"),
             soci::use(by_organisation, "by_organisation"), soci::use(scope_organisation, "organisation"),
             soci::into(row.area_id), soci::into(programme_id), soci::into(row.programme.zh),
             soci::into(row.programme.en), soci::into(row.code), soci::into(row.kind), soci::into(target, target_flag),
             soci::into(actual, actual_flag));
        query.execute();
        while (query.fetch()) {
            row.programme_id = programme_id;
            row.actual = actual_flag == soci::i_ok ? std::optional<double>(actual) : std::nullopt;
            row.target = target_flag == soci::i_ok ? std::optional<double>(target) : std::nullopt;
            result.push_back(row);
        }
        return result;
    });
}

std::vector<ProgrammeRepository::SectorCount> ProgrammeRepository::programmes_by_sector(std::int64_t plan_id) {
    return db_.read("count programmes by sector", [&] {
        const long long key = plan_id;
        std::string area, sector;
        int count = 0;
        std::vector<SectorCount> result;
        soci::statement query =
            (db_.session().prepare << "SELECT s.area_id, o.sector, COUNT(DISTINCT p.id) FROM plan_sections s "
                                      "JOIN focus_points f ON f.section_id = s.id "
                                      "JOIN programme_focus_points l ON l.focus_point_id = f.id "
                                      "JOIN programmes p ON p.id = l.programme_id "
                                      "JOIN organisations o ON o.id = p.organisation_id "
                                      "WHERE s.plan_id = :plan GROUP BY s.area_id, o.sector",
             soci::use(key), soci::into(area), soci::into(sector), soci::into(count));
        query.execute();
        while (query.fetch()) {
            if (const auto parsed = parse_sector(sector)) result.push_back({area, *parsed, count});
        }
        return result;
    });
}

}  // namespace dplan
