// An organisation that takes part in planning: an NGO, a hospital cluster, a school, a company.
#pragma once

#include <cstdint>

#include "domain/bilingual.hpp"
#include "domain/sector.hpp"

namespace dplan {

struct Organisation {
    std::int64_t id = 0;
    Bilingual name;
    Sector sector = Sector::ngo;
};

}  // namespace dplan
