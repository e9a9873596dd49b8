#include "domain/indicator_unit.hpp"

#include <algorithm>
#include <string>

namespace dplan {

namespace {
constexpr std::array<const char*, indicator_units.size()> unit_names_zh{
    "節", "人", "人次", "接觸人次", "篇", "百分比", "小時", "組", "個案", "戶", "轉介", "名額", "項活動", "次探訪"};
}  // namespace

bool is_indicator_unit(std::string_view unit) {
    return std::find(indicator_units.begin(), indicator_units.end(), unit) != indicator_units.end();
}

Bilingual indicator_unit_name(std::string_view unit) {
    const auto found = std::find(indicator_units.begin(), indicator_units.end(), unit);
    if (found == indicator_units.end()) return {std::string(unit), std::string(unit)};
    return {unit_names_zh[static_cast<std::size_t>(found - indicator_units.begin())], std::string(unit)};
}

}  // namespace dplan
