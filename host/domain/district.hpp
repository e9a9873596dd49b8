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
    // What a new plan of this district is addressed to and from, until its paper says otherwise.
    Bilingual council;    // 荃灣區議會 / Tsuen Wan District Council
    Bilingual committee;  // the council's committee on social services
    Bilingual office;     // the District Social Welfare Office that writes its plans
};

}  // namespace dplan
