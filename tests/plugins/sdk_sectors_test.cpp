// The SDK and the host each know the partner sectors: plugins name them by code and print them with
// the SDK's names; the host stores the codes and prints its own names. They must be the same list.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/sector.hpp"
#include "dplan/sdk/plugin.hpp"

namespace dplan {
namespace {

TEST(SdkSectors, TheSdksCodesAndNamesAreTheHostsInBothLanguages) {
    namespace code = sdk::sector;
    const std::vector<std::string> sdk_codes = {code::ngo,      code::health,         code::education,
                                                code::business, code::district_group, code::government,
                                                code::resident};
    std::vector<std::string> host_codes;
    for (const Sector sector : all_sectors) host_codes.emplace_back(sector_code(sector));
    EXPECT_EQ(sdk_codes, host_codes);

    for (const Sector sector : all_sectors) {
        const auto code_text = sector_code(sector);
        EXPECT_EQ(sdk::sector::name(code_text, DPLAN_LANGUAGE_ZH), sector_name(sector).zh) << code_text;
        EXPECT_EQ(sdk::sector::name(code_text, DPLAN_LANGUAGE_EN), sector_name(sector).en) << code_text;
    }
}

}  // namespace
}  // namespace dplan
