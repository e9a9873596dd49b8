#include "server/self_signed_certificate.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>

#include <cstdio>
#include <ctime>
#include <functional>
#include <memory>

#include "domain/error.hpp"

namespace dplan::server {

namespace {

template <typename T, void (*Free)(T*)>
using Owned = std::unique_ptr<T, decltype([](T* p) { Free(p); })>;

[[noreturn]] void fail(const std::string& what) {
    throw InvalidInput(
        {fmt::format("無法產生自簽證書：{}", what), fmt::format("cannot make the self-signed certificate: {}", what)});
}

bool is_ip_address(const std::string& name) {
    return name.find_first_not_of("0123456789.") == std::string::npos || name.find(':') != std::string::npos;
}

void write_pem(const std::filesystem::path& file, bool secret, const std::function<int(FILE*)>& write) {
    const mode_t previous = ::umask(secret ? 077 : 022);
    FILE* out = std::fopen(file.c_str(), "w");
    ::umask(previous);
    if (out == nullptr) {
        throw InvalidInput({fmt::format("無法寫入 {}", file.string()), fmt::format("cannot write {}", file.string())});
    }
    const int written = write(out);
    if (std::fclose(out) != 0 || written != 1) fail(file.string());
}

}  // namespace

void write_self_signed_certificate(const std::filesystem::path& certificate, const std::filesystem::path& private_key,
                                   const std::vector<std::string>& names, int days) {
    if (names.empty()) fail("no host name");
    Owned<EVP_PKEY, EVP_PKEY_free> key(EVP_EC_gen("P-256"));
    if (!key) fail("key generation");
    Owned<X509, X509_free> cert(X509_new());
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), static_cast<long>(std::time(nullptr)));
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), 0);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), static_cast<long>(days) * 24 * 60 * 60);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME* subject = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("District Planner"),
                               -1, -1, 0);
    X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(names[0].c_str()),
                               -1, -1, 0);
    X509_set_issuer_name(cert.get(), subject);
    std::string alt_names;
    for (const auto& name : names) {
        if (!alt_names.empty()) alt_names += ',';
        alt_names += (is_ip_address(name) ? "IP:" : "DNS:") + name;
    }
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, cert.get(), cert.get(), nullptr, nullptr, 0);
    Owned<X509_EXTENSION, X509_EXTENSION_free> extension(
        X509V3_EXT_conf_nid(nullptr, &context, NID_subject_alt_name, alt_names.c_str()));
    if (!extension || X509_add_ext(cert.get(), extension.get(), -1) != 1) fail("subject names " + alt_names);
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) fail("signing");
    write_pem(private_key, true,
              [&](FILE* out) { return PEM_write_PrivateKey(out, key.get(), nullptr, nullptr, 0, nullptr, nullptr); });
    write_pem(certificate, false, [&](FILE* out) { return PEM_write_X509(out, cert.get()); });
}

}  // namespace dplan::server
