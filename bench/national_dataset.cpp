#include "national_dataset.hpp"

#include <fmt/format.h>

#include <array>
#include <random>

#include "domain/user.hpp"
#include "storage/audit_log.hpp"
#include "storage/district_repository.hpp"
#include "storage/organisation_repository.hpp"
#include "storage/plan_repository.hpp"
#include "storage/programme_repository.hpp"
#include "storage/reading_bulk_insert.hpp"

namespace dplan::bench {

namespace {

// The 18 districts that every database holds from migration 0008.
constexpr std::array<const char*, 18> district_codes = {
    "central_western", "wan_chai",     "eastern",   "southern",   "yau_tsim_mong", "sham_shui_po",
    "kowloon_city",    "wong_tai_sin", "kwun_tong", "kwai_tsing", "tsuen_wan",     "tuen_mun",
    "yuen_long",       "north",        "tai_po",    "sha_tin",    "sai_kung",      "islands",
};

constexpr std::array<const char*, 5> areas = {"family", "elderly", "rehabilitation", "youth", "volunteer"};
constexpr std::array<const char*, 5> area_zh = {"家庭", "長者", "康復", "青少年", "義工"};

std::string month_start(int year, int month) { return fmt::format("{}-{:02}-01", year, month); }
std::string month_end(int year, int month) {
    static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return fmt::format("{}-{:02}-{:02}", year, month,
                       month == 2 && leap ? 29 : days[static_cast<std::size_t>(month - 1)]);
}

Plan plan_for(std::int64_t district_id, const Bilingual& district, int first_year) {
    Plan plan;
    plan.district_id = district_id;
    plan.financial_year = fmt::format("{}-{:02}", first_year, (first_year + 1) % 100);
    plan.theme = {fmt::format("{}{}年度福利工作計劃", district.zh, plan.financial_year),
                  fmt::format("{} welfare plan {}", district.en, plan.financial_year)};
    for (std::size_t a = 0; a < areas.size(); ++a) {
        PlanSection section;
        section.area_id = areas[a];
        section.objective = {fmt::format("加強{}服務的社區支援", area_zh[a]),
                             fmt::format("Strengthen community support in {}", areas[a])};
        for (int point = 1; point <= 3; ++point) {
            section.focus_points.push_back(
                {0,
                 {fmt::format("與學校、醫院及商界合作推行{}服務重點 {}", area_zh[a], point),
                  fmt::format("Work with schools, hospitals and business on {} focus {}", areas[a], point)},
                 {Sector::ngo, Sector::education, Sector::health, Sector::business}});
        }
        plan.sections.push_back(section);
    }
    return plan;
}

}  // namespace

NationalCounts build_national_dataset(Database& db, const NationalScale& scale) {
    NationalCounts counts;
    db.write("build national dataset", [&] {
        AuditLog(db).record({system_user_id, "bench", "local"}, {"build national dataset", "benchmark", "-", "{}"});
        DistrictRepository districts(db);
        OrganisationRepository organisations(db);
        PlanRepository plans(db);
        ProgrammeRepository programmes(db);
        std::vector<std::int64_t> organisation_ids;
        for (int i = 1; i <= 200; ++i) {
            organisation_ids.push_back(organisations.create(
                {0,
                 {fmt::format("社會服務機構{:03}", i), fmt::format("Social Service Agency {:03}", i)},
                 Sector::ngo}));
        }
        std::mt19937 random(20241);
        std::uniform_real_distribution<double> spread(0.6, 1.4);
        std::uniform_int_distribution<int> month_pick(0, 35);
        ReadingBulkInsert readings(db, system_user_id);
        for (int d = 0; d < scale.districts; ++d) {
            const District district =
                districts.get_by_code(district_codes[static_cast<std::size_t>(d) % district_codes.size()]);
            const auto district_id = district.id;
            const Bilingual& name = district.name;
            for (int y = 0; y < scale.years; ++y) {
                const int first_year = 2015 + y;
                const auto plan_id =
                    plans.create(plan_for(district_id, name, first_year), system_user_id, "national dataset");
                const Plan plan = plans.get(plan_id);
                ++counts.plans;
                for (int p = 0; p < scale.programmes_per_plan; ++p) {
                    const std::size_t area = static_cast<std::size_t>(p) % areas.size();
                    Programme programme;
                    programme.name = {
                        fmt::format("{}{}{}服務計劃{:02}", name.zh, plan.financial_year, area_zh[area], p + 1),
                        fmt::format("{} {} {} programme {:02}", name.en, plan.financial_year, areas[area], p + 1)};
                    programme.organisation_id =
                        organisation_ids[static_cast<std::size_t>(d * 37 + y * 11 + p) % organisation_ids.size()];
                    programme.district_id = district_id;
                    programme.period_start =
                        fmt::format("{}-04-01", first_year - 2);  // three years to the plan's year end
                    programme.period_end = fmt::format("{}-03-31", first_year + 1);
                    programme.areas = {areas[area]};
                    const auto programme_id = programmes.create(programme);
                    programmes.link_focus_point(programme_id,
                                                plan.sections[area].focus_points[static_cast<std::size_t>(p) % 3].id);
                    ++counts.programmes;
                    for (int i = 0; i < scale.indicators_per_programme; ++i) {
                        const bool outcome = i >= scale.indicators_per_programme - 3;
                        Indicator indicator;
                        indicator.programme_id = programme_id;
                        indicator.code = outcome ? fmt::format("O{}", i) : fmt::format("{}A", i + 1);
                        indicator.kind = outcome ? IndicatorKind::outcome : IndicatorKind::output;
                        indicator.description = {outcome ? "參加者滿意度" : "小組節數",
                                                 outcome ? "participants satisfied" : "group sessions"};
                        indicator.unit = outcome ? "percent" : "sessions";
                        indicator.target = outcome ? 70 : 360;
                        const auto indicator_id = programmes.put_indicator(indicator);
                        ++counts.indicators;
                        // 36 monthly reports, then corrections of months picked at random.
                        for (int r = 0; r < scale.readings_per_indicator; ++r) {
                            const int month = r < 36 ? r : month_pick(random);
                            const int year = first_year - 2 + (month + 3) / 12;
                            const int calendar_month = (month + 3) % 12 + 1;
                            const double value = outcome ? 55 + 35 * (spread(random) - 0.6) : 10 * spread(random);
                            readings.add(indicator_id, value, month_start(year, calendar_month),
                                         month_end(year, calendar_month));
                            ++counts.readings;
                        }
                    }
                }
            }
        }
        readings.flush();
        db.session() << "UPDATE readings SET is_current = 0 WHERE EXISTS (SELECT 1 FROM readings n "
                        "WHERE n.indicator_id = readings.indicator_id AND n.period_start = readings.period_start "
                        "AND n.period_end = readings.period_end AND n.id > readings.id)";
        db.session() << refresh_actual_sql;
    });
    return counts;
}

}  // namespace dplan::bench
