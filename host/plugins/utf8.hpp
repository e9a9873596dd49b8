// Everything a plugin hands over is checked before the host keeps it.
#pragma once

#include <string_view>

namespace dplan::plugins {

// Well-formed UTF-8: no overlong forms, no surrogates, nothing past U+10FFFF.
bool is_valid_utf8(std::string_view text);

}  // namespace dplan::plugins
