// Password hashing: argon2id through libsodium's crypto_pwhash_str (salt and parameters are
// stored inside the hash string, so they can be raised later without a schema change).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dplan {

// The longest password sign-in checks; longer ones are refused before any hashing.
inline constexpr std::size_t max_password_bytes = 1024;

// Throws InvalidInput for passwords shorter than 10 characters or longer than max_password_bytes.
std::string hash_password(std::string_view password);
bool verify_password(const std::string& hash, std::string_view password);

}  // namespace dplan
