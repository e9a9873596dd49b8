// plugin.json: what a plugin says about itself, read and checked before any of its code runs.
//
//   { "id": "family", "version": "1.0.0", "sdk": "1.0",
//     "name": {"zh": "家庭及兒童福利服務", "en": "Family and child welfare services"},
//     "library": "libdplan_family.so", "sha256": "<hex>", "dependencies": [],
//     "bundled_libraries": [{"file": "libhelper.so.1", "sha256": "<hex>"}] }
//
// `bundled_libraries` (optional) lists the other shared objects in the plugin's folder, each
// after the ones it needs; the host loads them from their checked bytes before the plugin.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "domain/bilingual.hpp"

namespace dplan::plugins {

struct SdkVersion {
    std::uint32_t major = 0;
    std::uint32_t minor = 0;
    std::string text() const { return std::to_string(major) + "." + std::to_string(minor); }
};

struct BundledLibrary {
    std::string file;    // a file name inside the plugin's folder
    std::string sha256;  // lower-case hex
};

struct PluginManifest {
    std::filesystem::path directory;
    std::string id;
    std::string version;
    SdkVersion sdk;
    Bilingual name;
    std::string library;  // a file name inside `directory`
    std::string sha256;   // lower-case hex
    std::vector<std::string> dependencies;
    std::vector<BundledLibrary> bundled_libraries;
};

// Parses `text`, the bytes of `directory`/plugin.json as read once (the same bytes whose
// signature is checked). Throws InvalidInput naming the file, the line (for JSON syntax errors)
// or the field, and what was expected.
PluginManifest parse_manifest(const std::filesystem::path& directory, std::string_view text);

// The valid "id" of a manifest that parse_manifest() refused for another field, so the refusal
// can name the plugin; empty when there is none.
std::string declared_plugin_id(std::string_view text);

// Plugin ids: 1-64 characters of a-z, 0-9, '_' and '-', in parts joined by single dots so an
// organisation can keep its own prefix ("ngo.hkoa.outreach"); no part is empty.
bool is_valid_plugin_id(std::string_view id);

}  // namespace dplan::plugins
