// A district served by a district welfare office.
#pragma once

#include <cstdint>
#include <string>

#include "domain/bilingual.hpp"

namespace dplan {

struct District {
    std::int64_t id = 0;
    std::string code;  // short, stable, used on the command line: "riverside"
    Bilingual name;
};

}  // namespace dplan
