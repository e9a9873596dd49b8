// Password hashing: argon2id through libsodium's crypto_pwhash_str (salt and parameters are
// stored inside the hash string, so they can be raised later without a schema change).
#pragma once

#include <string>
#include <string_view>

namespace dplan {

// Throws InvalidInput for passwords shorter than 10 characters.
std::string hash_password(std::string_view password);
bool verify_password(const std::string& hash, std::string_view password);

}  // namespace dplan
