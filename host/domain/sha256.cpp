#include "domain/sha256.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>

namespace dplan {

std::string sha256_hex(std::string_view bytes) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    std::string hex(digest.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    hex.pop_back();
    return hex;
}

}  // namespace dplan
