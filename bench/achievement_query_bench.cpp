// The achievement queries behind the dashboard, on national-scale data (bench/national_dataset):
// 18 districts x 10 years, 1,980 programmes, 19,800 indicators, 990,000 readings. The reference,
// measured in the same run, is the cheapest query that reads every reading once
// (SELECT COUNT(*), SUM(value) FROM readings): aggregating over readings at query time would
// cost at least that. SQLite always; MariaDB too when DPLAN_BENCH_MYSQL_URL is set.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>

#include "national_dataset.hpp"
#include "storage/achievement_queries.hpp"
#include "storage/district_repository.hpp"
#include "storage/migration.hpp"
#include "summary_reporter.hpp"

namespace dplan::bench {
namespace {

Database& dataset(const std::string& backend) {
    static std::map<std::string, std::unique_ptr<Database>> open;
    auto& db = open[backend];
    if (db) return *db;
    std::string url;
    if (backend == "sqlite") {
        const auto file = std::filesystem::temp_directory_path() / "dplan-bench-national.db";
        url = "sqlite:" + file.string();
        const bool exists = std::filesystem::exists(file);
        db = Database::open(parse_database_url(url), OpenMode::create);
        if (exists && Migrator(*db).status().pending.empty()) {
            int programmes = 0;
            db->session() << "SELECT COUNT(*) FROM programmes", soci::into(programmes);
            if (programmes > 1000) return *db;  // built by an earlier run
        }
        db.reset();
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
        db = Database::open(parse_database_url(url), OpenMode::create);
    } else {
        db = Database::open(parse_database_url(std::getenv("DPLAN_BENCH_MYSQL_URL")), OpenMode::create);
        for (const char* table :
             {"readings", "indicators", "programme_focus_points", "programme_areas", "programmes"}) {
            if (db->has_table(table)) db->session() << std::string("DELETE FROM ") + table;
        }
    }
    Migrator(*db).migrate();
    int programmes = 0;
    db->session() << "SELECT COUNT(*) FROM programmes", soci::into(programmes);
    if (programmes == 0) {
        const auto counts = build_national_dataset(*db);
        std::cerr << fmt::format("[{}] built {} programmes, {} readings\n", backend, counts.programmes,
                                 counts.readings);
    }
    return *db;
}

void ScanEveryReading(benchmark::State& state, const std::string& backend) {
    Database& db = dataset(backend);
    for (auto _ : state) {
        long long rows = 0;
        double sum = 0;
        db.session() << "SELECT COUNT(*), SUM(value) FROM readings", soci::into(rows), soci::into(sum);
        benchmark::DoNotOptimize(sum);
    }
}

void ByArea(benchmark::State& state, const std::string& backend) {
    Database& db = dataset(backend);
    for (auto _ : state) benchmark::DoNotOptimize(summarise_achievement(db, AchievementGrouping::area, {}));
}

void ByDistrictForAYear(benchmark::State& state, const std::string& backend) {
    Database& db = dataset(backend);
    for (auto _ : state) {
        benchmark::DoNotOptimize(
            summarise_achievement(db, AchievementGrouping::district, {.financial_year = "2020-21"}));
    }
}

void ByYear(benchmark::State& state, const std::string& backend) {
    Database& db = dataset(backend);
    for (auto _ : state) benchmark::DoNotOptimize(summarise_achievement(db, AchievementGrouping::year, {}));
}

void ProgrammesOfOnePlan(benchmark::State& state, const std::string& backend) {
    Database& db = dataset(backend);
    const auto district = DistrictRepository(db).get_by_code("sham_shui_po").id;
    long long plan = 0;
    db.session() << "SELECT id FROM plans WHERE district_id = :d AND financial_year = '2022-23'", soci::use(district),
        soci::into(plan);
    for (auto _ : state) {
        benchmark::DoNotOptimize(summarise_achievement(db, AchievementGrouping::programme, {.plan_id = plan}));
    }
}

void EveryProgramme(benchmark::State& state, const std::string& backend) {
    Database& db = dataset(backend);
    for (auto _ : state) benchmark::DoNotOptimize(summarise_achievement(db, AchievementGrouping::programme, {}));
}

void FurthestBelowTargetInADistrict(benchmark::State& state, const std::string& backend) {
    Database& db = dataset(backend);
    const AchievementFilter filter{.district_id = DistrictRepository(db).get_by_code("kwun_tong").id};
    for (auto _ : state) benchmark::DoNotOptimize(furthest_below_target(db, filter, 10));
}

void print_ratios(const SummaryReporter::Times& times) {
    for (const std::string backend : {"sqlite", "mariadb"}) {
        const auto reference = times.find("ScanEveryReading/" + backend);
        if (reference == times.end()) continue;
        std::cout << fmt::format("[{}] reference: one scan of every reading {:.2f} ms\n", backend, reference->second);
        for (const auto& [name, time] : times) {
            if (!name.ends_with("/" + backend) || name.starts_with("ScanEveryReading")) continue;
            std::cout << fmt::format("  {:<48} {:8.3f} ms = {:.3f}x the scan\n", name, time, time / reference->second);
        }
    }
}

void register_all(const std::string& backend) {
    auto add = [&](const char* name, void (*function)(benchmark::State&, const std::string&)) {
        benchmark::RegisterBenchmark((std::string(name) + "/" + backend).c_str(), function, backend)
            ->Unit(benchmark::kMillisecond);
    };
    add("ScanEveryReading", ScanEveryReading);
    add("ByArea", ByArea);
    add("ByDistrictForAYear", ByDistrictForAYear);
    add("ByYear", ByYear);
    add("ProgrammesOfOnePlan", ProgrammesOfOnePlan);
    add("EveryProgramme", EveryProgramme);
    add("FurthestBelowTargetInADistrict", FurthestBelowTargetInADistrict);
}

}  // namespace
}  // namespace dplan::bench

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    dplan::bench::register_all("sqlite");
    if (std::getenv("DPLAN_BENCH_MYSQL_URL") != nullptr) dplan::bench::register_all("mariadb");
    dplan::bench::SummaryReporter reporter(dplan::bench::print_ratios);
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
}
