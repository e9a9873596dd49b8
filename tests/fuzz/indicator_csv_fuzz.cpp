// `dplan indicators import`: any bytes are checked rows or a clear InvalidInput, against a real
// SQLite database with the programme the sample file names (a dry run, so every input meets the
// same database). The streamed reader must read exactly what the in-memory one reads.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string_view>

#include "domain/error.hpp"
#include "domain/programme.hpp"
#include "domain/user.hpp"
#include "services/csv.hpp"
#include "services/indicator_import.hpp"
#include "services/programme_service.hpp"
#include "storage/migration.hpp"

namespace {

dplan::Database& database() {
    static const auto db = [] {
        const auto path =
            std::filesystem::temp_directory_path() / ("dplan-fuzz-csv-" + std::to_string(getpid()) + ".db");
        std::filesystem::remove(path);
        auto opened =
            dplan::Database::open(dplan::parse_database_url("sqlite:" + path.string()), dplan::OpenMode::create);
        dplan::Migrator(*opened).migrate();
        dplan::Programme programme;
        programme.name = {"同行新路計劃", "Walking a New Road Together"};
        programme.period_start = "2023-04-01";
        programme.period_end = "2025-03-31";
        programme.areas = {"youth"};
        dplan::ProgrammeService(*opened, dplan::system_user()).create(programme);
        return opened;
    }();
    return *db;
}

// Every row as text, or the error: what a reader made of the input.
std::string rows_of(const std::function<void(const dplan::CsvRowHandler&)>& read) {
    std::string out;
    try {
        read([&](const dplan::CsvRow& row) {
            out += std::to_string(row.line) + ":";
            for (const auto& field : row.fields) out += std::to_string(field.size()) + "=" + field + ",";
            out += "\n";
        });
    } catch (const dplan::InvalidInput& e) {
        out += "error: " + e.message().en;
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::string in_memory =
        rows_of([&](const dplan::CsvRowHandler& on_row) { dplan::for_each_csv_row(text, on_row); });
    const std::string streamed = rows_of([&](const dplan::CsvRowHandler& on_row) {
        std::istringstream stream{std::string(text)};
        dplan::for_each_csv_row(stream, on_row, 1 + size % 7);
    });
    if (in_memory != streamed) std::abort();
    try {
        dplan::import_indicator_csv(
            database(), text, dplan::system_user(), [](const dplan::Programme&) {}, true);
    } catch (const dplan::InvalidInput&) {
    }
    return 0;
}
