// Trusted keys, and the plugin ids each one may sign.
//
// A trusted-key file, NAME.pub, is text. Blank lines and lines starting with '#' are comments;
// one line is the Ed25519 public key (64 hex digits) and one line says which plugin ids the key
// may sign:
//
//   # Hong Kong Outreach Association, key received 2025-03-04
//   ids: ngo.hkoa.*, drug_outreach
//   3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29
//
// A pattern is a plugin id (`drug_outreach`), an id prefix ending in '*' (`ngo.hkoa.*`), or '*'
// alone for every id. `dplan plugin keygen` writes the key line only, which is what a file from
// an older version holds too. Such a bare key may sign any id when it is named on the command
// line (--trusted-key: whoever runs the command chose it, as scripts/run.sh and the tests do);
// in a key folder it is refused until an administrator adds the `ids:` line.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "domain/bilingual.hpp"

namespace dplan::plugins {

struct TrustedKey {
    std::string public_key;             // 64 hex digits, lower case
    std::vector<std::string> may_sign;  // patterns, as in the file
    std::filesystem::path file;         // where it was read from; empty when made in code

    bool may_sign_id(std::string_view plugin_id) const;
};

// A key file that could not be used, and why; the other keys are used all the same.
struct RefusedKey {
    std::filesystem::path file;
    Bilingual reason;
};

// Where a key file was named: on the command line (a bare key may sign any id) or found in a
// key folder (the file must say which ids).
enum class KeySource { command_line, key_folder };

// Reads a trusted-key file. Throws InvalidInput naming the file, the line and what was expected.
TrustedKey read_trusted_key(const std::filesystem::path& file, KeySource source);

// The public key in a key file (64 hex digits), whatever else it says.
std::string read_public_key(const std::filesystem::path& file);

struct TrustedKeys {
    std::vector<TrustedKey> keys;
    std::vector<RefusedKey> refused;
};

// The key files named on the command line, then every *.pub file in each key folder; a file
// that cannot be read is refused with its reason and the rest are read.
TrustedKeys read_trusted_keys(const std::vector<std::filesystem::path>& command_line_files,
                              const std::vector<std::filesystem::path>& key_folders);

// /etc/dplan/trusted-keys, and the user's own ~/.config/dplan/trusted-keys (from
// $XDG_CONFIG_HOME) only when $DPLAN_TRUST_USER_KEYS is 1: anything running as the user can
// write there, so an installed system does not read it unless its administrator says so.
std::vector<std::filesystem::path> default_trusted_key_folders();

}  // namespace dplan::plugins
