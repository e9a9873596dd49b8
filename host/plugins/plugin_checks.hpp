// The checks a plugin passes before any of its code is loaded, shared by the loader and
// `dplan plugin verify`. Each throws PluginRefused with the reason in both languages.
#pragma once

#include <vector>

#include "domain/error.hpp"
#include "plugins/manifest.hpp"
#include "plugins/plugin_folder.hpp"
#include "plugins/sealed_library.hpp"
#include "plugins/signing.hpp"
#include "plugins/trusted_keys.hpp"

namespace dplan::plugins {

class PluginRefused : public Error {
    using Error::Error;
};

// The manifest's SDK version fits this host.
void check_sdk_version(const PluginManifest& manifest);

// The library is in the folder, and every shared object in the folder is the library or one of
// its bundled libraries: nothing unchecked can be loaded from there.
void check_folder_contents(const PluginFolder& folder, const PluginManifest& manifest);

// plugin.sig signs exactly the manifest's bytes, by a trusted key allowed to sign this id. With
// `allow_unsigned` (development only) a missing or bad signature is logged instead.
SignatureResult check_signature(const PluginFolder& folder, const PluginManifest& manifest,
                                const std::vector<TrustedKey>& trusted_keys, bool allow_unsigned);

// The bundled libraries, then the plugin's library, each copied into sealed memory and its
// SHA-256 checked there; the plugin's library must be ELF and export `dplan_entry`. Load them
// in this order, from these copies.
std::vector<SealedLibrary> sealed_libraries(const PluginManifest& manifest);

}  // namespace dplan::plugins
