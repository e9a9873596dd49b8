// The first characters of a text, for labels and for quoting what a user sent in a message
// (a field's name that may be a megabyte long): cut between UTF-8 sequences, never inside one.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dplan {

// `text` itself when it has at most `characters` characters; otherwise that many, then "…".
std::string opening(std::string_view text, std::size_t characters);

}  // namespace dplan
