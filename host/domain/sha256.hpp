// SHA-256 as lower-case hex, with libsodium: plugin libraries, session tokens and the audit
// log's chain all hash this way.
#pragma once

#include <string>
#include <string_view>

namespace dplan {

std::string sha256_hex(std::string_view bytes);

}  // namespace dplan
