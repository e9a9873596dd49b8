// What the SDK and the host each define and must agree on. The partner sectors: plugins name them
// by code and print them with the SDK's names; the host stores the codes and prints its own names.
// The objective's label: the SDK's report writes it, the host's section_texts name it (the domain
// layer does not include the SDK, so the two definitions are checked here instead).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/section_texts.hpp"
#include "domain/sector.hpp"
#include "dplan/sdk/plugin.hpp"

namespace dplan {
namespace {

TEST(SdkHostAgreement, TheSdksCodesAndNamesAreTheHostsInBothLanguages) {
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

TEST(SdkHostAgreement, TheObjectiveLabelIsTheSdks) {
    const auto& objective = section_texts.front();
    ASSERT_TRUE(objective.builtin);
    EXPECT_EQ(objective.label.zh, sdk::paper::objective.zh);
    EXPECT_EQ(objective.label.en, sdk::paper::objective.en);
}

}  // namespace
}  // namespace dplan
