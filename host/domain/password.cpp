#include "domain/password.hpp"

#include <sodium.h>

#include <stdexcept>

#include "domain/error.hpp"

namespace dplan {

namespace {
void ensure_sodium() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}
}  // namespace

std::string hash_password(std::string_view password) {
    if (password.size() < 10) {
        throw InvalidInput({"密碼最少要有 10 個字元", "a password needs at least 10 characters"});
    }
    // Sign-in refuses longer ones (services/sign_in.cpp): a longer password could never be used.
    if (password.size() > max_password_bytes) {
        throw InvalidInput({"密碼最多可有 1024 個位元組", "a password may have at most 1024 bytes"});
    }
    ensure_sodium();
    char hash[crypto_pwhash_STRBYTES];
    // Interactive limits keep sign-in under a second on the 2-core machines offices use.
    if (crypto_pwhash_str_alg(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw std::runtime_error("out of memory while hashing a password");
    }
    return hash;
}

bool verify_password(const std::string& hash, std::string_view password) {
    ensure_sodium();
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

}  // namespace dplan
