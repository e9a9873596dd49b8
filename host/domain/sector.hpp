// The sectors partners come from: the columns of the cross-sector collaboration view.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "domain/bilingual.hpp"

namespace dplan {

enum class Sector { ngo, health, education, business, district_group, government, resident };

inline constexpr std::array all_sectors{Sector::ngo,      Sector::health,         Sector::education,
                                        Sector::business, Sector::district_group, Sector::government,
                                        Sector::resident};

// The stable code stored in the database and used on the command line ("district_group").
std::string_view sector_code(Sector sector);
std::optional<Sector> parse_sector(std::string_view code);
Bilingual sector_name(Sector sector);

}  // namespace dplan
