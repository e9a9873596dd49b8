// Issue 21, as an NGO plugin author meets it with the real dplan binary: `plugin check` runs every
// rule on sample plans covering every area and says exactly what failed or was skipped; a rule
// that fails at run time is named with its exception; a plan gets a new plugin's section with
// `plan add-area`; and every such message is whole in Chinese too.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "cli/plugin_cli_fixture.hpp"
#include "domain/plan_json.hpp"
#include "support/whole_chinese.hpp"

namespace dplan {
namespace {

constexpr auto npos = std::string::npos;

class SdkCli : public PlanImportCli {
  protected:
    // A fixture plugin from tests/broken_plugins (its folder is named by its id), copied in as `as` and signed with the
    // test's key.
    std::filesystem::path add_signed(const char* fixture, const char* as) {
        const auto dir = add(testing::broken_plugins / fixture, as);
        plugins::sign_plugin(dir, key.secret_key_file);
        return dir;
    }

    // The lines of `out` that report a failure or a skipped check.
    static std::vector<std::string> problem_lines(const std::string& out) {
        std::vector<std::string> lines;
        std::istringstream in(out);
        for (std::string line; std::getline(in, line);) {
            if (line.find("✗") != npos || line.rfind("– ", 0) == 0) lines.push_back(line);
        }
        return lines;
    }
};

TEST_F(SdkCli, CheckRunsReviewRulesOnOtherAreasSectionsAndNamesTheRuleAndItsException) {
    const auto dir = add_signed("self_help", "self_help");
    const auto result = dplan({"plugin", "check", dir.string()});
    EXPECT_EQ(result.exit_code, 5) << result.out << result.err;
    EXPECT_NE(result.out.find("• Rules run on the demo plan (Riverside 2024-25)"), npos) << result.out;
    EXPECT_NE(result.out.find("• Rules run on an empty plan"), npos) << result.out;
    EXPECT_NE(result.out.find("  ✗ Rehabilitation services: plugin 'self_help' failed while validating: rule "
                              "'self-help-rehabilitation' threw an exception: no rehabilitation section expected"),
              npos)
        << result.out;
    EXPECT_NE(result.out.find("✗ The plugin failed 3 check(s)."), npos) << "one per sample plan\n" << result.out;
    EXPECT_EQ(result.out.find("passed every check"), npos) << result.out;
}

TEST_F(SdkCli, CheckRefusesAReviewedAreaThatNoPluginProvides) {
    const auto dir = add_signed("self_help_typo", "self_help_typo");
    const auto result = dplan({"plugin", "check", dir.string()});
    EXPECT_EQ(result.exit_code, 5) << result.out << result.err;
    EXPECT_NE(result.out.find("✗ reviews_areas names 'rehab', which is no known service area, so its review rules "
                              "would never run. Known areas: family, elderly, rehabilitation, youth, volunteer"),
              npos)
        << result.out;
    EXPECT_EQ(result.out.find("passed every check"), npos) << result.out;
}

TEST_F(SdkCli, CheckNeverSaysASignatureItDidNotCheckPassed) {
    const auto dir = add(testing::broken_plugins / "self_help_ok", "self_help_ok");
    auto result = dplan({"--allow-unsigned", "plugin", "check", dir.string()});
    EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
    EXPECT_NE(result.out.find("– Signature NOT checked (--allow-unsigned loaded the plugin anyway): unsigned"), npos)
        << result.out;
    EXPECT_NE(result.out.find("The plugin passed every check that ran; its signature was not checked"), npos)
        << result.out;
    EXPECT_EQ(result.out.find("The plugin passed every check."), npos) << result.out;
    EXPECT_EQ(result.out.find("signature, entry symbol"), npos) << "no line may count the signature as passed";

    plugins::sign_plugin(dir, key.secret_key_file);
    result = dplan({"plugin", "check", dir.string()});
    EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
    EXPECT_NE(result.out.find("✓ Valid signature by trusted key"), npos) << result.out;
    EXPECT_NE(result.out.find("The plugin passed every check."), npos) << result.out;
}

TEST_F(SdkCli, CheckRunsTheRulesOnTheAuthorsOwnSamplePlans) {
    const auto dir = add_signed("self_help_ok", "self_help_ok");
    Plan sample;
    sample.financial_year = "2025-26";
    sample.sections = {{0, "self_help_ok", {"支援自助組織", ""}, {{0, {"每月聚會", ""}, {Sector::ngo}}}}};
    const auto file = root / "our-plan.json";
    std::ofstream(file) << plan_to_json(sample);
    auto result = dplan({"plugin", "check", dir.string(), "--sample", file.string()});
    EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
    EXPECT_NE(result.out.find("• Rules run on sample file " + file.string() +
                              "\n  ✓ Self-help organisations support: no findings\n"),
              npos)
        << result.out;

    std::ofstream(file) << "{\"format_version\": 1, \"sections\": 3}";
    result = dplan({"plugin", "check", dir.string(), "--sample", file.string()});
    EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
    EXPECT_NE(result.err.find(file.string() + ": "), npos) << result.err;
}

TEST_F(SdkCli, ARuleFailingInPlanValidateIsNamedAndTheMessageSaysWhatWasSkipped) {
    add_signed("self_help", "self_help");
    const auto result = dplan({"--db", url, "plan", "validate", "1"});
    EXPECT_NE(result.out.find("plugin 'self_help' failed while validating: rule 'self-help-rehabilitation' threw an "
                              "exception: no rehabilitation section expected. Findings of 'self_help' on this "
                              "section are not shown, and it was disabled"),
              npos)
        << result.out;
    EXPECT_EQ(result.out.find("this section's checks were skipped"), npos) << result.out;
    EXPECT_NE(result.out.find("Rehabilitation services: The objective has no indicator"), npos)
        << "the area's own plugin still ran\n"
        << result.out;
}

TEST_F(SdkCli, AddAreaGivesAnExistingDraftTheNewPluginsSectionWithItsPanelAndFindings) {
    add_signed("self_help_ok", "self_help_ok");
    auto result =
        dplan({"--db", url, "plan", "edit", "1", "--objective", "self_help_ok=支援自助組織", "--reason", "x"});
    EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
    EXPECT_NE(result.err.find("add a section for another area with 'dplan plan add-area 1 self_help_ok'"), npos)
        << result.err;
    EXPECT_EQ(dplan({"--db", url, "plan", "panels", "1"}).out.find("Self-help organisations"), npos);

    result = dplan({"--db", url, "plan", "add-area", "1", "self_help_ok"});
    ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
    EXPECT_NE(result.out.find("Added the self_help_ok section to plan 1; it is now at revision 2."), npos)
        << result.out;
    EXPECT_NE(dplan({"--db", url, "plan", "panels", "1"}).out.find("Self-help organisations"), npos);
    result = dplan({"--db", url, "plan", "validate", "1"});
    EXPECT_NE(result.out.find("[error] Self-help organisations support: The section has no objective"), npos)
        << result.out;
    result = dplan({"--db", url, "plan", "edit", "1", "--objective", "self_help_ok=支援自助組織", "--reason", "x"});
    EXPECT_EQ(result.exit_code, 0) << result.out << result.err;

    result = dplan({"--db", url, "plan", "add-area", "1", "self_help_ok"});
    EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
    EXPECT_NE(result.err.find("plan 1 already has a section for service area 'self_help_ok'"), npos) << result.err;
}

// Every refusal and failure line of the checker, and the CLI errors of this issue, read whole in
// Chinese: no English words but identifiers, paths and units.
TEST_F(SdkCli, CheckerAndAddAreaMessagesAreWholeInChinese) {
    std::vector<std::string> lines;
    auto collect = [&](const testing::CommandResult& result) {
        for (const auto& line : problem_lines(result.out)) lines.push_back(line);
        std::istringstream err(result.err);
        // The log (lines "dplan: warning: ...") is the developers', in English; the messages are the users'.
        for (std::string line; std::getline(err, line);) {
            if (!line.empty() && line.rfind("dplan: warning:", 0) != 0) lines.push_back(line);
        }
    };
    const auto throws = add_signed("self_help", "self_help");
    const auto typo = add_signed("self_help_typo", "self_help_typo");
    const auto unsigned_dir = add(testing::broken_plugins / "self_help_ok", "self_help_ok");
    collect(dplan({"--lang", "zh", "plugin", "check", throws.string()}));
    collect(dplan({"--lang", "zh", "plugin", "check", typo.string()}));
    collect(dplan({"--lang", "zh", "--allow-unsigned", "plugin", "check", unsigned_dir.string()}));
    const auto validated = dplan({"--lang", "zh", "--db", url, "plan", "validate", "1"});
    std::istringstream findings(validated.out);
    for (std::string line; std::getline(findings, line);) {
        if (line.find("self_help") != npos) lines.push_back(line);
    }
    collect(dplan({"--lang", "zh", "--db", url, "plan", "add-area", "1", "rehab"}));
    collect(dplan({"--lang", "zh", "--db", url, "plan", "edit", "1", "--objective", "x=y", "--reason", "r"}));
    const auto units = add(testing::broken_plugins / "self_help_units", "self_help_units");
    plugins::sign_plugin(units, key.secret_key_file);
    const auto refused = dplan({"--lang", "zh", "plugin", "check", units.string()});
    EXPECT_NE(refused.out.find("2 項單位不在允許之列"), npos) << refused.out;
    std::istringstream refusal(refused.out);
    for (std::string line; std::getline(refusal, line);) lines.push_back(line);
    EXPECT_GE(lines.size(), 8u);
    for (const auto& line : lines) {
        EXPECT_EQ(testing::english_words_in_chinese(line), std::vector<std::string>{}) << line;
    }
}

}  // namespace
}  // namespace dplan
