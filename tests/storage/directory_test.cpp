// Districts, organisations, users, demo data and transactions on both backends.
#include <gtest/gtest.h>

#include "domain/password.hpp"
#include "services/demo.hpp"
#include "storage/district_repository.hpp"
#include "storage/organisation_repository.hpp"
#include "storage/plan_repository.hpp"
#include "storage/programme_repository.hpp"
#include "storage/user_repository.hpp"
#include "support/backend_test.hpp"

namespace dplan {
namespace {

using testing::BackendTest;

class DirectoryTest : public BackendTest {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        migrate();
    }
};

TEST_P(DirectoryTest, DistrictCodesAreUniqueAndADuplicateChangesNothing) {
    DistrictRepository districts(db());
    const auto id = districts.create({0, "riverside", {"河畔區", "Riverside"}});
    EXPECT_THROW(districts.create({0, "riverside", {"另一區", "Other"}}), InvalidInput);
    const auto all = districts.list();
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].id, id);
    EXPECT_EQ(all[0].name.zh, "河畔區");
    EXPECT_THROW(districts.get(id + 1), NotFound);
}

TEST_P(DirectoryTest, ChineseNamesCompareAsThemselvesIncludingBeyondTheBmp) {
    OrganisationRepository organisations(db());
    // Names that differ in one ideograph, and two ideographs outside the BMP that older
    // collations (utf8mb4_unicode_ci) treat as equal.
    organisations.create({0, {"河畔", "A"}, Sector::ngo});
    organisations.create({0, {"河畔區", "A"}, Sector::ngo});
    organisations.create({0, {"𠮷", "B"}, Sector::business});
    organisations.create({0, {"𩸽", "B"}, Sector::business});
    EXPECT_EQ(organisations.list().size(), 4u);
    EXPECT_THROW(organisations.create({0, {"河畔區", "A"}, Sector::health}), InvalidInput);
    EXPECT_EQ(organisations.list().size(), 4u);
}

TEST_P(DirectoryTest, PasswordsAreStoredOnlyAsArgon2idHashes) {
    UserRepository users(db());
    const std::string hash = hash_password("correct horse battery");
    const auto id = users.create({0, "officer.riverside", "陳主任", Role::officer, std::nullopt, std::nullopt}, hash);
    const auto stored = users.password_hash(id);
    ASSERT_TRUE(stored.has_value());
    EXPECT_TRUE(stored->starts_with("$argon2id$")) << *stored;
    EXPECT_TRUE(verify_password(*stored, "correct horse battery"));
    EXPECT_FALSE(verify_password(*stored, "correct horse battery!"));
    EXPECT_THROW(hash_password("short"), InvalidInput);

    const auto user = users.find_by_username("officer.riverside");
    ASSERT_TRUE(user.has_value());
    EXPECT_EQ(user->display_name, "陳主任");
    EXPECT_EQ(user->role, Role::officer);
    EXPECT_THROW(users.create({0, "officer.riverside", "x", Role::viewer, std::nullopt, std::nullopt}, ""),
                 InvalidInput);
    EXPECT_FALSE(users.password_hash(system_user_id).has_value()) << "system cannot sign in";
}

TEST_P(DirectoryTest, AWriteThatFailsHalfwayLeavesNothingBehind) {
    DistrictRepository districts(db());
    EXPECT_THROW(db().write("two districts",
                            [&] {
                                districts.create({0, "north", {"北區", "North"}});
                                districts.create({0, "north", {"北區", "North"}});
                            }),
                 InvalidInput);
    EXPECT_TRUE(districts.list().empty());
}

TEST_P(DirectoryTest, DemoLoadsOnceWithFiveBilingualAreas) {
    const DemoResult first = load_demo(db());
    EXPECT_TRUE(first.created);
    const DemoResult second = load_demo(db());
    EXPECT_FALSE(second.created);
    EXPECT_EQ(second.plan_id, first.plan_id);

    const Plan plan = PlanRepository(db()).get(first.plan_id);
    ASSERT_EQ(plan.sections.size(), 5u);
    for (const auto& section : plan.sections) {
        EXPECT_FALSE(section.objective.zh.empty()) << section.area_id;
        EXPECT_FALSE(section.objective.en.empty()) << section.area_id;
        EXPECT_GE(section.focus_points.size(), 2u) << section.area_id;
        for (const auto& point : section.focus_points) {
            EXPECT_FALSE(point.text.zh.empty());
            EXPECT_FALSE(point.text.en.empty());
            EXPECT_FALSE(point.partners.empty()) << point.text.en;
        }
    }
    EXPECT_EQ(plan.theme.zh, "Hand in Hand•同心河畔");
    EXPECT_EQ(OrganisationRepository(db()).list().size(), 7u);
    const auto programmes = ProgrammeRepository(db()).list(ReadScope::everything());
    ASSERT_EQ(programmes.size(), 1u);
    EXPECT_EQ(ProgrammeRepository(db()).indicators(programmes[0].id).size(), 10u);
}

DPLAN_INSTANTIATE_BACKEND_TESTS(DirectoryTest);

}  // namespace
}  // namespace dplan
