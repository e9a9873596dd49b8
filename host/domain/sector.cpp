#include "domain/sector.hpp"

namespace dplan {

namespace {
struct SectorInfo {
    Sector sector;
    std::string_view code;
    const char* zh;
    const char* en;
};

constexpr std::array<SectorInfo, all_sectors.size()> sector_table{{
    {Sector::ngo, "ngo", "非政府機構", "NGOs"},
    {Sector::health, "health", "醫護界", "Health"},
    {Sector::education, "education", "教育界", "Education"},
    {Sector::business, "business", "商界", "Business"},
    {Sector::district_group, "district_group", "地區團體", "District groups"},
    {Sector::government, "government", "政府部門", "Government"},
    {Sector::resident, "resident", "居民", "Residents"},
}};

const SectorInfo& info(Sector sector) { return sector_table[static_cast<std::size_t>(sector)]; }
}  // namespace

std::string_view sector_code(Sector sector) { return info(sector).code; }

std::optional<Sector> parse_sector(std::string_view code) {
    for (const auto& entry : sector_table) {
        if (entry.code == code) return entry.sector;
    }
    return std::nullopt;
}

Bilingual sector_name(Sector sector) { return {info(sector).zh, info(sector).en}; }

}  // namespace dplan
