// Every section text in host/domain/section_texts.hpp, on SQLite and MariaDB: stored and read back,
// through plan JSON, printed in the committee paper (PDF) and imported from it, shown by the diff,
// kept by the three-way merge. Table-driven, so a text added to the table is tested here without a
// test of its own (docs/architecture.md, "Adding a field to a plan section").
#include "domain/section_texts.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>

#include "domain/plan_json.hpp"
#include "services/account_service.hpp"
#include "services/paper_pdf.hpp"
#include "services/pdf_text.hpp"
#include "services/plan_diff.hpp"
#include "services/plan_merge.hpp"
#include "services/plan_workflow.hpp"
#include "storage/user_repository.hpp"
#include "support/backend_test.hpp"
#include "support/built_plugins.hpp"
#include "support/sample_plan.hpp"

namespace dplan {
namespace {

PlanSection& family_of(Plan& plan) {
    for (auto& section : plan.sections) {
        if (section.area_id == "family") return section;
    }
    throw std::logic_error("the sample plan has a family section");
}

class SectionTexts : public testing::BackendTest {
  protected:
    void SetUp() override {
        BackendTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        migrate();
        district_id = testing::create_sample_district(db());
        officer = {0, "chan", "chan", Role::officer, district_id, std::nullopt, ""};
        officer.id = AccountService(db(), system_user()).add_user(officer, "");
        registry = testing::built_plugins();
    }

    PlanWorkflow workflow() { return PlanWorkflow(db(), *registry, officer); }

    // The sample plan with every section text of the family section set to words of its own.
    // Only the family section: the sample's others hold a rare character the PDF needs another font for.
    Plan plan_with_every_text() {
        Plan plan = testing::sample_plan(district_id);
        PlanSection family = family_of(plan);
        for (const auto& text : section_texts) {
            family.*
                text.member = {fmt::format("家庭部分的{}，按規劃會議意見擬定。", text.label.zh),
                               fmt::format("The family section's {}, drafted from the planning meeting.", text.key)};
        }
        plan.sections = {family};
        return plan;
    }

    static void expect_every_text(const Plan& expected, const Plan& actual, const std::string& where) {
        const PlanSection* want = expected.section("family");
        const PlanSection* got = actual.section("family");
        ASSERT_NE(got, nullptr) << where;
        for (const auto& text : section_texts) {
            EXPECT_EQ((got->*text.member).zh, (want->*text.member).zh) << where << ": " << text.key;
            EXPECT_EQ((got->*text.member).en, (want->*text.member).en) << where << ": " << text.key;
        }
    }

    std::int64_t district_id = 0;
    User officer;
    std::unique_ptr<plugins::PluginRegistry> registry;
};

TEST_P(SectionTexts, EveryTextIsStoredAndComesBackThroughJson) {
    const Plan plan = plan_with_every_text();
    const auto id = workflow().create(plan, "draft");
    const Plan stored = workflow().get(id);
    expect_every_text(plan, stored, "stored");
    expect_every_text(plan, plan_from_json(plan_to_json(stored)), "JSON");

    Plan emptied = stored;
    for (const auto& text : section_texts) family_of(emptied).*text.member = {};
    workflow().save(emptied, "cleared");
    expect_every_text(emptied, workflow().get(id), "cleared");
}

TEST_P(SectionTexts, EveryTextIsPrintedInThePaperAndImportedBack) {
    const Plan plan = plan_with_every_text();
    const auto id = workflow().create(plan, "draft");
    const auto pdf = std::filesystem::temp_directory_path() / fmt::format("section-texts-{}.pdf", ::getpid());
    write_paper_pdf(workflow().paper(id, PaperLanguage::both), pdf);
    const std::string text = pdf_text(pdf);
    std::filesystem::remove(pdf);
    const auto imported = workflow().import_paper(text, "paper.pdf", "riverside", "");
    expect_every_text(plan, workflow().get(imported.plan_id), "paper");
}

TEST_P(SectionTexts, TheDiffShowsAndTheMergeKeepsEveryText) {
    Plan base = plan_with_every_text();
    std::int64_t next_id = 0;
    for (auto& point : family_of(base).focus_points) point.id = ++next_id;  // as stored: points have ids
    for (const auto& text : section_texts) {
        Plan mine = base;
        Plan theirs = base;
        (family_of(mine).*text.member).en = "Mine, in English";
        (family_of(theirs).*text.member).zh = "他們的中文";
        const auto changes = diff_plans(base, mine);
        ASSERT_EQ(changes.size(), 1u) << text.key;
        EXPECT_EQ(changes[0].where.zh, "family · " + text.label.zh) << text.key;
        const auto merge = merge_plans(base, mine, theirs);
        EXPECT_TRUE(merge.conflicts.empty()) << text.key;
        EXPECT_EQ((merge.plan.section("family")->*text.member).en, "Mine, in English") << text.key;
        EXPECT_EQ((merge.plan.section("family")->*text.member).zh, "他們的中文") << text.key;

        (family_of(mine).*text.member).zh = "我的中文";
        const auto clash = merge_plans(base, mine, theirs);
        ASSERT_EQ(clash.conflicts.size(), 1u) << text.key;
        EXPECT_EQ(clash.conflicts[0].item.field, MergeField::section_text);
        EXPECT_EQ(clash.conflicts[0].item.text_key, text.key);
    }
}

DPLAN_INSTANTIATE_BACKEND_TESTS(SectionTexts);

}  // namespace
}  // namespace dplan
