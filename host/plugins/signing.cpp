#include "plugins/signing.hpp"

#include <fmt/format.h>
#include <sodium.h>
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "domain/error.hpp"

namespace dplan::plugins {

namespace {

void ensure_sodium() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

std::string read_all(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw InvalidInput(
            {fmt::format("無法讀取檔案「{}」", file.string()), fmt::format("cannot read {}", file.string())});
    }
    return {std::istreambuf_iterator<char>(in), {}};
}

std::string to_hex(const unsigned char* data, std::size_t size) {
    std::string hex(size * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), data, size);
    hex.pop_back();
    return hex;
}

// Decodes exactly `size` bytes of hex, ignoring surrounding white space; false when malformed.
bool from_hex(std::string_view hex, unsigned char* out, std::size_t size) {
    const auto first = hex.find_first_not_of(" \t\r\n");
    const auto last = hex.find_last_not_of(" \t\r\n");
    if (first == std::string_view::npos) return false;
    hex = hex.substr(first, last - first + 1);
    std::size_t written = 0;
    return sodium_hex2bin(out, size, hex.data(), hex.size(), nullptr, &written, nullptr) == 0 && written == size &&
           hex.size() == size * 2;
}

void write_file(const std::filesystem::path& file, const std::string& text, bool secret) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out) {
        throw InvalidInput(
            {fmt::format("無法寫入檔案「{}」", file.string()), fmt::format("cannot write {}", file.string())});
    }
    if (secret) chmod(file.c_str(), S_IRUSR | S_IWUSR);
    out << text;
}

}  // namespace

KeyPair generate_signing_key(const std::filesystem::path& prefix) {
    ensure_sodium();
    KeyPair pair{prefix.string() + ".pub", prefix.string() + ".key"};
    for (const auto& file : {pair.public_key_file, pair.secret_key_file}) {
        if (std::filesystem::exists(file)) {
            throw InvalidInput({fmt::format("「{}」已存在，不會覆蓋", file.string()),
                                fmt::format("{} already exists; it is not overwritten", file.string())});
        }
    }
    if (prefix.has_parent_path()) std::filesystem::create_directories(prefix.parent_path());
    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> public_key{};
    std::array<unsigned char, crypto_sign_SECRETKEYBYTES> secret_key{};
    crypto_sign_keypair(public_key.data(), secret_key.data());
    write_file(pair.secret_key_file, to_hex(secret_key.data(), secret_key.size()) + "\n", true);
    sodium_memzero(secret_key.data(), secret_key.size());
    write_file(pair.public_key_file, to_hex(public_key.data(), public_key.size()) + "\n", false);
    return pair;
}

void sign_plugin(const std::filesystem::path& plugin_dir, const std::filesystem::path& secret_key_file) {
    ensure_sodium();
    std::array<unsigned char, crypto_sign_SECRETKEYBYTES> secret_key{};
    if (!from_hex(read_all(secret_key_file), secret_key.data(), secret_key.size())) {
        throw InvalidInput(
            {fmt::format("「{}」不是私密金鑰檔（應為 128 個十六進位數字）", secret_key_file.string()),
             fmt::format("{} is not a secret key file (expected 128 hex digits)", secret_key_file.string())});
    }
    const std::string manifest = read_all(plugin_dir / "plugin.json");
    std::array<unsigned char, crypto_sign_BYTES> signature{};
    crypto_sign_detached(signature.data(), nullptr, reinterpret_cast<const unsigned char*>(manifest.data()),
                         manifest.size(), secret_key.data());
    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> public_key{};
    crypto_sign_ed25519_sk_to_pk(public_key.data(), secret_key.data());
    sodium_memzero(secret_key.data(), secret_key.size());
    const nlohmann::json sig = {{"public_key", to_hex(public_key.data(), public_key.size())},
                                {"signature", to_hex(signature.data(), signature.size())}};
    write_file(plugin_dir / "plugin.sig", sig.dump(2) + "\n", false);
}

SignatureResult verify_manifest_signature(std::string_view manifest, const std::optional<std::string>& signature_file,
                                          std::string_view plugin_id, const std::vector<TrustedKey>& trusted_keys) {
    ensure_sodium();
    SignatureResult result;
    if (!signature_file) {
        result.check = SignatureCheck::unsigned_plugin;
        return result;
    }
    nlohmann::json sig;
    try {
        sig = nlohmann::json::parse(*signature_file);
    } catch (const nlohmann::json::exception& e) {  // syntax, or a number beyond a double
        result.detail = e.what();
        return result;
    }
    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> public_key{};
    std::array<unsigned char, crypto_sign_BYTES> signature{};
    if (!sig.is_object() || !sig.contains("public_key") || !sig["public_key"].is_string() ||
        !sig.contains("signature") || !sig["signature"].is_string() ||
        !from_hex(sig["public_key"].get<std::string>(), public_key.data(), public_key.size()) ||
        !from_hex(sig["signature"].get<std::string>(), signature.data(), signature.size())) {
        result.detail = "expected {\"public_key\": <64 hex>, \"signature\": <128 hex>}";
        return result;
    }
    result.public_key = to_hex(public_key.data(), public_key.size());
    // The same key may be trusted by more than one file, each for its own ids.
    std::vector<const TrustedKey*> entries;
    for (const auto& key : trusted_keys) {
        if (key.public_key == result.public_key) entries.push_back(&key);
    }
    if (entries.empty()) {
        result.check = SignatureCheck::untrusted_key;
        return result;
    }
    if (crypto_sign_verify_detached(signature.data(), reinterpret_cast<const unsigned char*>(manifest.data()),
                                    manifest.size(), public_key.data()) != 0) {
        result.check = SignatureCheck::bad_signature;
        return result;
    }
    if (std::none_of(entries.begin(), entries.end(),
                     [&](const TrustedKey* key) { return key->may_sign_id(plugin_id); })) {
        for (const auto* key : entries)
            result.may_sign.insert(result.may_sign.end(), key->may_sign.begin(), key->may_sign.end());
        result.check = SignatureCheck::key_not_allowed_for_id;
        return result;
    }
    result.check = SignatureCheck::valid;
    return result;
}

}  // namespace dplan::plugins
