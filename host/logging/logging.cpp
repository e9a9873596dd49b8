#include "logging/logging.hpp"

#include <fmt/format.h>
#include <spdlog/sinks/daily_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "domain/error.hpp"

namespace dplan {

std::string default_log_file() {
    std::filesystem::path state;
    if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg != nullptr && *xdg != '\0') {
        state = xdg;
    } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
        state = std::filesystem::path(home) / ".local" / "state";
    } else {
        return {};
    }
    return (state / "dplan" / "dplan.log").string();
}

namespace {

// Deletes <stem>_YYYY-MM-DD<ext> files next to `log_file` older than log_days_kept days. Another
// process may still have one open (a dashboard left running for weeks): unlinking is safe, its
// lines go on to the file it holds until it moves to the next day's.
void prune_old_logs(const std::filesystem::path& log_file) {
    const auto folder = log_file.parent_path().empty() ? std::filesystem::path(".") : log_file.parent_path();
    const std::string stem = log_file.stem().string() + "_";
    const std::string ext = log_file.extension().string();
    const std::time_t cutoff = std::time(nullptr) - static_cast<std::time_t>(log_days_kept) * 24 * 3600;
    std::tm limit{};
    localtime_r(&cutoff, &limit);
    const std::string oldest_kept =
        fmt::format("{:04d}-{:02d}-{:02d}", limit.tm_year + 1900, limit.tm_mon + 1, limit.tm_mday);
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.size() != stem.size() + 10 + ext.size() || !name.starts_with(stem) || !name.ends_with(ext)) continue;
        const std::string date = name.substr(stem.size(), 10);
        int year = 0, month = 0, day = 0;
        if (std::sscanf(date.c_str(), "%4d-%2d-%2d", &year, &month, &day) != 3) continue;
        // ISO dates compare as text.
        if (date < oldest_kept) std::filesystem::remove(entry.path(), ec);
    }
}

}  // namespace

void setup_logging(const std::string& level_name, const std::string& log_file) {
    const auto level = spdlog::level::from_str(level_name);
    if (level == spdlog::level::off && level_name != "off") {
        throw InvalidInput(
            {fmt::format("不明的記錄層級「{}」：可用 trace、debug、info、warn、error、off", level_name),
             fmt::format("unknown log level '{}'; use trace, debug, info, warn, error or off", level_name)});
    }
    auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    // The console shows only what needs attention unless the user asks for debug output.
    console->set_level(level <= spdlog::level::debug ? level : std::max(level, spdlog::level::warn));
    console->set_pattern("dplan: %^%l%$: %v");
    std::vector<spdlog::sink_ptr> sinks{console};
    std::string file_problem;
    if (!log_file.empty()) {
        try {
            std::filesystem::create_directories(std::filesystem::path(log_file).parent_path());
            // Appended to, a new file at midnight, never truncated or renamed.
            auto file = std::make_shared<spdlog::sinks::daily_file_sink_mt>(log_file, 0, 0, false);
            file->set_level(level);
            file->set_pattern("[%Y-%m-%d %H:%M:%S.%e] [%P] [%l] %v");
            sinks.push_back(file);
            prune_old_logs(log_file);
        } catch (const std::exception& e) {
            file_problem = e.what();
        }
    }
    auto logger = std::make_shared<spdlog::logger>("dplan", sinks.begin(), sinks.end());
    logger->set_level(spdlog::level::trace);
    // Every line is written out at once: a line buffered in one process could otherwise be split
    // by another process's line, or lost when this one is killed.
    logger->flush_on(spdlog::level::trace);
    spdlog::set_default_logger(logger);
    if (!file_problem.empty()) {
        spdlog::warn(
            "無法寫入記錄檔「{}」（{}），記錄只顯示於終端機。 / cannot write log file {} ({}); logging to the "
            "terminal only",
            log_file, file_problem, log_file, file_problem);
    }
}

}  // namespace dplan
