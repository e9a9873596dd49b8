// make_national_dataset --db URL: migrates an empty database and fills it with national-scale
// data (bench/national_dataset.hpp), for the benchmarks and for trying the dashboard at scale.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>

#include "national_dataset.hpp"
#include "storage/migration.hpp"

int main(int argc, char** argv) {
    CLI::App app("Fill an empty database with national-scale benchmark data");
    std::string url;
    app.add_option("--db", url, "sqlite:PATH or mysql://USER:PASS@HOST:PORT/DB")->required();
    CLI11_PARSE(app, argc, argv);
    try {
        auto db = dplan::Database::open(dplan::parse_database_url(url), dplan::OpenMode::create);
        dplan::Migrator(*db).migrate();
        const auto started = std::chrono::steady_clock::now();
        const auto counts = dplan::bench::build_national_dataset(*db);
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
        std::cout << fmt::format("{} plans, {} programmes, {} indicators, {} readings in {:.1f} s\n", counts.plans,
                                 counts.programmes, counts.indicators, counts.readings, took.count());
    } catch (const dplan::Error& e) {
        std::cerr << e.message().zh << '\n' << e.message().en << '\n';
        return 1;
    }
}
