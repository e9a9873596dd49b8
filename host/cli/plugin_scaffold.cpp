#include "cli/plugin_scaffold.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>

#include "domain/error.hpp"
#include "dplan/sdk/plugin.h"
#include "plugins/manifest.hpp"

namespace dplan::cli {

namespace {

// A C++ string literal's contents.
std::string escaped(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

// CMake target names and rule ids: the id with '.' and '-' made '_' or '-'.
std::string with(std::string text, char replacement) {
    std::replace_if(
        text.begin(), text.end(), [](char c) { return c == '.' || c == '-' || c == '_'; }, replacement);
    return text;
}

constexpr const char* cmake_template = R"(# {name_en} ({name_zh}): a District Planner plugin.
#   cmake -S . -B build -G Ninja -DCMAKE_PREFIX_PATH=<where the SDK is installed>
#   cmake --build build && ctest --test-dir build
cmake_minimum_required(VERSION 3.25)
project({target} LANGUAGES CXX)

find_package(DistrictPlannerSDK {sdk} REQUIRED)

dplan_add_plugin({target} MANIFEST plugin.json SOURCES plugin.cpp)

find_package(GTest REQUIRED)
enable_testing()
dplan_add_plugin_test({target}_test PLUGIN {target} SOURCES plugin_test.cpp)
target_link_libraries({target}_test PRIVATE GTest::gtest_main)
add_test(NAME {target}_test COMMAND {target}_test)
)";

constexpr const char* manifest_template = R"({{
  "id": "{id}",
  "version": "0.1.0",
  "name": {{"zh": "{name_zh}", "en": "{name_en}"}},
  "dependencies": []
}}
)";

constexpr const char* source_template =
    R"(// {name_en} ({name_zh}): the service area, its indicators, rules, panel and report text.
// See the SDK guide (share/doc/dplan-sdk/README.md where the SDK is installed).
#include <dplan/sdk/plugin.hpp>

namespace {{

using namespace dplan::sdk;

constexpr const char* synonyms[] = {{"{name_zh}", "{name_en}"}};
constexpr const char* partners[] = {{sector::ngo, sector::district_group}};

constexpr Indicator indicators[] = {{
    {{"{code}-01", output, {{"活動節數", "Sessions"}}, "sessions", {{"舉辦的活動節數", "Sessions held"}}, 24}},
    {{"{code}-02", outcome, {{"參加者滿意", "Participants satisfied"}}, "percent",
     {{"表示滿意的參加者百分比", "Share of participants who say they are satisfied"}}, 80}},
}};

// The area's own rule: its sections should name an NGO partner.
void ngo_partner(const Section& section, const Findings& findings) {{
    rules::expect_partner(section, findings, sector::ngo, "{rule}-ngo-partner",
                          {{"未有非政府機構參與", "No NGO takes part"}});
}}
constexpr Rule area_rules[] = {{{{"{rule}-ngo-partner", &ngo_partner}}}};

constexpr AreaPlugin this_plugin{{
    .id = "{id}",  // must equal plugin.json's id
    .name = {{"{name_zh}", "{name_en}"}},
    .colour_rgba = 0x4A90A4FF,
    .heading_synonyms = synonyms,
    .objective_guidance = {{"說明希望帶來的改變。", "Say what change the work should bring."}},
    .focus_point_guidance = {{"寫明做法及合作界別。", "Say what will be done, and with whom."}},
    .typical_partners = partners,
    .indicators = indicators,
    .rules = area_rules,
    .panel_title = {{"{name_zh}", "{name_en}"}},
    .panel_items = standard_panel_items,
}};

}}  // namespace

DPLAN_AREA_PLUGIN(this_plugin)
)";

constexpr const char* test_template =
    R"(// The plugin's rules and report text, run in process by the SDK's harness (no District Planner
// needed): ctest --test-dir build
#include <dplan/sdk/testing.hpp>
#include <gtest/gtest.h>

namespace {{

using namespace dplan::sdk::testing;

TEST(Plugin, AnEmptySectionGetsTheStandardRules) {{
    Harness plugin;
    const auto findings = plugin.validate({{.area_id = "{id}", .measurable_indicators = 0}});
    EXPECT_EQ(rule_ids(findings),
              (std::vector<std::string>{{"objective-missing", "focus-points-missing", "objective-not-smart"}}));
}}

TEST(Plugin, ASectionWithoutAnNgoPartnerIsWarned) {{
    Harness plugin;
    TestSection section{{.area_id = "{id}", .objective = {{"目標", "Objective"}}}};
    section.focus_points.push_back({{{{"地區活動", "District activities"}}, {{"district_group"}}}});
    EXPECT_EQ(rule_ids(plugin.validate(section)), std::vector<std::string>{{"{rule}-ngo-partner"}});
    section.focus_points[0].partners.push_back("ngo");
    EXPECT_TRUE(plugin.validate(section).empty());
}}

TEST(Plugin, ReportTextListsFocusPointsWithPartners) {{
    Harness plugin;
    TestSection section{{.area_id = "{id}", .objective = {{"目標", "Objective"}}}};
    section.focus_points.push_back({{{{"小組", "Groups"}}, {{"ngo"}}}});
    EXPECT_EQ(plugin.report(section, DPLAN_LANGUAGE_EN), "Objective: Objective\nFocus points:\n• Groups (Partners: NGOs)\n");
}}

}}  // namespace
)";

constexpr const char* readme_template = R"(# {name_en} / {name_zh}

A District Planner plugin (id `{id}`), made with `dplan plugin new`.

```sh
cmake -S . -B build -G Ninja -DCMAKE_PREFIX_PATH=<where the SDK is installed>
cmake --build build                  # -> build/plugins/{id}/
ctest --test-dir build               # the rules' unit tests (plugin_test.cpp)
dplan plugin keygen --out ~/keys/our-ngo            # once
dplan plugin sign build/plugins/{id} --key ~/keys/our-ngo.key
dplan --trusted-key ~/keys/our-ngo.pub plugin check build/plugins/{id}
```

Edit `plugin.cpp` (indicators, rules, panel) and `plugin_test.cpp`. Do not write `sdk` into
`plugin.json`: the build writes it from the SDK headers. The SDK guide is in
`share/doc/dplan-sdk/README.md` where the SDK is installed.
)";

void write(const std::filesystem::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) {
        throw InvalidInput({fmt::format("無法寫入 {}", file.string()), fmt::format("cannot write {}", file.string())});
    }
}

}  // namespace

void write_plugin_project(const std::filesystem::path& directory, const std::string& id, const Bilingual& name) {
    if (!plugins::is_valid_plugin_id(id)) {
        throw InvalidInput(
            {fmt::format("外掛代號「{}」不正確：應由 a-z、0-9、「_」或「-」組成，以單一「.」分段（1 至 64 個字元）",
                         id),
             fmt::format("plugin id '{}' is not valid: expected a-z, 0-9, '_' or '-' in parts joined by "
                         "single dots (1-64 characters)",
                         id)});
    }
    if (name.zh.empty() || name.en.empty()) {
        throw InvalidInput(
            {"須同時提供中文及英文名稱（--name-zh 及 --name-en）", "both names are needed (--name-zh and --name-en)"});
    }
    std::error_code ec;
    if (std::filesystem::exists(directory, ec) && !std::filesystem::is_empty(directory, ec)) {
        throw InvalidInput(
            {fmt::format("資料夾 {} 已有內容；請選擇一個新的或空的資料夾", directory.string()),
             fmt::format("the folder {} is not empty; choose a new or empty folder", directory.string())});
    }
    std::filesystem::create_directories(directory);
    std::string code = with(id, '-');
    std::transform(code.begin(), code.end(), code.begin(), [](unsigned char c) { return std::toupper(c); });
    const std::string name_zh = escaped(name.zh), name_en = escaped(name.en), target = with(id, '_'),
                      rule = with(id, '-'),
                      sdk = fmt::format("{}.{}", DPLAN_SDK_VERSION_MAJOR, DPLAN_SDK_VERSION_MINOR);
    for (const auto& [file, text] :
         {std::pair{"CMakeLists.txt", cmake_template}, std::pair{"plugin.json", manifest_template},
          std::pair{"plugin.cpp", source_template}, std::pair{"plugin_test.cpp", test_template},
          std::pair{"README.md", readme_template}}) {
        write(directory / file, fmt::format(fmt::runtime(text), fmt::arg("id", id), fmt::arg("name_zh", name_zh),
                                            fmt::arg("name_en", name_en), fmt::arg("target", target),
                                            fmt::arg("rule", rule), fmt::arg("code", code), fmt::arg("sdk", sdk)));
    }
}

}  // namespace dplan::cli
