// Districts, organisations, users, demo data and transactions on both backends.
#include <gtest/gtest.h>

#include "domain/password.hpp"
#include "services/demo.hpp"
#include "storage/district_repository.hpp"
#include "storage/organisation_repository.hpp"
#include "storage/plan_repository.hpp"
#include "storage/programme_repository.hpp"
#include "storage/user_repository.hpp"
#include "support/arrange.hpp"
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
    const auto id = testing::arrange(db(), [&] {
        return districts.create({0, "riverside", {"河畔區", "Riverside"}, {}, {}, {}});
    });
    EXPECT_THROW(testing::arrange(db(),
                                  [&] {
                                      return districts.create({0, "riverside", {"另一區", "Other"}, {}, {}, {}});
                                  }),
                 InvalidInput);
    const auto all = districts.list();
    ASSERT_EQ(all.size(), 19u) << "the 18 seeded districts and riverside";
    EXPECT_EQ(districts.get_by_code("riverside").id, id);
    EXPECT_EQ(districts.get(id).name.zh, "河畔區");
    EXPECT_THROW(districts.get(id + 1), NotFound);
}

TEST_P(DirectoryTest, ChineseNamesCompareAsThemselvesIncludingBeyondTheBmp) {
    OrganisationRepository organisations(db());
    // Names that differ in one ideograph, and two ideographs outside the BMP that older
    // collations (utf8mb4_unicode_ci) treat as equal.
    testing::arrange(db(), [&] { return organisations.create({0, {"河畔", "A"}, Sector::ngo}); });
    testing::arrange(db(), [&] { return organisations.create({0, {"河畔區", "A"}, Sector::ngo}); });
    testing::arrange(db(), [&] { return organisations.create({0, {"𠮷", "B"}, Sector::business}); });
    testing::arrange(db(), [&] { return organisations.create({0, {"𩸽", "B"}, Sector::business}); });
    EXPECT_EQ(organisations.list().size(), 4u);
    EXPECT_THROW(testing::arrange(db(),
                                  [&] {
                                      return organisations.create({0, {"河畔區", "A"}, Sector::health});
                                  }),
                 InvalidInput);
    EXPECT_EQ(organisations.list().size(), 4u);
}

TEST_P(DirectoryTest, PasswordsAreStoredOnlyAsArgon2idHashes) {
    UserRepository users(db());
    const std::string hash = hash_password("correct horse battery");
    const auto id = testing::arrange(db(), [&] {
        return users.create({0, "officer.riverside", "陳主任", Role::officer, std::nullopt, std::nullopt, ""}, hash);
    });
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
    EXPECT_THROW(
        testing::arrange(
            db(),
            [&] {
                return users.create({0, "officer.riverside", "x", Role::viewer, std::nullopt, std::nullopt, ""}, "");
            }),
        InvalidInput);
    EXPECT_FALSE(users.password_hash(system_user_id).has_value()) << "system cannot sign in";
}

TEST_P(DirectoryTest, AFreshDatabaseHoldsTheEighteenDistrictsWithTheirCouncilsAndOffices) {
    DistrictRepository districts(db());
    EXPECT_EQ(districts.list().size(), 18u);
    const District tsuen_wan = districts.get_by_code("tsuen_wan");
    EXPECT_EQ(tsuen_wan.name.zh, "荃灣區");
    EXPECT_EQ(tsuen_wan.name.en, "Tsuen Wan");
    EXPECT_EQ(tsuen_wan.council.zh, "荃灣區議會");
    EXPECT_EQ(tsuen_wan.committee.zh, "社會服務及社區發展委員會");
    EXPECT_EQ(tsuen_wan.office.zh, "社會福利署荃灣及葵青區福利辦事處");
    EXPECT_EQ(districts.get_by_code("kwai_tsing").office.zh, tsuen_wan.office.zh) << "one office, two districts";
    EXPECT_EQ(districts.get_by_code("islands").name.zh, "離島區");
    EXPECT_EQ(districts.get_by_code("north").council.zh, "北區區議會");
}

TEST_P(DirectoryTest, ADistrictIsFoundByItsNameWithOrWithoutTheFinalQuOrInEnglish) {
    DistrictRepository districts(db());
    const auto tsuen_wan = districts.get_by_code("tsuen_wan").id;
    EXPECT_EQ(districts.find_by_name("荃灣區").value().id, tsuen_wan);
    EXPECT_EQ(districts.find_by_name("荃灣").value().id, tsuen_wan);
    EXPECT_EQ(districts.find_by_name("Tsuen Wan").value().id, tsuen_wan);
    EXPECT_EQ(districts.find_by_name("tsuen_wan").value().id, tsuen_wan);
    EXPECT_EQ(districts.find_by_name("北區").value().code, "north");
    EXPECT_EQ(districts.find_by_name("北區區").value().code, "north") << "as 北區區議會 is read";
    EXPECT_EQ(districts.find_by_name("東區").value().code, "eastern");
    EXPECT_FALSE(districts.find_by_name("河畔").has_value());
    EXPECT_FALSE(districts.find_by_name("").has_value());
}

TEST_P(DirectoryTest, AWriteThatFailsHalfwayLeavesNothingBehind) {
    DistrictRepository districts(db());
    const auto before = districts.list().size();
    EXPECT_THROW(db().write("two districts",
                            [&] {
                                testing::arrange(db(), [&] {
                                    return districts.create({0, "north_shore", {"北岸區", "North Shore"}, {}, {}, {}});
                                });
                                testing::arrange(db(), [&] {
                                    return districts.create({0, "north_shore", {"北岸區", "North Shore"}, {}, {}, {}});
                                });
                            }),
                 InvalidInput);
    EXPECT_EQ(districts.list().size(), before);
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
