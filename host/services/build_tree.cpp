#include "services/build_tree.hpp"

#include <spdlog/spdlog.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace dplan {

namespace {

// The marker beside the running binary, or an empty path.
std::filesystem::path marker_beside_this_binary() {
    std::error_code ec;
    const auto binary = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    auto marker = binary.parent_path() / "build-tree.json";
    return std::filesystem::is_regular_file(marker, ec) ? marker : std::filesystem::path{};
}

}  // namespace

PluginSources with_build_tree(PluginSources given) {
    const char* path = std::getenv("DPLAN_PLUGIN_PATH");
    if (!given.plugin_dirs.empty() || (path != nullptr && *path != '\0')) return given;
    const auto marker = marker_beside_this_binary();
    if (marker.empty()) return given;
    try {
        std::ifstream in(marker);
        const auto document = nlohmann::json::parse(in);
        const auto plugin_dir = document.at("plugin_dir").get<std::string>();
        const auto trusted_key = document.at("trusted_key").get<std::string>();
        given.plugin_dirs.push_back(plugin_dir);
        // The key exists once the build has signed the plugins; before that they stay unloaded.
        if (std::filesystem::is_regular_file(trusted_key)) given.trusted_keys.push_back(trusted_key);
        spdlog::debug("build tree {}: plugins from {}, development key {}", marker.string(), plugin_dir, trusted_key);
    } catch (const std::exception& e) {
        spdlog::warn("ignoring {}: {}", marker.string(), e.what());
    }
    return given;
}

}  // namespace dplan
