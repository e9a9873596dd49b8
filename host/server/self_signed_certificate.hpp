// `dplan cert self-signed`: a certificate and private key for trying TLS on one machine. Browsers
// and curl will not trust it (pass it with --cacert); production uses a real certificate.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace dplan::server {

// An ECDSA P-256 key and a certificate valid for `days`, for the given host names and IP
// addresses; writes KEY (mode 0600) and CERT as PEM. Throws InvalidInput when a file cannot be
// written, naming it.
void write_self_signed_certificate(const std::filesystem::path& certificate, const std::filesystem::path& private_key,
                                   const std::vector<std::string>& names, int days);

}  // namespace dplan::server
