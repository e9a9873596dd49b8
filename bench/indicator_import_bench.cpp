// `dplan indicators import` of 1,000,000 readings (2,000 programmes x 10 indicators x 50 weekly
// periods) against the fastest bulk load the database itself offers, measured in the same run on
// the same machine and the same kind of file:
//   SQLite:  Python's sqlite3 executemany in one transaction (csv.reader + executemany + commit)
//   MariaDB: LOAD DATA LOCAL INFILE through the mariadb client (when DPLAN_BENCH_MYSQL_URL is set)
// The reference loads bare readings into ready-made indicators; our import also parses and checks
// every row, creates the 20,000 indicators and computes their achieved values.
// DPLAN_BENCH_READINGS=N scales the run down (the default is 1,000,000).
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>

#include "domain/user.hpp"
#include "services/indicator_import.hpp"
#include "storage/audit_log.hpp"
#include "storage/migration.hpp"
#include "storage/programme_repository.hpp"
#include "summary_reporter.hpp"

namespace dplan::bench {
namespace {

namespace fs = std::filesystem;

const ProgrammeCheck any_programme = [](const Programme&) {};  // the benchmark measures the import, not the check
using Clock = std::chrono::steady_clock;

constexpr int indicators_per_programme = 10;
constexpr int periods_per_indicator = 50;

std::size_t reading_count() {
    const char* text = std::getenv("DPLAN_BENCH_READINGS");
    return text != nullptr ? std::stoul(text) : 1'000'000;
}
int programme_count() { return static_cast<int>(reading_count() / (indicators_per_programme * periods_per_indicator)); }

const fs::path work = fs::temp_directory_path() / "dplan-import-bench";

std::string programme_name(int p) { return fmt::format("服務計劃{:04}", p + 1); }

// Monday-to-Sunday weeks from 3 April 2023.
std::pair<std::string, std::string> week(int n) {
    using namespace std::chrono;
    const sys_days start = sys_days{year{2023} / April / 3} + days{7 * n};
    auto text = [](sys_days day) {
        const year_month_day date{day};
        return fmt::format("{}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                           static_cast<unsigned>(date.day()));
    };
    return {text(start), text(start + days{6})};
}

// The file our import reads: the documented CSV, one row per reading.
const fs::path& import_csv() {
    static const fs::path path = [] {
        fs::create_directories(work);
        const fs::path file = work / "readings.csv";
        std::ofstream out(file);
        out << indicator_csv_header << '\n';
        for (int p = 0; p < programme_count(); ++p) {
            for (int i = 0; i < indicators_per_programme; ++i) {
                for (int w = 0; w < periods_per_indicator; ++w) {
                    const auto [start, end] = week(w);
                    out << fmt::format("{},{}A,output,小組節數,sessions,360,{},{},{}\n", programme_name(p), i + 1,
                                       (p + i + w) % 13 + 1, start, end);
                }
            }
        }
        return file;
    }();
    return path;
}

std::unique_ptr<Database> fresh_database(const std::string& backend) {
    std::unique_ptr<Database> db;
    if (backend == "sqlite") {
        const fs::path file = work / "import.db";
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(file.string() + suffix);
        db = Database::open(parse_database_url("sqlite:" + file.string()), OpenMode::create);
    } else {
        db = Database::open(parse_database_url(std::getenv("DPLAN_BENCH_MYSQL_URL")), OpenMode::create);
        for (const char* table :
             {"readings", "indicators", "programme_focus_points", "programme_areas", "programmes"}) {
            if (db->has_table(table)) db->session() << std::string("DELETE FROM ") + table;
        }
    }
    Migrator(*db).migrate();
    db->write("create programmes", [&] {
        AuditLog(*db).record({system_user_id, "bench", "local"}, {"create programmes", "benchmark", "-", "{}"});
        ProgrammeRepository programmes(*db);
        for (int p = 0; p < programme_count(); ++p) {
            Programme programme;
            programme.name = {programme_name(p), ""};
            programme.period_start = "2023-04-01";
            programme.period_end = "2024-03-31";
            programmes.create(programme);
        }
    });
    return db;
}

// The reference's input: bare readings of indicators that already exist.
fs::path reference_csv(Database& db) {
    std::map<std::string, long long> ids;  // "programme name/code" -> indicator id
    db.write("create indicators", [&] {
        AuditLog(db).record({system_user_id, "bench", "local"}, {"create indicators", "benchmark", "-", "{}"});
        ProgrammeRepository programmes(db);
        for (const auto& programme : programmes.list(ReadScope::everything())) {
            for (int i = 0; i < indicators_per_programme; ++i) {
                Indicator indicator{0,
                                    programme.id,
                                    fmt::format("{}A", i + 1),
                                    IndicatorKind::output,
                                    {"小組節數", ""},
                                    "sessions",
                                    360,
                                    std::nullopt,
                                    std::nullopt};
                ids[programme.name.zh + "/" + indicator.code] = programmes.put_indicator(indicator);
            }
        }
    });
    const fs::path file = work / "reference.csv";
    std::ofstream out(file);
    for (int p = 0; p < programme_count(); ++p) {
        for (int i = 0; i < indicators_per_programme; ++i) {
            const long long id = ids.at(fmt::format("{}/{}A", programme_name(p), i + 1));
            for (int w = 0; w < periods_per_indicator; ++w) {
                const auto [start, end] = week(w);
                out << fmt::format("{},{},{},{}\n", id, (p + i + w) % 13 + 1, start, end);
            }
        }
    }
    return file;
}

void OurImport(benchmark::State& state, const std::string& backend) {
    for (auto _ : state) {
        auto db = fresh_database(backend);
        const auto started = Clock::now();
        std::ifstream in(import_csv(), std::ios::binary);
        const std::string csv{std::istreambuf_iterator<char>(in), {}};
        const auto result = import_indicator_csv(*db, csv, system_user(), any_programme, false);
        state.SetIterationTime(std::chrono::duration<double>(Clock::now() - started).count());
        if (result.readings != reading_count()) state.SkipWithError("not every reading was imported");
    }
    state.counters["rows_per_s"] =
        benchmark::Counter(static_cast<double>(reading_count()), benchmark::Counter::kIsRate);
}

void SqliteExecutemany(benchmark::State& state) {
    for (auto _ : state) {
        auto db = fresh_database("sqlite");
        const fs::path input = reference_csv(*db);
        db.reset();
        const std::string script = fmt::format(
            "/usr/bin/python3 -c \"import csv, sqlite3, sys, time\n"
            "con = sqlite3.connect(sys.argv[1])\n"
            "t = time.perf_counter()\n"
            "with open(sys.argv[2], newline='', encoding='utf-8') as f:\n"
            "    rows = [(int(r[0]), float(r[1]), r[2], r[3], 1, '2026-01-01T00:00:00Z') for r in csv.reader(f)]\n"
            "con.executemany('INSERT INTO readings (indicator_id, value, period_start, period_end, reported_by, "
            "reported_at) VALUES (?, ?, ?, ?, ?, ?)', rows)\n"
            "con.commit()\n"
            "print(time.perf_counter() - t)\" {} {} > {}",
            (work / "import.db").string(), input.string(), (work / "seconds").string());
        if (std::system(script.c_str()) != 0) state.SkipWithError("python3 sqlite3 executemany failed");
        std::ifstream seconds(work / "seconds");
        double took = 0;
        seconds >> took;
        state.SetIterationTime(took);
    }
    state.counters["rows_per_s"] =
        benchmark::Counter(static_cast<double>(reading_count()), benchmark::Counter::kIsRate);
}

void MariadbLoadData(benchmark::State& state) {
    for (auto _ : state) {
        auto db = fresh_database("mariadb");
        const fs::path input = reference_csv(*db);
        const auto url = db->url();
        db.reset();
        const std::string command = fmt::format(
            "MYSQL_PWD='{}' mariadb --no-defaults --local-infile=1 -h {} -P {} -u {} {} -e \"LOAD DATA LOCAL INFILE "
            "'{}' INTO TABLE readings FIELDS TERMINATED BY ',' (indicator_id, value, period_start, period_end) "
            "SET reported_by = 1, reported_at = '2026-01-01T00:00:00Z'\"",
            url.password, url.host, url.port, url.user, url.database, input.string());
        const auto started = Clock::now();
        if (std::system(command.c_str()) != 0) state.SkipWithError("LOAD DATA failed");
        state.SetIterationTime(std::chrono::duration<double>(Clock::now() - started).count());
    }
    state.counters["rows_per_s"] =
        benchmark::Counter(static_cast<double>(reading_count()), benchmark::Counter::kIsRate);
}

void print_ratios(const SummaryReporter::Times& times) {
    const double rows = static_cast<double>(reading_count());
    auto report = [&](const std::string& ours, const std::string& reference, const char* label) {
        const auto a = times.find(ours), b = times.find(reference);
        if (a == times.end() || b == times.end()) return;
        std::cout << fmt::format("{}: our import {:.0f} rows/s, {} {:.0f} rows/s: {:.2f}x its speed (target >= 0.5x)\n",
                                 ours.find("sqlite") != std::string::npos ? "SQLite" : "MariaDB",
                                 rows / a->second * 1000, label, rows / b->second * 1000, b->second / a->second);
    };
    report("OurImport/sqlite/iterations:1/manual_time", "SqliteExecutemany/iterations:1/manual_time",
           "python sqlite3 executemany");
    report("OurImport/mariadb/iterations:1/manual_time", "MariadbLoadData/iterations:1/manual_time", "LOAD DATA");
}

}  // namespace
}  // namespace dplan::bench

int main(int argc, char** argv) {
    using namespace dplan::bench;
    benchmark::Initialize(&argc, argv);
    benchmark::RegisterBenchmark("OurImport/sqlite", OurImport, std::string("sqlite"))
        ->Iterations(1)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("SqliteExecutemany", SqliteExecutemany)
        ->Iterations(1)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond);
    if (std::getenv("DPLAN_BENCH_MYSQL_URL") != nullptr) {
        benchmark::RegisterBenchmark("OurImport/mariadb", OurImport, std::string("mariadb"))
            ->Iterations(1)
            ->UseManualTime()
            ->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark("MariadbLoadData", MariadbLoadData)
            ->Iterations(1)
            ->UseManualTime()
            ->Unit(benchmark::kMillisecond);
    }
    SummaryReporter reporter(print_ratios);
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
}
