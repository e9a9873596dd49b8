#include "plugins/plugin_registry.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/dll/import.hpp>
#include <boost/dll/library_info.hpp>
#include <cstdlib>
#include <sstream>
#include <fstream>
#include <set>

#include "plugins/contribution_reader.hpp"
#include "plugins/signing.hpp"

#ifndef DPLAN_SYSTEM_PLUGIN_DIR
#error "DPLAN_SYSTEM_PLUGIN_DIR must be defined by the build"
#endif

namespace dplan::plugins {

namespace {

// One plugin's trip through the checks; `refuse` ends it with a reason.
struct Refusal {
    Bilingual reason;
};

[[noreturn]] void refuse(std::string zh, std::string en) { throw Refusal{{std::move(zh), std::move(en)}}; }

std::vector<std::filesystem::path> plugin_folders(const std::vector<std::filesystem::path>& directories) {
    std::vector<std::filesystem::path> folders;
    for (const auto& directory : directories) {
        std::error_code ec;
        if (!std::filesystem::is_directory(directory, ec)) {
            spdlog::debug("plugin directory {} does not exist", directory.string());
            continue;
        }
        if (std::filesystem::exists(directory / "plugin.json")) {
            folders.push_back(directory);
            continue;
        }
        std::vector<std::filesystem::path> found;
        for (const auto& entry : std::filesystem::directory_iterator(directory, ec)) {
            if (entry.is_directory()) found.push_back(entry.path());
        }
        std::sort(found.begin(), found.end());
        folders.insert(folders.end(), found.begin(), found.end());
    }
    return folders;
}

void check_sdk_version(const PluginManifest& manifest) {
    const dplan_version host{DPLAN_SDK_VERSION_MAJOR, DPLAN_SDK_VERSION_MINOR};
    if (dplan_version_is_compatible(host, {manifest.sdk.major, manifest.sdk.minor})) return;
    const std::string host_version = fmt::format("{}.{}", host.major, host.minor);
    refuse(fmt::format("需要 SDK {}，但此主程式的 SDK 為 {}（主版本須相同，次版本不可較新）",
                       manifest.sdk.text(), host_version),
           fmt::format("built for SDK {} but this host has SDK {} (the major must match and the "
                       "minor must not be newer)",
                       manifest.sdk.text(), host_version));
}

std::filesystem::path check_library_digest(const PluginManifest& manifest) {
    const auto library = manifest.directory / manifest.library;
    if (!std::filesystem::is_regular_file(library)) {
        refuse(fmt::format("找不到程式庫檔案「{}」", library.string()),
               fmt::format("library file {} is missing", library.string()));
    }
    const std::string digest = file_sha256(library);
    if (digest != manifest.sha256) {
        refuse(fmt::format("程式庫的 SHA-256（{}）與 plugin.json 所載（{}）不符，檔案可能被改動",
                           digest, manifest.sha256),
               fmt::format("the library's SHA-256 ({}) does not match plugin.json ({}); the file "
                           "was changed after it was built",
                           digest, manifest.sha256));
    }
    return library;
}

void check_signature(const PluginManifest& manifest, const LoaderOptions& options) {
    const SignatureResult result = verify_plugin_signature(manifest.directory, options.trusted_public_keys);
    if (result.check == SignatureCheck::valid) return;
    if (options.allow_unsigned) {
        spdlog::warn("loading plugin '{}' without a valid signature (--allow-unsigned)", manifest.id);
        return;
    }
    switch (result.check) {
        case SignatureCheck::unsigned_plugin:
            refuse("未經簽署（沒有 plugin.sig）。請以 dplan plugin sign 簽署，或開發時使用 --allow-unsigned",
                   "unsigned (no plugin.sig); sign it with 'dplan plugin sign', or use "
                   "--allow-unsigned while developing");
        case SignatureCheck::untrusted_key:
            refuse(fmt::format("簽署金鑰 {} 不在信任名單上", result.public_key),
                   fmt::format("signed by key {}, which is not trusted here; an administrator "
                               "adds it with --trusted-key or to ~/.config/dplan/trusted-keys",
                               result.public_key));
        case SignatureCheck::bad_signature:
            refuse("簽署與 plugin.json 不符（檔案在簽署後被改動）",
                   "the signature does not match plugin.json (it was changed after signing)");
        default:
            refuse(fmt::format("plugin.sig 格式不正確：{}", result.detail),
                   fmt::format("plugin.sig is malformed: {}", result.detail));
    }
}

bool has_elf_magic(const std::filesystem::path& file) {
    char magic[4] = {};
    std::ifstream(file, std::ios::binary).read(magic, sizeof magic);
    return magic[0] == 0x7f && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F';
}

void check_entry_symbol(const std::filesystem::path& library) {
    if (!has_elf_magic(library)) {
        refuse(fmt::format("「{}」不是共享程式庫（不是 ELF 檔案）", library.filename().string()),
               fmt::format("{} is not a shared library (not an ELF file)", library.filename().string()));
    }
    std::vector<std::string> symbols;
    try {
        boost::dll::library_info info(library.string());
        symbols = info.symbols();
    } catch (const std::exception& e) {
        refuse(fmt::format("「{}」不是共享程式庫（{}）", library.filename().string(), e.what()),
               fmt::format("{} is not a shared library ({})", library.filename().string(), e.what()));
    }
    if (std::find(symbols.begin(), symbols.end(), DPLAN_ENTRY_SYMBOL) == symbols.end()) {
        refuse(fmt::format("程式庫沒有匯出入口符號 {}", DPLAN_ENTRY_SYMBOL),
               fmt::format("the library does not export the entry symbol '{}'; build it with "
                           "DPLAN_AREA_PLUGIN(...) or export a dplan_plugin_entry by that name",
                           DPLAN_ENTRY_SYMBOL));
    }
}

std::unique_ptr<LoadedPlugin> load_library(const PluginManifest& manifest, const std::filesystem::path& library) {
    boost::shared_ptr<const dplan_plugin_entry> entry;
    try {
        // boost::dll::import (Boost 1.76 renamed it import_symbol) loads the library and returns
        // the symbol with the library's lifetime attached.
        entry = boost::dll::import<const dplan_plugin_entry>(
            boost::dll::fs::path(library.string()), DPLAN_ENTRY_SYMBOL,
            boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
    } catch (const std::exception& e) {
        refuse(fmt::format("無法載入程式庫：{}", e.what()), fmt::format("cannot load the library: {}", e.what()));
    }
    const dplan_version host{DPLAN_SDK_VERSION_MAJOR, DPLAN_SDK_VERSION_MINOR};
    if (!dplan_version_is_compatible(host, entry->sdk_version)) {
        refuse(fmt::format("程式庫以 SDK {}.{} 建置，但此主程式的 SDK 為 {}.{}", entry->sdk_version.major,
                           entry->sdk_version.minor, host.major, host.minor),
               fmt::format("the library was built with SDK {}.{} but this host has SDK {}.{}",
                           entry->sdk_version.major, entry->sdk_version.minor, host.major, host.minor));
    }
    if (entry->plugin_id == nullptr || manifest.id != entry->plugin_id) {
        refuse("程式庫的外掛代號與 plugin.json 不符",
               fmt::format("the library calls itself '{}' but plugin.json says '{}'",
                           entry->plugin_id == nullptr ? "(nothing)" : entry->plugin_id, manifest.id));
    }
    try {
        return std::make_unique<LoadedPlugin>(manifest, std::move(entry));
    } catch (const Error& e) {
        throw Refusal{e.message()};
    }
}

}  // namespace

PluginRegistry PluginRegistry::load(const LoaderOptions& options) {
    PluginRegistry registry;
    std::vector<PluginManifest> waiting;
    std::set<std::string> seen_ids;

    for (const auto& folder : plugin_folders(options.directories)) {
        std::string id;
        try {
            PluginManifest manifest = read_manifest(folder);
            id = manifest.id;
            check_sdk_version(manifest);
            check_library_digest(manifest);
            check_signature(manifest, options);
            if (!seen_ids.insert(manifest.id).second) {
                refuse(fmt::format("已有另一個代號為「{}」的外掛", manifest.id),
                       fmt::format("another plugin with id '{}' was found first", manifest.id));
            }
            waiting.push_back(std::move(manifest));
        } catch (const Refusal& refusal) {
            registry.refused_.push_back({folder, id, refusal.reason});
        } catch (const Error& e) {
            registry.refused_.push_back({folder, id, e.message()});
        }
    }

    // Load in dependency order: a plugin waits until everything it depends on is loaded.
    bool progress = true;
    while (!waiting.empty() && progress) {
        progress = false;
        for (auto it = waiting.begin(); it != waiting.end();) {
            const bool ready = std::all_of(it->dependencies.begin(), it->dependencies.end(),
                                           [&](const std::string& dependency) { return registry.find(dependency) != nullptr; });
            if (!ready) {
                ++it;
                continue;
            }
            try {
                const auto library = it->directory / it->library;
                check_entry_symbol(library);
                registry.loaded_.push_back(load_library(*it, library));
                spdlog::debug("loaded plugin '{}' {} from {}", it->id, it->version, it->directory.string());
            } catch (const Refusal& refusal) {
                registry.refused_.push_back({it->directory, it->id, refusal.reason});
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
        registry.refused_.push_back({manifest.directory, manifest.id,
                                     {fmt::format("需要未載入的外掛：{}", missing),
                                      fmt::format("needs plugins that are not loaded: {}", missing)}});
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

std::vector<std::filesystem::path> default_plugin_directories() {
    std::vector<std::filesystem::path> directories{DPLAN_SYSTEM_PLUGIN_DIR};
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg != '\0') {
        directories.push_back(std::filesystem::path(xdg) / "dplan" / "plugins");
    } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
        directories.push_back(std::filesystem::path(home) / ".local" / "share" / "dplan" / "plugins");
    }
    return directories;
}

std::vector<std::filesystem::path> default_trusted_key_files() {
    std::vector<std::filesystem::path> key_dirs{"/etc/dplan/trusted-keys"};
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && *xdg != '\0') {
        key_dirs.push_back(std::filesystem::path(xdg) / "dplan" / "trusted-keys");
    } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
        key_dirs.push_back(std::filesystem::path(home) / ".config" / "dplan" / "trusted-keys");
    }
    std::vector<std::filesystem::path> files;
    for (const auto& dir : key_dirs) {
        std::error_code ec;
        if (!std::filesystem::is_directory(dir, ec)) continue;
        for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
            if (entry.path().extension() == ".pub") files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

LoaderOptions standard_loader_options(const std::vector<std::string>& plugin_dirs,
                                      const std::vector<std::string>& trusted_key_files, bool allow_unsigned) {
    LoaderOptions loader;
    for (const auto& dir : plugin_dirs) loader.directories.emplace_back(dir);
    if (const char* path = std::getenv("DPLAN_PLUGIN_PATH"); path != nullptr) {
        std::stringstream parts(path);
        for (std::string dir; std::getline(parts, dir, ':');) {
            if (!dir.empty()) loader.directories.emplace_back(dir);
        }
    }
    for (const auto& dir : default_plugin_directories()) loader.directories.push_back(dir);
    for (const auto& file : trusted_key_files) loader.trusted_public_keys.push_back(read_public_key(file));
    for (const auto& file : default_trusted_key_files()) loader.trusted_public_keys.push_back(read_public_key(file));
    loader.allow_unsigned = allow_unsigned;
    return loader;
}

}  // namespace dplan::plugins
