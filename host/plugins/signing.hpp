// Ed25519 signatures over plugin.json (which carries the library's SHA-256), with libsodium.
//
// Key files are text: NAME.pub holds the public key as 64 hex digits (and, once trusted, the ids
// it may sign: see trusted_keys.hpp), NAME.key the secret key (128 hex digits, readable only by
// its owner). A signed plugin folder holds plugin.sig:
//   {"public_key": "<64 hex>", "signature": "<128 hex>"}
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/sha256.hpp"
#include "plugins/trusted_keys.hpp"

namespace dplan::plugins {

struct KeyPair {
    std::filesystem::path public_key_file;
    std::filesystem::path secret_key_file;
};

// Writes PREFIX.pub and PREFIX.key; refuses to overwrite either.
KeyPair generate_signing_key(const std::filesystem::path& prefix);

// Signs `plugin_dir`/plugin.json with the secret key file; writes `plugin_dir`/plugin.sig.
void sign_plugin(const std::filesystem::path& plugin_dir, const std::filesystem::path& secret_key_file);

enum class SignatureCheck { valid, unsigned_plugin, untrusted_key, key_not_allowed_for_id, bad_signature, malformed };

struct SignatureResult {
    SignatureCheck check = SignatureCheck::malformed;
    std::string public_key;             // hex, when plugin.sig names one
    std::vector<std::string> may_sign;  // for key_not_allowed_for_id: what the key may sign
    std::string detail;                 // what was wrong, for malformed files
};

// Checks plugin.sig's bytes (nullopt: the folder has none) against plugin.json's bytes, exactly
// the bytes the manifest was parsed from, and that a trusted key allowed to sign `plugin_id` made
// it.
SignatureResult verify_manifest_signature(std::string_view manifest, const std::optional<std::string>& signature_file,
                                          std::string_view plugin_id, const std::vector<TrustedKey>& trusted_keys);

}  // namespace dplan::plugins
