#include "plugins/plugin_checks.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/dll/library_info.hpp>

#include "dplan/sdk/plugin.h"

namespace dplan::plugins {

namespace {

[[noreturn]] void refuse(std::string zh, std::string en) { throw PluginRefused({std::move(zh), std::move(en)}); }

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

SealedLibrary sealed_and_checked(const PluginManifest& manifest, const std::string& file, const std::string& sha256) {
    SealedLibrary library = SealedLibrary::copy_of(manifest.directory / file);
    if (library.sha256() != sha256) {
        refuse(fmt::format("程式庫「{}」的 SHA-256（{}）與 plugin.json 所載（{}）不符，檔案可能被改動", file,
                           library.sha256(), sha256),
               fmt::format("the SHA-256 of {} ({}) does not match plugin.json ({}); the file was "
                           "changed after it "
                           "was built",
                           file, library.sha256(), sha256));
    }
    return library;
}

void check_entry_symbol(const SealedLibrary& library) {
    const std::string name = library.file().filename().string();
    if (!library.is_elf()) {
        refuse(fmt::format("「{}」不是共享程式庫（不是 ELF 檔案）", name),
               fmt::format("{} is not a shared library (not an ELF file)", name));
    }
    std::vector<std::string> symbols;
    try {
        boost::dll::library_info info(library.path());
        symbols = info.symbols();
    } catch (const std::exception& e) {
        refuse(fmt::format("「{}」不是共享程式庫（系統訊息：「{}」）", name, e.what()),
               fmt::format("{} is not a shared library ({})", name, e.what()));
    }
    if (!contains(symbols, DPLAN_ENTRY_SYMBOL)) {
        refuse(fmt::format("程式庫沒有匯出入口符號 {}", DPLAN_ENTRY_SYMBOL),
               fmt::format("the library does not export the entry symbol '{}'; build it with "
                           "DPLAN_AREA_PLUGIN(...) or export a dplan_plugin_entry by that name",
                           DPLAN_ENTRY_SYMBOL));
    }
}

}  // namespace

void check_sdk_version(const PluginManifest& manifest) {
    const dplan_version host{DPLAN_SDK_VERSION_MAJOR, DPLAN_SDK_VERSION_MINOR};
    if (dplan_version_is_compatible(host, {manifest.sdk.major, manifest.sdk.minor})) return;
    const std::string host_version = fmt::format("{}.{}", host.major, host.minor);
    refuse(fmt::format("需要 SDK {}，但此主程式的 SDK 為 {}（主版本須相同，次版本不可較新）", manifest.sdk.text(),
                       host_version),
           fmt::format("built for SDK {} but this host has SDK {} (the major must match and the "
                       "minor must not be newer)",
                       manifest.sdk.text(), host_version));
}

void check_folder_contents(const PluginFolder& folder, const PluginManifest& manifest) {
    std::vector<std::string> listed{manifest.library};
    for (const auto& bundled : manifest.bundled_libraries) listed.push_back(bundled.file);
    for (const auto& file : listed) {
        if (!contains(folder.files, file)) {
            const auto path = (manifest.directory / file).string();
            refuse(fmt::format("找不到程式庫檔案「{}」", path), fmt::format("library file {} is missing", path));
        }
    }
    for (const auto& shared_object : folder.shared_objects) {
        if (contains(listed, shared_object)) continue;
        refuse(fmt::format("資料夾內的共享程式庫「{}」未列於 plugin.json；請把它連同 SHA-256 列入 "
                           "bundled_libraries，或把它移走",
                           shared_object),
               fmt::format("the shared object {} in its folder is not listed in plugin.json; list it under "
                           "bundled_libraries with its SHA-256, or remove it",
                           shared_object));
    }
}

SignatureResult check_signature(const PluginFolder& folder, const PluginManifest& manifest,
                                const std::vector<TrustedKey>& trusted_keys, bool allow_unsigned) {
    const SignatureResult result =
        verify_manifest_signature(folder.manifest, folder.signature, manifest.id, trusted_keys);
    if (result.check == SignatureCheck::valid) return result;
    if (allow_unsigned) {
        spdlog::warn("loading plugin '{}' without a valid signature (--allow-unsigned)", manifest.id);
        return result;
    }
    switch (result.check) {
        case SignatureCheck::unsigned_plugin:
            refuse(
                "未經簽署（沒有 plugin.sig）。請以 dplan plugin sign 簽署，或開發時使用 "
                "--allow-unsigned",
                "unsigned (no plugin.sig); sign it with 'dplan plugin sign', or use "
                "--allow-unsigned while developing");
        case SignatureCheck::untrusted_key:
            refuse(fmt::format("簽署金鑰 {} 不在信任名單上；管理員可以 --trusted-key 或在 "
                               "/etc/dplan/trusted-keys 加入",
                               result.public_key),
                   fmt::format("signed by key {}, which is not trusted here; an administrator "
                               "adds it with --trusted-key or to /etc/dplan/trusted-keys",
                               result.public_key));
        case SignatureCheck::key_not_allowed_for_id:
            refuse(fmt::format("簽署金鑰 {} 只獲信任簽署 {}，不可簽署「{}」", result.public_key,
                               fmt::join(result.may_sign, "、"), manifest.id),
                   fmt::format("signed by key {}, which is trusted to sign only {}, not '{}'", result.public_key,
                               fmt::join(result.may_sign, ", "), manifest.id));
        case SignatureCheck::bad_signature:
            refuse("簽署與 plugin.json 不符（檔案在簽署後被改動）",
                   "the signature does not match plugin.json (it was changed after signing)");
        default:
            refuse(fmt::format("plugin.sig 格式不正確：「{}」", result.detail),
                   fmt::format("plugin.sig is malformed: {}", result.detail));
    }
}

std::vector<SealedLibrary> sealed_libraries(const PluginManifest& manifest) {
    std::vector<SealedLibrary> libraries;
    for (const auto& bundled : manifest.bundled_libraries) {
        libraries.push_back(sealed_and_checked(manifest, bundled.file, bundled.sha256));
    }
    libraries.push_back(sealed_and_checked(manifest, manifest.library, manifest.sha256));
    check_entry_symbol(libraries.back());
    return libraries;
}

}  // namespace dplan::plugins
