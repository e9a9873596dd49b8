#include "plugins/plugin_registry.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/make_shared.hpp>
#include <cstdlib>
#include <map>
#include <set>
#include <sstream>

#include "plugins/plugin_checks.hpp"

#ifndef DPLAN_SYSTEM_PLUGIN_DIR
#error "DPLAN_SYSTEM_PLUGIN_DIR must be defined by the build"
#endif

namespace dplan::plugins {

namespace {

[[noreturn]] void refuse(std::string zh, std::string en) { throw PluginRefused({std::move(zh), std::move(en)}); }

// The plugin folders in the given directories, in order; a folder reached twice counts once.
std::vector<std::filesystem::path> plugin_folders(const std::vector<std::filesystem::path>& directories) {
    std::vector<std::filesystem::path> folders;
    std::set<std::filesystem::path> seen;
    auto add = [&](const std::filesystem::path& folder) {
        std::error_code ec;
        const auto canonical = std::filesystem::weakly_canonical(folder, ec);
        if (seen.insert(ec ? folder : canonical).second) folders.push_back(folder);
    };
    for (const auto& directory : directories) {
        std::error_code ec;
        if (!std::filesystem::is_directory(directory, ec)) {
            spdlog::debug("plugin directory {} does not exist", directory.string());
            continue;
        }
        if (std::filesystem::exists(directory / "plugin.json", ec)) {
            add(directory);
            continue;
        }
        std::vector<std::filesystem::path> found;
        for (const auto& entry : std::filesystem::directory_iterator(directory, ec)) {
            if (entry.is_directory()) found.push_back(entry.path());
        }
        std::sort(found.begin(), found.end());
        for (const auto& folder : found) add(folder);
    }
    return folders;
}

// Steps 6 to 9 for one plugin: its libraries are checked just before they are loaded, and
// loaded from the very bytes that were checked.
std::unique_ptr<LoadedPlugin> check_and_load(const PluginManifest& manifest, const LoaderOptions& options) {
    std::vector<SealedLibrary> libraries = sealed_libraries(manifest);
    if (options.after_library_check) options.after_library_check(manifest);

    // Holds the libraries (and their sealed copies) while the entry, which points into them, lives.
    auto code = boost::make_shared<SealedLibraries>();
    const boost::dll::shared_library* library = nullptr;
    try {
        for (auto& sealed : libraries) library = &code->load(std::move(sealed));
    } catch (const Error& e) {
        throw PluginRefused(e.message());
    }
    if (!library->has(DPLAN_ENTRY_SYMBOL)) {
        refuse(fmt::format("程式庫沒有匯出入口符號 {}", DPLAN_ENTRY_SYMBOL),
               fmt::format("the library does not export the entry symbol '{}'", DPLAN_ENTRY_SYMBOL));
    }
    boost::shared_ptr<const dplan_plugin_entry> entry(code,
                                                      &library->get<const dplan_plugin_entry>(DPLAN_ENTRY_SYMBOL));

    const dplan_version host{DPLAN_SDK_VERSION_MAJOR, DPLAN_SDK_VERSION_MINOR};
    if (!dplan_version_is_compatible(host, entry->sdk_version)) {
        refuse(fmt::format("程式庫以 SDK {}.{} 建置，但此主程式的 SDK 為 {}.{}", entry->sdk_version.major,
                           entry->sdk_version.minor, host.major, host.minor),
               fmt::format("the library was built with SDK {}.{} but this host has SDK {}.{}", entry->sdk_version.major,
                           entry->sdk_version.minor, host.major, host.minor));
    }
    if (entry->plugin_id == nullptr || manifest.id != entry->plugin_id) {
        refuse("程式庫的外掛代號與 plugin.json 不符",
               fmt::format("the library calls itself '{}' but plugin.json says '{}'",
                           entry->plugin_id == nullptr ? "(nothing)" : entry->plugin_id, manifest.id));
    }
    try {
        return std::make_unique<LoadedPlugin>(manifest, std::move(entry));
    } catch (const Error& e) {
        throw PluginRefused(e.message());
    }
}

Bilingual missing_dependencies(const std::string& missing) {
    return {
        fmt::format("「dependencies」所列的外掛未有載入：{}（應為已載入外掛的代號）", missing),
        fmt::format("needs plugins that are not loaded: {} (dependencies lists the ids of loaded plugins)", missing)};
}

}  // namespace

PluginRegistry PluginRegistry::load(const LoaderOptions& options) {
    PluginRegistry registry;
    registry.refused_keys_ = options.refused_keys;
    std::vector<PluginManifest> waiting;
    std::map<std::string, std::filesystem::path> claimed;  // id -> the folder that keeps it

    for (const auto& folder : plugin_folders(options.directories)) {
        std::string id;
        try {
            const PluginFolder files = read_plugin_folder(folder);
            id = declared_plugin_id(files.manifest);  // names the plugin even when another field is wrong
            PluginManifest manifest = parse_manifest(folder, files.manifest);
            id = manifest.id;
            // Claimed as soon as the id is known: a plugin of higher precedence that fails a later
            // check still keeps its id, so nothing elsewhere can stand in for it.
            if (const auto first = claimed.find(id); first != claimed.end()) {
                refuse(fmt::format("已有另一個代號為「{}」的外掛，在優先的資料夾「{}"
                                   "」；外掛不可取代同一代號的外掛",
                                   id, first->second.string()),
                       fmt::format("another plugin with id '{}' was found first, in {}, which "
                                   "takes precedence; a "
                                   "plugin cannot replace one with the same id",
                                   id, first->second.string()));
            }
            claimed.emplace(id, folder);
            check_sdk_version(manifest);
            check_folder_contents(files, manifest);
            check_signature(files, manifest, options.trusted_keys, options.allow_unsigned);
            waiting.push_back(std::move(manifest));
        } catch (const Error& e) {
            registry.refused_.push_back({folder, id, e.message()});
        } catch (const std::exception& e) {  // the file system failed under us
            registry.refused_.push_back({folder,
                                         id,
                                         {fmt::format("無法讀取外掛資料夾（系統訊息：「{}」）", e.what()),
                                          fmt::format("cannot read the plugin's folder: {}", e.what())}});
        }
    }

    // Load in dependency order: a plugin waits until everything it depends on is loaded.
    bool progress = true;
    while (!waiting.empty() && progress) {
        progress = false;
        for (auto it = waiting.begin(); it != waiting.end();) {
            const bool ready =
                std::all_of(it->dependencies.begin(), it->dependencies.end(),
                            [&](const std::string& dependency) { return registry.find(dependency) != nullptr; });
            if (!ready) {
                ++it;
                continue;
            }
            try {
                registry.loaded_.push_back(check_and_load(*it, options));
                spdlog::debug("loaded plugin '{}' {} from {}", it->id, it->version, it->directory.string());
            } catch (const Error& e) {
                registry.refused_.push_back({it->directory, it->id, e.message()});
            }
            it = waiting.erase(it);
            progress = true;
        }
    }
    for (const auto& manifest : waiting) {
        std::string missing;
        for (const auto& dependency : manifest.dependencies) {
            if (registry.find(dependency) == nullptr) missing += (missing.empty() ? "" : ", ") + dependency;
        }
        registry.refused_.push_back({manifest.directory, manifest.id, missing_dependencies(missing)});
    }
    for (const auto& refused : registry.refused_keys_) {
        spdlog::warn("trusted key {} refused: {}", refused.file.string(), refused.reason.en);
    }
    for (const auto& refused : registry.refused_) {
        spdlog::warn("plugin {} refused: {}", refused.id.empty() ? refused.directory.string() : refused.id,
                     refused.reason.en);
    }
    return registry;
}

const LoadedPlugin* PluginRegistry::find(std::string_view id) const {
    for (const auto& plugin : loaded_) {
        if (plugin->id() == id) return plugin.get();
    }
    return nullptr;
}

const LoadedPlugin* PluginRegistry::find_area(std::string_view area_id) const {
    for (const auto& plugin : loaded_) {
        if (plugin->area() && plugin->area()->id == area_id) return plugin.get();
    }
    return nullptr;
}

void PluginRegistry::disable(std::string_view id, Bilingual reason) {
    auto found = std::find_if(loaded_.begin(), loaded_.end(), [&](const auto& p) { return p->id() == id; });
    if (found == loaded_.end()) return;
    spdlog::warn("plugin '{}' disabled: {}", id, reason.en);
    refused_.push_back({(*found)->manifest().directory, std::string(id), std::move(reason)});
    loaded_.erase(found);
}

LoaderOptions standard_loader_options(const std::vector<std::string>& plugin_dirs,
                                      const std::vector<std::string>& trusted_key_files, bool allow_unsigned) {
    LoaderOptions loader;
    // The system folder comes first: an installed plugin cannot be shadowed from anywhere else.
    loader.directories.emplace_back(DPLAN_SYSTEM_PLUGIN_DIR);
    for (const auto& dir : plugin_dirs) loader.directories.emplace_back(dir);
    if (const char* path = std::getenv("DPLAN_PLUGIN_PATH"); path != nullptr) {
        std::stringstream parts(path);
        for (std::string dir; std::getline(parts, dir, ':');) {
            if (!dir.empty()) loader.directories.emplace_back(dir);
        }
    }
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg != '\0') {
        loader.directories.push_back(std::filesystem::path(xdg) / "dplan" / "plugins");
    } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
        loader.directories.push_back(std::filesystem::path(home) / ".local" / "share" / "dplan" / "plugins");
    }
    std::vector<std::filesystem::path> key_files(trusted_key_files.begin(), trusted_key_files.end());
    TrustedKeys keys = read_trusted_keys(key_files, default_trusted_key_folders());
    loader.trusted_keys = std::move(keys.keys);
    loader.refused_keys = std::move(keys.refused);
    loader.allow_unsigned = allow_unsigned;
    return loader;
}

}  // namespace dplan::plugins
