// JSON from outside (a request's body, a plan file) read strictly: an object that names a key
// twice is refused, because readers differ on which of the two counts (the last here, the first
// in some proxies and filters), so one text could mean one thing to what checked it and another
// to what acted on it; and nesting deeper than any of our formats needs is refused before it
// costs memory.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "domain/error.hpp"

namespace dplan {

// Why a text was refused besides being malformed (which throws nlohmann::json::parse_error).
class StrictJsonRefused : public InvalidInput {
    using InvalidInput::InvalidInput;
};

inline constexpr int strict_json_deepest = 64;

// The parsed text; StrictJsonRefused for a repeated key (named, cut to 64 characters) or for
// more than strict_json_deepest objects and arrays inside one another.
nlohmann::json parse_strict_json(std::string_view text);

}  // namespace dplan
