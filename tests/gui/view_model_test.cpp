// The dashboard's view logic on the demo database (SQLite and MariaDB), without a window: what each screen shows,
// the labels, the conflict merge, and live updates from another connection.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <set>
#include <thread>

#include "model/dashboard_client.hpp"
#include "model/plan_merge.hpp"
#include "model/view_models.hpp"
#include "model/worker.hpp"
#include "services/authorization.hpp"
#include "services/demo.hpp"
#include "services/pdf_text.hpp"
#include "storage/migration.hpp"
#include "storage/district_repository.hpp"
#include "storage/programme_repository.hpp"
#include "storage/user_repository.hpp"
#include "support/backend_test.hpp"

namespace dplan::gui {
namespace {

class DashboardModel : public dplan::testing::BackendTest {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        migrate();
        load_demo(db());
        url = test_database().url();
        client = open_local_client(url, "system", loader());
        snapshot = client->load({});
    }
    static plugins::LoaderOptions loader() {
        plugins::LoaderOptions options;
        options.directories = {DPLAN_BUILT_PLUGIN_DIR};
        options.allow_unsigned = true;
        return options;
    }
    void TearDown() override { client.reset(); }
    std::string url;
    std::unique_ptr<DashboardClient> client;
    Snapshot snapshot;
};

TEST_P(DashboardModel, TheOverviewHasACardPerAreaWithCountsFindingsAndBars) {
    ASSERT_TRUE(snapshot.plan.has_value()) << "the district's plan is opened by default";
    const auto cards = overview_cards(snapshot);
    ASSERT_EQ(cards.size(), 5u);
    EXPECT_EQ(cards[0].area.id, "family");
    EXPECT_EQ(cards[0].area.name.en, "Family and child welfare services");
    EXPECT_EQ(cards[0].focus_points, 3u);
    EXPECT_EQ(cards[0].sectors_engaged, 6u);
    EXPECT_EQ(cards[0].warnings, 1) << "no linked indicators: the SMART warning";
    EXPECT_TRUE(cards[0].bars.empty());
    const auto& youth = cards[3];
    EXPECT_EQ(youth.area.id, "youth");
    EXPECT_EQ(youth.warnings, 0);
    ASSERT_EQ(youth.bars.size(), 10u);
    EXPECT_EQ(youth.bars[1].label, "同行新路計劃 1A-b");
    EXPECT_EQ(format_percent(*youth.bars[1].percent), "130%") << "over 100% is shown as such";
    EXPECT_FALSE(youth.bars[4].met) << "outreach 90%";
    EXPECT_TRUE(youth.bars[9].outcome);
    EXPECT_FALSE(youth.bars[9].met) << "58.3% against 60%";
}

TEST_P(DashboardModel, TheProgrammeTableFiltersAndSorts) {
    EXPECT_EQ(programme_rows(snapshot, "同行", ProgrammeColumn::name, true).size(), 1u);
    EXPECT_EQ(programme_rows(snapshot, "walking", ProgrammeColumn::name, true).size(), 1u) << "English, any case";
    EXPECT_TRUE(programme_rows(snapshot, "長者", ProgrammeColumn::name, true).empty());
    ASSERT_FALSE(snapshot.programme_indicators.empty()) << "the first programme's indicators are loaded";
    EXPECT_EQ(snapshot.programme_indicators.size(), 10u);
    ASSERT_EQ(snapshot.shortfalls.size(), 2u);
    EXPECT_EQ(snapshot.shortfalls[0].code, "2");
}

TEST_P(DashboardModel, MeetingsSplitIntoUpcomingAndPastWithOverdueActionsCounted) {
    const auto lists = split_meetings(snapshot, "2025-01-01");
    ASSERT_EQ(lists.upcoming.size(), 1u);
    EXPECT_EQ(lists.upcoming[0]->meeting.kind, MeetingKind::consultation_session);
    ASSERT_EQ(lists.past.size(), 2u);
    EXPECT_EQ(lists.past[0]->meeting.kind, MeetingKind::committee_meeting) << "latest first";
    EXPECT_EQ(lists.past[1]->views.size(), 3u);
    EXPECT_EQ(lists.overdue_actions, 1u);
    EXPECT_EQ(split_meetings(snapshot, "2027-06-01").overdue_actions, 2u);
}

TEST_P(DashboardModel, ReviewThreadsArePinnedToSectionsAndResolve) {
    client->submit_plan(*snapshot.selection.plan_id);  // comments are on submitted plans
    client->comment(*snapshot.selection.plan_id, {std::string("youth"), std::nullopt}, "請補充學校合作細節");
    auto updated = client->load(snapshot.selection);
    auto threads = review_threads(updated, "youth");
    ASSERT_EQ(threads.size(), 1u);
    EXPECT_EQ(threads[0].root->body, "請補充學校合作細節");
    EXPECT_FALSE(threads[0].resolved);
    EXPECT_TRUE(review_threads(updated, "").empty());
    client->respond(threads[0].root->id, CommentKind::resolution, "已補充");
    updated = client->load(snapshot.selection);
    threads = review_threads(updated, "youth");
    ASSERT_EQ(threads.size(), 1u);
    EXPECT_TRUE(threads[0].resolved);
}

TEST_P(DashboardModel, EveryLabelExistsInBothLanguagesAndTheAtlasCoversTheData) {
    std::set<std::string_view> keys;
    for (const auto& [key, text] : Strings::table()) {
        EXPECT_TRUE(keys.insert(key).second) << "duplicate key " << key;
        EXPECT_FALSE(text.zh.empty()) << key;
        EXPECT_FALSE(text.en.empty()) << key;
    }
    Strings tr(Language::en);
    EXPECT_STREQ(tr("screen.meetings"), "Meetings");
    tr.set_language(Language::zh);
    EXPECT_STREQ(tr("screen.meetings"), "會議");
    EXPECT_STREQ(tr("no.such.key"), "?");
    const std::string text = text_to_render(snapshot);
    for (const char* expected : {"同行新路計劃", "陳志明主席", "希望長者地區中心增設夜間服務", "河畔區", "警告"}) {
        EXPECT_NE(text.find(expected), std::string::npos) << expected;
    }
}

TEST_P(DashboardModel, AStaleSaveIsAConflictAndMyEditsMergeIntoTheLatest) {
    Plan mine = *snapshot.plan;
    Plan theirs = *snapshot.plan;
    theirs.sections[0].objective.zh = "他人修改的目標";
    client->save_plan(theirs, "someone else");
    mine.sections[1].focus_points[0].text.zh = "我修改的重點";
    EXPECT_THROW(client->save_plan(mine, "mine"), Conflict);
    const Plan latest = *client->load(snapshot.selection).plan;
    const Plan merged = merge_edits(*snapshot.plan, mine, latest);
    EXPECT_EQ(merged.sections[0].objective.zh, "他人修改的目標") << "their change stays";
    EXPECT_EQ(merged.sections[1].focus_points[0].text.zh, "我修改的重點") << "mine is re-applied";
    EXPECT_EQ(merged.version, latest.version);
    client->save_plan(merged, "mine, merged");
    EXPECT_EQ(client->load(snapshot.selection).plan->sections[1].focus_points[0].text.zh, "我修改的重點");
}

TEST_P(DashboardModel, TheCommitteePaperExportsAsAPdfWithChineseText) {
    const auto file = dplan::testing::make_temp_dir("paper") / "paper.pdf";
    client->export_plan_pdf(*snapshot.selection.plan_id, file.string());
    const std::string text = pdf_text(file);
    EXPECT_NE(text.find("同心河畔"), std::string::npos) << text;
    std::filesystem::remove_all(file.parent_path());
}

TEST_P(DashboardModel, TheWorkerPicksUpChangesMadeByAnotherConnection) {
    Worker worker([this] { return open_local_client(url, "system", loader()); });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!worker.idle() && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ASSERT_TRUE(worker.idle());
    const auto before = worker.snapshot();
    {
        // Another process would do the same: its own connection, its own transaction.
        auto other = Database::open(parse_database_url(url), OpenMode::must_exist);
        ProgrammeRepository programmes(*other);
        const auto outreach = programmes.indicators(1)[4];
        programmes.add_reading(outreach.id, 220, "2023-04-01", "2025-03-31", system_user_id);
    }
    std::shared_ptr<const Snapshot> after;
    while (std::chrono::steady_clock::now() < deadline) {
        after = worker.snapshot();
        if (after != before) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ASSERT_NE(after, before) << "no reload within the deadline";
    EXPECT_EQ(after->shortfalls.size(), 1u) << "outreach now meets its target";
}

// The dashboard goes through the same services as the CLI: an officer of another district sees
// none of Riverside's plans, meetings or programmes, and cannot import readings for them.
TEST_P(DashboardModel, AnOfficerOfAnotherDistrictSeesNothingOfRiverside) {
    ASSERT_FALSE(snapshot.meetings.empty());
    ASSERT_FALSE(snapshot.programmes.empty());
    const auto north = DistrictRepository(db()).create({0, "north", {"北岸區", "North Shore"}});
    UserRepository(db()).create({0, "north.officer", "north.officer", Role::officer, north, {}}, "");
    auto outsider = open_local_client(url, "north.officer", loader());
    Selection riverside;
    riverside.district_id = snapshot.selection.district_id;
    const Snapshot seen = outsider->load(riverside);
    EXPECT_TRUE(seen.plans.empty());
    EXPECT_FALSE(seen.plan.has_value());
    EXPECT_TRUE(seen.meetings.empty());
    EXPECT_TRUE(seen.programmes.empty());
    const std::string csv = "programme,indicator_code,kind,description,unit,target,actual,period_start,period_end\n"
                            "同行新路計劃,1A-a,output,社區講座,sessions,8,9,2024-04-01,2024-04-30\n";
    EXPECT_THROW(outsider->import_indicators(csv, {}), PermissionDenied);
}

DPLAN_INSTANTIATE_BACKEND_TESTS(DashboardModel);

}  // namespace
}  // namespace dplan::gui
