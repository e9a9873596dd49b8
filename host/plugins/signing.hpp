// Ed25519 signatures over plugin.json (which carries the library's SHA-256), with libsodium.
//
// Key files are text: NAME.pub holds the public key as 64 hex digits, NAME.key the secret key
// (128 hex digits, readable only by its owner). A signed plugin folder holds plugin.sig:
//   {"public_key": "<64 hex>", "signature": "<128 hex>"}
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace dplan::plugins {

// SHA-256 of a file's bytes, lower-case hex. Throws InvalidInput when unreadable.
std::string file_sha256(const std::filesystem::path& file);

struct KeyPair {
    std::filesystem::path public_key_file;
    std::filesystem::path secret_key_file;
};

// Writes PREFIX.pub and PREFIX.key; refuses to overwrite either.
KeyPair generate_signing_key(const std::filesystem::path& prefix);

// Signs `plugin_dir`/plugin.json with the secret key file; writes `plugin_dir`/plugin.sig.
void sign_plugin(const std::filesystem::path& plugin_dir, const std::filesystem::path& secret_key_file);

// Reads a .pub file (64 hex digits). Throws InvalidInput naming the file when malformed.
std::string read_public_key(const std::filesystem::path& file);

enum class SignatureCheck { valid, unsigned_plugin, untrusted_key, bad_signature, malformed };

struct SignatureResult {
    SignatureCheck check = SignatureCheck::malformed;
    std::string public_key;  // hex, when plugin.sig names one
    std::string detail;      // what was wrong, for malformed files
};

// Checks plugin.sig against plugin.json and the trusted public keys (hex).
SignatureResult verify_plugin_signature(const std::filesystem::path& plugin_dir,
                                        const std::vector<std::string>& trusted_public_keys);

}  // namespace dplan::plugins
