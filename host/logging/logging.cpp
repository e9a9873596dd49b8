#include "logging/logging.hpp"

#include <fmt/format.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
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

void setup_logging(const std::string& level_name, const std::string& log_file) {
    const auto level = spdlog::level::from_str(level_name);
    if (level == spdlog::level::off && level_name != "off") {
        throw InvalidInput(
            {fmt::format("不明的記錄層級「{}」：可用 trace、debug、info、warn、error、off", level_name),
             fmt::format("unknown log level '{}'; use trace, debug, info, warn, error or off",
                         level_name)});
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
            auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(log_file, 5 * 1024 * 1024, 3);
            file->set_level(level);
            sinks.push_back(file);
        } catch (const std::exception& e) {
            file_problem = e.what();
        }
    }
    auto logger = std::make_shared<spdlog::logger>("dplan", sinks.begin(), sinks.end());
    logger->set_level(spdlog::level::trace);
    spdlog::set_default_logger(logger);
    if (!file_problem.empty()) {
        spdlog::warn("cannot write log file {} ({}); logging to the terminal only", log_file,
                     file_problem);
    }
}

}  // namespace dplan
