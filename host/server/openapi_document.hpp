// docs/openapi.json, embedded at build time (cmake/embed_text.cmake).
#pragma once

#include <string_view>

namespace dplan::server {

std::string_view openapi_document();

}  // namespace dplan::server
