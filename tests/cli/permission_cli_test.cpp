// Users who may not do something are refused by the `dplan` binary itself: exit code 6 and one
// line per language, with the database left as it was. These are the cases a review found
// open before every command went through the service layer.
#include <gtest/gtest.h>

#include <fstream>

#include "storage/database.hpp"
#include "storage/district_repository.hpp"
#include "storage/organisation_repository.hpp"
#include "storage/programme_repository.hpp"
#include "storage/stakeholder_repository.hpp"
#include "storage/user_repository.hpp"
#include "support/run_command.hpp"
#include "support/test_database.hpp"

namespace dplan {
namespace {

using testing::CommandResult;

class PermissionCli : public ::testing::Test {
  protected:
    void SetUp() override {
        home = testing::make_temp_dir("dplan_permissions");
        url = "sqlite:" + (home / "plans.db").string();
        ASSERT_EQ(dplan("system", {"demo"}).exit_code, 0);
        db = Database::open(parse_database_url(url), OpenMode::must_exist);
        DistrictRepository(*db).get_by_code("north");
        ASSERT_EQ(dplan("system", {"user", "add", "viewer1", "--role", "viewer"}).exit_code, 0);
        ASSERT_EQ(
            dplan("system", {"user", "add", "north.officer", "--role", "officer", "--district", "north"}).exit_code, 0);
    }
    void TearDown() override { std::filesystem::remove_all(home); }

    CommandResult dplan(const std::string& user, std::vector<std::string> arguments) {
        arguments.insert(arguments.begin(), {"--db", url, "--user", user});
        return testing::run_command(DPLAN_EXECUTABLE, arguments,
                                    {"HOME=" + home.string(), "XDG_STATE_HOME=" + (home / "state").string()});
    }

    // Refused as a permission: exit 6, the reason in English and in Chinese, nothing else.
    void refused(const std::string& user, const std::vector<std::string>& arguments) {
        const auto result = dplan(user, arguments);
        EXPECT_EQ(result.exit_code, 6) << arguments.front() << " " << arguments.at(1) << ": " << result.err;
        EXPECT_NE(result.err.find("dplan: error: user '" + user + "'"), std::string::npos) << result.err;
        EXPECT_NE(result.err.find("dplan: 錯誤：用戶「" + user + "」"), std::string::npos) << result.err;
    }

    std::size_t readings() {
        std::size_t count = 0;
        ProgrammeRepository programmes(*db);
        for (const auto& programme : programmes.list(ReadScope::everything())) {
            count += programmes.current_readings(programme.id).size();
        }
        return count;
    }

    std::filesystem::path home;
    std::string url;
    std::unique_ptr<Database> db;
};

TEST_F(PermissionCli, AViewerCannotMakeAnAdministrator) {
    refused("viewer1", {"user", "add", "x", "--role", "admin"});
    EXPECT_FALSE(UserRepository(*db).find_by_username("x"));
}

TEST_F(PermissionCli, AnOfficerCannotTouchAnotherDistrictsProgrammesOrPlans) {
    const auto before = ProgrammeRepository(*db).list(ReadScope::everything()).size();
    refused("north.officer", {"programme", "new", "--name-zh", "越區計劃", "--start", "2024-04-01", "--end",
                              "2025-03-31", "--district", "riverside"});
    EXPECT_EQ(ProgrammeRepository(*db).list(ReadScope::everything()).size(), before);

    // Their own programme may not serve a focus point of Riverside's submitted plan.
    const auto created = dplan(
        "north.officer", {"programme", "new", "--name-zh", "北岸計劃", "--start", "2024-04-01", "--end", "2025-03-31"});
    ASSERT_EQ(created.exit_code, 0) << created.err;
    const auto programme = ProgrammeRepository(*db).find_by_name("北岸計劃");
    ASSERT_TRUE(programme);
    EXPECT_EQ(programme->district_id, DistrictRepository(*db).get_by_code("north").id)
        << "their own district by default";
    const auto shown = dplan("system", {"--lang", "en", "plan", "show", "1", "--ids"});
    const auto hash = shown.out.find("#");
    ASSERT_NE(hash, std::string::npos) << shown.out;
    const std::string point =
        shown.out.substr(hash + 1, shown.out.find_first_not_of("0123456789", hash + 1) - hash - 1);
    const auto measurable = ProgrammeRepository(*db).measurable_indicators(1);
    refused("north.officer", {"programme", "link", std::to_string(programme->id), "--focus-point", point});
    EXPECT_EQ(ProgrammeRepository(*db).measurable_indicators(1), measurable) << "the plan is as it was";
}

TEST_F(PermissionCli, IndicatorsAndReadingsNeedTheRightToReport) {
    const auto before = readings();
    refused("viewer1", {"indicators", "add", "1", "--code", "Z1", "--unit", "sessions", "--kind", "output"});
    refused("viewer1",
            {"indicators", "record", "1", "1A-a", "--value", "3", "--start", "2024-04-01", "--end", "2024-04-30"});
    refused("north.officer",
            {"indicators", "record", "1", "1A-a", "--value", "3", "--start", "2024-04-01", "--end", "2024-04-30"});
    const auto csv = home / "readings.csv";
    std::ofstream(csv) << "programme,indicator_code,kind,description,unit,target,actual,period_start,period_end\n"
                          "同行新路計劃,1A-a,output,社區講座,sessions,8,9,2024-04-01,2024-04-30\n";
    refused("north.officer", {"indicators", "import", csv.string()});
    EXPECT_EQ(readings(), before) << "nothing was written";
    for (const auto& indicator : ProgrammeRepository(*db).indicators(1)) EXPECT_NE(indicator.code, "Z1");
}

TEST_F(PermissionCli, TheDirectoryIsKeptByOfficersAndAdministrators) {
    const auto organisations = OrganisationRepository(*db).list().size();
    const auto stakeholders = StakeholderRepository(*db).list().size();
    refused("viewer1", {"org", "add", "--name-zh", "新機構"});
    refused("viewer1", {"stakeholder", "add", "--name-zh", "某人"});
    EXPECT_EQ(OrganisationRepository(*db).list().size(), organisations);
    EXPECT_EQ(StakeholderRepository(*db).list().size(), stakeholders);
}

TEST_F(PermissionCli, OfficersSeeOnlyTheirOwnDistrictsMeetingsAndActions) {
    auto result = dplan("system", {"meeting", "action", "list"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    ASSERT_NE(result.out.find("轉介聯絡名單"), std::string::npos) << "the demo's action item: " << result.out;
    result = dplan("north.officer", {"meeting", "action", "list"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.out.find("轉介聯絡名單"), std::string::npos) << result.out;
    result = dplan("north.officer", {"meeting", "list"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_TRUE(result.out.empty()) << result.out;
    refused("north.officer", {"meeting", "show", "1"});
}

}  // namespace
}  // namespace dplan
