#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <set>

#include "plugin_fixture.hpp"
#include "plugins/manifest.hpp"
#include "support/whole_chinese.hpp"

namespace dplan {
namespace {

using testing::PluginFolderTest;

void write_file(const std::filesystem::path& file, const std::string& text) {
    std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
}

std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// Every standard plugin but `broken` (if it is one of them) must load.
void expect_the_rest_loaded(const plugins::PluginRegistry& registry, const char* broken) {
    for (const char* area : testing::standard_areas) {
        if (broken != nullptr && std::string_view(area) == broken) continue;
        EXPECT_NE(registry.find_area(area), nullptr) << area << " should still load";
    }
}

TEST_F(PluginFolderTest, TheFiveStandardPluginsLoadWithDistinctBilingualContent) {
    sign_all();
    const auto registry = load();
    EXPECT_TRUE(registry.refused().empty()) << registry.refused().front().reason.en;
    ASSERT_EQ(registry.loaded().size(), 5u);
    std::set<std::string> names, codes;
    for (const auto& plugin : registry.loaded()) {
        ASSERT_TRUE(plugin->area().has_value()) << plugin->id();
        const auto& area = *plugin->area();
        EXPECT_FALSE(area.name.zh.empty());
        EXPECT_FALSE(area.name.en.empty());
        EXPECT_TRUE(names.insert(area.name.en).second);
        EXPECT_NE(std::find(area.heading_synonyms.begin(), area.heading_synonyms.end(), area.name.zh),
                  area.heading_synonyms.end())
            << "the Chinese heading must identify the section in imported papers";
        EXPECT_FALSE(area.objective_guidance.zh.empty());
        EXPECT_FALSE(area.typical_partners.empty());
        EXPECT_GE(plugin->indicators().size(), 6u);
        bool has_output = false, has_outcome = false;
        for (const auto& indicator : plugin->indicators()) {
            EXPECT_TRUE(codes.insert(indicator.code).second) << "indicator codes are distinct across plugins";
            has_output |= indicator.kind == plugins::IndicatorKind::output;
            has_outcome |= indicator.kind == plugins::IndicatorKind::outcome;
            EXPECT_FALSE(indicator.definition.zh.empty()) << indicator.code;
        }
        EXPECT_TRUE(has_output && has_outcome) << plugin->id();
        EXPECT_TRUE(plugin->can_validate());
        EXPECT_TRUE(plugin->can_report());
        ASSERT_EQ(plugin->panels().size(), 1u);
    }
}

TEST_F(PluginFolderTest, UnsignedPluginsLoadOnlyWithAllowUnsigned) {
    const auto refused = load(false);
    EXPECT_TRUE(refused.loaded().empty());
    ASSERT_EQ(refused.refused().size(), 5u);
    EXPECT_NE(refused.refused()[0].reason.en.find("unsigned"), std::string::npos);
    EXPECT_EQ(load(true).loaded().size(), 5u);
}

// The SDK stays 1.x: a plugin built from the pinned SDK 1.0 headers loads into this host and runs,
// and when one of its rules fails the host reports what a 1.0 plugin can tell it.
TEST_F(PluginFolderTest, APluginBuiltAgainstSdk10LoadsAndRunsInThisHost) {
    static_assert(DPLAN_SDK_VERSION_MAJOR == 1 && DPLAN_SDK_VERSION_MINOR > 0, "this host is newer than 1.0");
    add(DPLAN_SDK_1_0_PLUGIN_DIR, "sdk_one_zero");
    sign_all();
    const auto registry = load();
    EXPECT_TRUE(registry.refused().empty()) << registry.refused().front().reason.en;
    const auto* plugin = registry.find("sdk_one_zero");
    ASSERT_NE(plugin, nullptr);
    EXPECT_EQ(plugin->manifest().sdk.text(), "1.0");
    EXPECT_EQ(plugin->indicators().size(), 1u);
    EXPECT_EQ(plugin->panels().size(), 1u);
    const PlanSection own{0, "sdk_one_zero", {"目標", "Objective"}, {{0, {"重點", "Point"}, {Sector::ngo}}}};
    const auto findings = plugin->validate(own, 1);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].rule_id, "one-zero-schools");
    EXPECT_NE(plugin->report(own, Language::en).find("• Point (Partners: NGOs)"), std::string::npos);
    try {
        plugin->validate({0, "rehabilitation", {}, {}}, 0);
        ADD_FAILURE() << "the 1.0 review rule throws";
    } catch (const plugins::PluginFailure& e) {
        EXPECT_NE(e.message().en.find("plugin 'sdk_one_zero' failed while validating: it returned status 1"),
                  std::string::npos)
            << e.message().en;
    }
}

// Each broken plugin is refused with its own reason while the five standard ones load.
struct BrokenCase {
    const char* name;
    const char* breaks;  // the standard plugin this case damages, or nullptr when it adds one
    std::function<void(PluginFolderTest&, const std::filesystem::path& folder)> break_it;
    const char* expected_reason;
};

void PrintTo(const BrokenCase& broken, std::ostream* out) { *out << broken.name; }

class BrokenPluginTest : public PluginFolderTest, public ::testing::WithParamInterface<BrokenCase> {
  public:
    // Gives the case functions access to the fixture's helpers.
    using PluginFolderTest::add;
    using PluginFolderTest::folder;
    using PluginFolderTest::key;
    using PluginFolderTest::root;
};

std::filesystem::path copy_broken(PluginFolderTest& test, const char* name, const char* as) {
    return static_cast<BrokenPluginTest&>(test).add(testing::broken_plugins / name, as);
}

void resign(PluginFolderTest& test, const std::filesystem::path& dir) {
    plugins::sign_plugin(dir, static_cast<BrokenPluginTest&>(test).key.secret_key_file);
}

TEST_P(BrokenPluginTest, IsRefusedWithItsOwnReasonWhileTheRestLoad) {
    const BrokenCase& broken = GetParam();
    sign_all();
    broken.break_it(*this, folder);
    const auto registry = load();
    expect_the_rest_loaded(registry, broken.breaks);
    ASSERT_EQ(registry.refused().size(), 1u) << broken.name;
    EXPECT_NE(registry.refused()[0].reason.en.find(broken.expected_reason), std::string::npos)
        << broken.name << ": " << registry.refused()[0].reason.en;
    EXPECT_FALSE(registry.refused()[0].reason.zh.empty());
    EXPECT_EQ(testing::english_words_in_chinese(registry.refused()[0].reason.zh), std::vector<std::string>{})
        << broken.name << ": the Chinese reason must be whole: " << registry.refused()[0].reason.zh;
    if (broken.breaks == nullptr) {
        EXPECT_FALSE(registry.refused()[0].id.empty()) << broken.name << ": the refusal names the plugin";
    }
}

const BrokenCase broken_cases[] = {
    {"wrong_sdk_major", nullptr, [](auto& t, auto&) { resign(t, copy_broken(t, "wrong_major", "wrong_major")); },
     "built for SDK 2.0 but this host has SDK 1.1"},
    {"newer_sdk_minor", nullptr, [](auto& t, auto&) { resign(t, copy_broken(t, "newer_minor", "newer_minor")); },
     "built for SDK 1.2 but this host has SDK 1.1"},
    {"manifest_lies_about_sdk", nullptr,
     [](auto& t, auto&) { resign(t, copy_broken(t, "lying_manifest", "lying_manifest")); },
     "the library was built with SDK 2.1 but this host has SDK 1.1"},
    {"bad_manifest", "family",
     [](auto&, const std::filesystem::path& folder) {
         write_file(folder / "family" / "plugin.json", "{\n  \"id\": \"family\",\n  version: 1\n}\n");
     },
     "plugin.json line 3: not valid JSON"},
    {"manifest_missing_field", "youth",
     [](auto& t, const std::filesystem::path& folder) {
         auto text = read_file(folder / "youth" / "plugin.json");
         text.replace(text.find("\"sha256\""), 8, "\"sha-256\"");
         write_file(folder / "youth" / "plugin.json", text);
         resign(t, folder / "youth");
     },
     "field 'sha256' is invalid"},
    {"hash_mismatch", "elderly",
     [](auto&, const std::filesystem::path& folder) {
         std::ofstream(folder / "elderly" / "libdplan_elderly.so", std::ios::app | std::ios::binary) << '\0';
     },
     "does not match plugin.json"},
    {"unsigned", "family",
     [](auto&, const std::filesystem::path& folder) { std::filesystem::remove(folder / "family" / "plugin.sig"); },
     "unsigned (no plugin.sig)"},
    {"untrusted_key", "youth",
     [](auto& t, const std::filesystem::path& folder) {
         const auto other = plugins::generate_signing_key(static_cast<BrokenPluginTest&>(t).root / "keys" / "other");
         plugins::sign_plugin(folder / "youth", other.secret_key_file);
     },
     "which is not trusted here"},
    {"manifest_changed_after_signing", "volunteer",
     [](auto&, const std::filesystem::path& folder) {
         auto text = read_file(folder / "volunteer" / "plugin.json");
         text.replace(text.find("1.0.0"), 5, "9.9.9");
         write_file(folder / "volunteer" / "plugin.json", text);
     },
     "it was changed after signing"},
    {"missing_entry_symbol", nullptr, [](auto& t, auto&) { resign(t, copy_broken(t, "no_entry", "no_entry")); },
     "does not export the entry symbol 'dplan_entry'"},
    {"throwing_entry", nullptr, [](auto& t, auto&) { resign(t, copy_broken(t, "throwing_init", "throwing_init")); },
     "threw an exception: init blew up"},
    {"invalid_data", nullptr, [](auto& t, auto&) { resign(t, copy_broken(t, "invalid_data", "invalid_data")); },
     "unknown sector codes (1): typical_partner_sectors[0] = \"schools\". Allowed: ngo, health, education"},
    {"unknown_units_all_listed_with_the_allowed_ones", nullptr,
     [](auto& t, auto&) { resign(t, copy_broken(t, "self_help_units", "self_help_units")); },
     "unknown units (2): indicators[0].unit = \"organisations\"; indicators[2].unit = \"volunteers\". Allowed: "
     "sessions, persons"},
    {"dependencies_given_as_objects", nullptr,
     [](auto& t, auto&) { resign(t, copy_broken(t, "dependency_objects", "dependency_objects")); },
     "field 'dependencies[0]' is invalid: expected an array of plugin ids, such as [\"family\"] (ids only"},
    {"duplicate_id", nullptr, [](auto& t, auto&) { resign(t, copy_broken(t, "family", "zz_second_family")); },
     "another plugin with id 'family'"},
    {"missing_dependency", nullptr, [](auto& t, auto&) { resign(t, copy_broken(t, "needs_missing", "needs_missing")); },
     "needs plugins that are not loaded: missing_plugin"},
    {"not_a_shared_library", nullptr,
     [](auto& t, const std::filesystem::path& folder) {
         const auto dir = folder / "text_file";
         std::filesystem::create_directories(dir);
         write_file(dir / "libdplan_text_file.so", "this is a text file, not a library\n");
         write_file(dir / "plugin.json",
                    "{\"id\": \"text_file\", \"version\": \"1.0.0\", \"sdk\": \"1.0\", \"name\": "
                    "{\"zh\": \"文字\", "
                    "\"en\": \"Text\"}, \"library\": \"libdplan_text_file.so\", \"sha256\": \"" +
                        dplan::sha256_hex(read_file(dir / "libdplan_text_file.so")) + "\"}");
         resign(t, dir);
     },
     "is not a shared library"},
    {"library_missing", "family",
     [](auto&, const std::filesystem::path& folder) {
         std::filesystem::remove(folder / "family" / "libdplan_family.so");
     },
     "is missing"},
};

INSTANTIATE_TEST_SUITE_P(Cases, BrokenPluginTest, ::testing::ValuesIn(broken_cases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(PluginManifest, RejectsIdsAndLibraryPathsThatCouldEscapeTheFolder) {
    EXPECT_TRUE(plugins::is_valid_plugin_id("drug_outreach-2"));
    EXPECT_TRUE(plugins::is_valid_plugin_id("ngo.hkoa.outreach"));
    EXPECT_FALSE(plugins::is_valid_plugin_id("../family"));
    EXPECT_FALSE(plugins::is_valid_plugin_id(".."));
    EXPECT_FALSE(plugins::is_valid_plugin_id("ngo..x"));
    EXPECT_FALSE(plugins::is_valid_plugin_id("ngo."));
    EXPECT_FALSE(plugins::is_valid_plugin_id("Family"));
    EXPECT_FALSE(plugins::is_valid_plugin_id(""));
    const std::string start =
        "{\"id\": \"x\", \"version\": \"1\", \"sdk\": \"1.0\", \"name\": {\"zh\": \"甲\", \"en\": "
        "\"X\"}, ";
    const std::string hash = "\"" + std::string(64, 'a') + "\"";
    const std::pair<std::string, const char*> escapes[] = {
        {start + "\"library\": \"../../bin/sh\", \"sha256\": " + hash + "}", "field 'library'"},
        {start + "\"library\": \"libx.so\", \"sha256\": " + hash +
             ", \"bundled_libraries\": [{\"file\": \"../libc.so.6\", \"sha256\": " + hash + "}]}",
         "field 'bundled_libraries[0].file'"},
    };
    for (const auto& [manifest, field] : escapes) {
        try {
            plugins::parse_manifest("x", manifest);
            ADD_FAILURE() << "a library path outside the folder was accepted: " << manifest;
        } catch (const InvalidInput& e) {
            EXPECT_NE(e.message().en.find(field), std::string::npos) << e.message().en;
        }
    }
}

// As plan JSON's fuzz target found: a number beyond a double is an error about the file, not the end
// of the program.
TEST(PluginManifest, ANumberTooLargeIsAClearError) {
    EXPECT_THROW(plugins::parse_manifest("x", "{\"id\": \"x\", \"version\": 1E400}"), InvalidInput);
}

}  // namespace
}  // namespace dplan
