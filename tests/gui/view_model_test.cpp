// The dashboard's view logic on the demo database (SQLite and MariaDB), without a window: what each screen shows,
// the labels, the conflict dialog, and live updates from another connection.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <set>
#include <thread>

#include "model/area_addition.hpp"
#include "model/conflict_resolution.hpp"
#include "model/dashboard_client.hpp"
#include "model/editor_session.hpp"
#include "model/view_models.hpp"
#include "model/worker.hpp"
#include "services/account_service.hpp"
#include "services/authorization.hpp"
#include "services/demo.hpp"
#include "services/pdf_text.hpp"
#include "services/programme_service.hpp"
#include "storage/district_repository.hpp"
#include "storage/migration.hpp"
#include "storage/plan_repository.hpp"
#include "storage/programme_repository.hpp"
#include "storage/user_repository.hpp"
#include "support/arrange.hpp"
#include "support/backend_test.hpp"
#include "support/whole_chinese.hpp"

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
    static User system_user() { return {system_user_id, "system", "system", Role::system, {}, {}, ""}; }
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
    EXPECT_EQ(youth.bars[1].label.zh, "同行新路計劃 1A-b");
    EXPECT_EQ(format_percent(*youth.bars[1].percent), "130%") << "over 100% is shown as such";
    EXPECT_FALSE(youth.bars[4].met) << "outreach 90%";
    EXPECT_TRUE(youth.bars[9].outcome);
    EXPECT_FALSE(youth.bars[9].met) << "58.3% against 60%";
}

// Issue 22: an outcome reads as the rate achieved against the target rate on every screen (bar,
// indicator table, furthest below target); an output as its share of the target.
TEST_P(DashboardModel, OutcomesReadAsTheRateAgainstTheTargetRateEverywhereAndOutputsAsAShareOfTarget) {
    const auto cards = overview_cards(snapshot);
    const IndicatorBar& o3 = cards[3].bars[9];
    ASSERT_TRUE(o3.outcome);
    EXPECT_DOUBLE_EQ(*o3.percent, 58.3) << "the bar is the rate itself, drawn against a mark at 60%";
    EXPECT_EQ(achievement_text(o3).en, "58.3% against a target of 60%");
    EXPECT_EQ(achievement_text(o3).zh, "58.3%（目標 60%）");
    EXPECT_EQ(achievement_text(cards[3].bars[1]).en, "130%") << "outputs stay a share of their target";

    const auto indicator = std::find_if(snapshot.programme_indicators.begin(), snapshot.programme_indicators.end(),
                                        [](const Indicator& i) { return i.code == "O3"; });
    ASSERT_NE(indicator, snapshot.programme_indicators.end());
    EXPECT_EQ(achievement_text(*indicator).en, "58.3% against a target of 60%");

    ASSERT_EQ(snapshot.shortfalls.size(), 2u);
    EXPECT_FALSE(snapshot.shortfalls[0].outcome);
    EXPECT_EQ(achievement_text(snapshot.shortfalls[0]).en, "90%") << "outreach, an output";
    EXPECT_TRUE(snapshot.shortfalls[1].outcome);
    EXPECT_EQ(snapshot.shortfalls[1].code, "O3");
    EXPECT_EQ(achievement_text(snapshot.shortfalls[1]).en, "58.3% against a target of 60%") << "not 97.2%";
    EXPECT_EQ(achievement_text(false, std::nullopt, 10).en, "") << "not reported";
    EXPECT_EQ(achievement_text(false, 3.0, 0).en, "n/a");
}

// Issue 22: labels in the chosen language where the data has it, the other language only where it does not.
TEST_P(DashboardModel, ProgrammeAndIndicatorLabelsUseTheChosenLanguageAndFallBackOnlyWhereTheDataLacksIt) {
    Strings en(Language::en), zh(Language::zh);
    const auto cards = overview_cards(snapshot);
    const IndicatorBar& bar = cards[3].bars[1];
    EXPECT_EQ(en.pick(bar.label).rfind("同行", 0), std::string::npos) << "English, not Chinese: " << en.pick(bar.label);
    EXPECT_NE(en.pick(bar.label).find("1A-b"), std::string::npos) << en.pick(bar.label);
    EXPECT_EQ(zh.pick(bar.label), "同行新路計劃 1A-b");
    ASSERT_FALSE(snapshot.shortfalls.empty());
    EXPECT_FALSE(snapshot.shortfalls[0].description.zh.empty());

    // A programme with no English name: English falls back to its Chinese name.
    ProgrammeService programmes(db(), system_user());
    Programme chinese_only;
    chinese_only.name = {"長者數碼共融計劃", ""};
    chinese_only.district_id = snapshot.selection.district_id;
    chinese_only.period_start = "2024-04-01";
    chinese_only.period_end = "2025-03-31";
    chinese_only.areas = {"elderly"};
    const auto id = programmes.create(chinese_only);
    Indicator talks;
    talks.programme_id = id;
    talks.code = "1";
    talks.description = {"數碼講座", "Digital talks"};
    talks.unit = "sessions";
    talks.target = 4;
    programmes.put_indicator(talks);
    programmes.record_reading(id, "1", 1, "2024-04-01", "2024-06-30");
    Selection selection = snapshot.selection;
    selection.programme_id = id;
    const Snapshot updated = client->load(selection);
    const auto row = std::find_if(updated.programmes.begin(), updated.programmes.end(),
                                  [&](const AchievementGroup& g) { return g.key == std::to_string(id); });
    ASSERT_NE(row, updated.programmes.end());
    EXPECT_EQ(en.pick(row->label), "長者數碼共融計劃");
    ASSERT_EQ(updated.programme_indicators.size(), 1u);
    EXPECT_EQ(en.pick(updated.programme_indicators[0].description), "Digital talks");
    EXPECT_EQ(zh.pick(updated.programme_indicators[0].description), "數碼講座");
    const auto shortfall = std::find_if(updated.shortfalls.begin(), updated.shortfalls.end(),
                                        [&](const ShortfallRow& r) { return r.programme_id == id; });
    ASSERT_NE(shortfall, updated.shortfalls.end());
    EXPECT_EQ(en.pick(shortfall->programme), "長者數碼共融計劃");
    EXPECT_EQ(en.pick(shortfall->description), "Digital talks");
    EXPECT_EQ(en.pick(achievement_text(*shortfall)), "25%");
}

// Issue 22: the trends view sums up each area per financial year, and one programme across its readings.
TEST_P(DashboardModel, TrendsAggregateEachAreaPerYearAndAProgrammeAcrossItsReadings) {
    ProgrammeService programmes(db(), system_user());
    // Last year's youth programme in the same district: one output at 50%, one outcome met.
    Programme last_year;
    last_year.name = {"青少年生涯規劃計劃", "Youth Life Planning"};
    last_year.district_id = snapshot.selection.district_id;
    last_year.period_start = "2023-04-01";
    last_year.period_end = "2024-03-31";
    last_year.areas = {"youth"};
    const auto id = programmes.create(last_year);
    Indicator workshops;
    workshops.programme_id = id;
    workshops.code = "1";
    workshops.description = {"工作坊", "Workshops"};
    workshops.unit = "sessions";
    workshops.target = 10;
    programmes.put_indicator(workshops);
    Indicator confidence = workshops;
    confidence.code = "O1";
    confidence.kind = IndicatorKind::outcome;
    confidence.description = {"參加者信心提升", "Participants more confident"};
    confidence.unit = "percent";
    confidence.target = 70;
    programmes.put_indicator(confidence);
    programmes.record_reading(id, "1", 2, "2023-04-01", "2023-09-30");
    programmes.record_reading(id, "1", 3, "2023-10-01", "2024-03-31");
    programmes.record_reading(id, "1", 4, "2023-04-01", "2023-09-30");  // a correction: 4, not 2
    programmes.record_reading(id, "O1", 65, "2023-04-01", "2023-09-30");
    programmes.record_reading(id, "O1", 72, "2023-10-01", "2024-03-31");

    Selection selection = snapshot.selection;
    selection.programme_id = id;
    const Snapshot s = client->load(selection);
    EXPECT_EQ(trend_years(s), (std::vector<std::string>{"2023-24", "2024-25"}));
    const auto trends = area_trends(s);
    ASSERT_EQ(trends.size(), 5u) << "every loaded area, in standard order";
    EXPECT_EQ(trends[0].area.id, "family");
    const AreaTrend& youth = trends[3];
    ASSERT_EQ(youth.area.id, "youth");
    ASSERT_EQ(youth.years.size(), 2u);
    EXPECT_EQ(youth.years[0].financial_year, "2023-24");
    EXPECT_EQ(youth.years[0].programmes, 1);
    EXPECT_DOUBLE_EQ(*youth.years[0].mean_output_percent, 70.0) << "(4 + 3) of 10";
    EXPECT_EQ(youth.years[0].outcomes_met, 1);
    EXPECT_EQ(youth.years[0].outcomes_reported, 1);
    EXPECT_EQ(youth.years[1].financial_year, "2024-25");
    EXPECT_EQ(youth.years[1].outcomes_met, 2) << "O1 and O2 met, O3 (58.3% of 60%) not";
    EXPECT_EQ(youth.years[1].outcomes_reported, 3);
    EXPECT_EQ(trends[1].years[0].programmes, 0) << "elderly ran nothing that year";
    EXPECT_FALSE(trends[1].years[0].mean_output_percent.has_value());

    const auto lines = programme_trends(s);
    ASSERT_EQ(lines.size(), 2u);
    const auto& output = lines[0].outcome ? lines[1] : lines[0];
    const auto& outcome = lines[0].outcome ? lines[0] : lines[1];
    ASSERT_EQ(output.points.size(), 2u) << "the superseded reading is left out";
    EXPECT_EQ(output.points[0].period_end, "2023-09-30");
    EXPECT_DOUBLE_EQ(output.points[0].value, 40.0);
    EXPECT_DOUBLE_EQ(output.points[1].value, 70.0) << "readings add up";
    ASSERT_EQ(outcome.points.size(), 2u);
    EXPECT_DOUBLE_EQ(outcome.points[0].value, 65.0);
    EXPECT_DOUBLE_EQ(outcome.points[1].value, 72.0) << "outcomes: the rate at each reading";
}

// Issue 14: the editor's draft and its sync with the stored plan, without a window.
TEST_P(DashboardModel, TheEditorKeepsTheUsersDraftFollowsOthersWhenUntouchedAndOpensTheConflictDialog) {
    EditorSession editor;
    editor.follow(*snapshot.plan);
    ASSERT_TRUE(editor.has_draft());
    EXPECT_FALSE(editor.changed());
    EXPECT_TRUE(editor.editable());

    // Someone else saves while I have changed nothing: I see their version.
    Plan theirs = *snapshot.plan;
    theirs.theme.zh = "他人的主題";
    client->save_plan(theirs, "someone else");
    editor.follow(*client->load(snapshot.selection).plan);
    EXPECT_EQ(editor.draft().theme.zh, "他人的主題");
    EXPECT_FALSE(editor.changed());

    // I edit; someone else saves again: my draft stays as I left it.
    editor.draft().sections[0].objective.en = "My objective";
    ASSERT_TRUE(editor.changed());
    Plan again = *client->load(snapshot.selection).plan;
    again.sections[1].objective.zh = "他人再改";
    client->save_plan(again, "someone else again");
    editor.follow(*client->load(snapshot.selection).plan);
    EXPECT_EQ(editor.draft().sections[0].objective.en, "My objective");
    EXPECT_NE(editor.draft().sections[1].objective.zh, "他人再改") << "not merged behind my back";

    // My save is refused as stale: the dialog opens with nothing to settle, and its merge is saved.
    editor.reason = "clearer objective";
    const auto [draft, reason] = editor.start_save();
    EXPECT_EQ(reason, "clearer objective");
    EXPECT_TRUE(editor.reason.empty());
    EXPECT_THROW(client->save_plan(draft, reason), Conflict);
    const Plan latest = *client->load(snapshot.selection).plan;
    EXPECT_TRUE(editor.save_failed(latest)) << "our own save: the dialog opens";
    ASSERT_TRUE(editor.conflict().has_value());
    EXPECT_FALSE(editor.awaiting_save());
    EXPECT_TRUE(editor.conflict()->complete());
    editor.apply_merge();
    EXPECT_FALSE(editor.conflict().has_value());
    EXPECT_EQ(editor.base().version, latest.version);
    EXPECT_EQ(editor.draft().sections[1].objective.zh, "他人再改");
    EXPECT_EQ(editor.draft().sections[0].objective.en, "My objective");

    // Saved on top of the latest version: the editor continues from what is stored.
    const auto [merged, why] = editor.start_save();
    EXPECT_EQ(why, "dashboard edit") << "a default reason";
    client->save_plan(merged, why);
    editor.follow(*client->load(snapshot.selection).plan);
    EXPECT_FALSE(editor.awaiting_save());
    EXPECT_FALSE(editor.changed());
    EXPECT_EQ(editor.base().version, latest.version + 1);

    // A submitted plan is frozen, and the untouched editor shows it submitted; so it is when I had
    // edits of my own (someone else submitted meanwhile).
    client->submit_plan(snapshot.plan->id);
    const Plan submitted = *client->load(snapshot.selection).plan;
    editor.follow(submitted);
    EXPECT_FALSE(editor.editable());
    EXPECT_EQ(editor.draft().status, submitted.status);
    EditorSession other;
    other.follow(*snapshot.plan);
    other.draft().theme.en = "Edited";
    other.follow(submitted);
    EXPECT_FALSE(other.editable());
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
    // Window titles are labels too: each dialog's title is a "title." key, in both languages.
    for (const char* title :
         {"title.conflict", "title.error", "title.help", "title.submit", "title.matrix_cell", "app.title"}) {
        EXPECT_TRUE(keys.contains(title)) << title;
    }
    for (const auto& [keys_pressed, what] : keyboard_shortcuts()) {
        EXPECT_FALSE(what.zh.empty()) << keys_pressed;
        EXPECT_FALSE(what.en.empty()) << keys_pressed;
    }
    Strings tr(Language::en);
    EXPECT_STREQ(tr("title.conflict"), "Someone else changed this plan");
    EXPECT_STREQ(tr("screen.meetings"), "Meetings");
    tr.set_language(Language::zh);
    EXPECT_STREQ(tr("screen.meetings"), "會議");
    EXPECT_STREQ(tr("no.such.key"), "?");
    const std::string text = text_to_render(snapshot);
    for (const char* expected : {"同行新路計劃", "陳志明主席", "希望長者地區中心增設夜間服務", "河畔區", "警告"}) {
        EXPECT_NE(text.find(expected), std::string::npos) << expected;
    }
}

// Issue 13 as observed: I change the family objective's English, someone else its Chinese first.
TEST_P(DashboardModel, AStaleSaveMergesMyEnglishWithTheirChineseAndBothSurvive) {
    Plan mine = *snapshot.plan;
    Plan theirs = *snapshot.plan;
    theirs.sections[0].objective.zh = "他人修改的中文目標";
    client->save_plan(theirs, "someone else");
    mine.sections[0].objective.en = "My English objective";
    mine.sections[1].focus_points[0].text.zh = "我修改的重點";
    EXPECT_THROW(client->save_plan(mine, "mine"), Conflict);
    const Plan latest = *client->load(snapshot.selection).plan;

    ConflictResolution dialog(*snapshot.plan, mine, latest);
    EXPECT_TRUE(dialog.conflicts().empty());
    EXPECT_TRUE(dialog.complete()) << "nothing to ask: it can be saved at once";
    ASSERT_EQ(dialog.their_changes().size(), 1u);
    EXPECT_EQ(dialog.their_changes()[0].where.en, "family · objective");
    EXPECT_EQ(dialog.merged().version, latest.version);
    client->save_plan(dialog.merged(), "mine, merged");

    const Plan stored = *client->load(snapshot.selection).plan;
    EXPECT_EQ(stored.sections[0].objective.zh, "他人修改的中文目標") << "their Chinese stays";
    EXPECT_EQ(stored.sections[0].objective.en, "My English objective") << "my English is applied";
    EXPECT_EQ(stored.sections[1].focus_points[0].text.zh, "我修改的重點");
    std::vector<std::string> changes;
    for (const auto& change : diff_plans(latest, stored)) changes.push_back(change.where.en + ": " + change.what.en);
    EXPECT_EQ(changes.size(), 2u) << "only my two changes, nothing of theirs reverted";
}

TEST_P(DashboardModel, TheDialogListsConflictsWithTheirThreeValuesAndSavesTheUsersChoices) {
    const Plan base = *snapshot.plan;
    Plan mine = base, theirs = base;
    theirs.sections[0].objective.zh = "他人的目標";
    theirs.sections[0].focus_points[1].text.en = "Their rewording";
    const auto removed_id = theirs.sections[0].focus_points[2].id;
    theirs.sections[0].focus_points[2].text.zh += "（他人補充）";
    client->save_plan(theirs, "someone else");
    mine.sections[0].objective.zh = "我的目標";
    mine.sections[0].focus_points[1].text.en = "My rewording";
    mine.sections[0].focus_points.erase(mine.sections[0].focus_points.begin() + 2);
    EXPECT_THROW(client->save_plan(mine, "mine"), Conflict);
    const Plan latest = *client->load(snapshot.selection).plan;

    ConflictResolution dialog(base, mine, latest);
    ASSERT_EQ(dialog.conflicts().size(), 3u);
    EXPECT_EQ(dialog.conflicts()[0].where.en, "family · objective (Chinese)");
    EXPECT_EQ(dialog.conflicts()[0].base.shown.zh, base.sections[0].objective.zh);
    EXPECT_EQ(dialog.conflicts()[0].mine.shown.zh, "我的目標");
    EXPECT_EQ(dialog.conflicts()[0].theirs.shown.zh, "他人的目標");
    EXPECT_EQ(dialog.conflicts()[1].item.field, MergeField::focus_point_text);
    EXPECT_EQ(dialog.conflicts()[2].item.field, MergeField::focus_point);
    EXPECT_FALSE(dialog.conflicts()[2].mine.present) << "I removed it";
    EXPECT_EQ(dialog.unsettled(), 3u);
    EXPECT_FALSE(dialog.complete());

    dialog.choose(0, MergeSide::mine);
    EXPECT_EQ(dialog.editable_text(1), "My rewording");
    dialog.write(1, "Our rewording");
    dialog.write(2, "not a text item: ignored");
    EXPECT_FALSE(dialog.choice(2).has_value());
    dialog.choose(2, MergeSide::theirs);
    EXPECT_TRUE(dialog.complete());
    EXPECT_EQ(dialog.choice(1)->text, "Our rewording");

    client->save_plan(dialog.merged(), "merged");
    const Plan stored = *client->load(snapshot.selection).plan;
    EXPECT_EQ(stored.sections[0].objective.zh, "我的目標");
    EXPECT_EQ(stored.sections[0].focus_points[1].text.en, "Our rewording");
    ASSERT_EQ(stored.sections[0].focus_points.size(), base.sections[0].focus_points.size())
        << "their edited point kept";
    EXPECT_EQ(stored.sections[0].focus_points[2].id, removed_id);
    EXPECT_EQ(stored.sections[0].focus_points[2].text.zh, latest.sections[0].focus_points[2].text.zh);
}

TEST_P(DashboardModel, WhenTheStoredPlanMovesOnAgainChoicesOnUnchangedValuesStay) {
    const Plan base = *snapshot.plan;
    Plan mine = base, theirs = base;
    mine.theme.zh = "我的主題";
    mine.sections[0].objective.en = "Mine";
    theirs.theme.zh = "他人的主題";
    theirs.sections[0].objective.en = "Theirs";
    client->save_plan(theirs, "someone else");
    ConflictResolution dialog(base, mine, *client->load(snapshot.selection).plan);
    ASSERT_EQ(dialog.conflicts().size(), 2u);
    dialog.choose(0, MergeSide::mine);
    dialog.choose(1, MergeSide::mine);
    Plan again = *client->load(snapshot.selection).plan;
    again.sections[0].objective.en = "Theirs, again";
    client->save_plan(again, "someone else again");
    dialog.rebase(*client->load(snapshot.selection).plan);
    EXPECT_EQ(dialog.latest().version, again.version + 1);
    EXPECT_EQ(dialog.merged().version, again.version + 1);
    ASSERT_EQ(dialog.conflicts().size(), 2u);
    EXPECT_TRUE(dialog.choice(0).has_value()) << "the theme's three values did not change";
    EXPECT_FALSE(dialog.choice(1).has_value()) << "their objective changed again: ask again";
    EXPECT_EQ(dialog.conflicts()[1].theirs.shown.en, "Theirs, again");
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
    while (!worker.idle() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ASSERT_TRUE(worker.idle());
    const auto before = worker.snapshot();
    {
        // Another process would do the same: its own connection, its own transaction.
        auto other = Database::open(parse_database_url(url), OpenMode::must_exist);
        ProgrammeRepository programmes(*other);
        const auto outreach = programmes.indicators(1)[4];
        testing::arrange(*other,
                         [&] { programmes.add_reading(outreach.id, 220, "2023-04-01", "2025-03-31", system_user_id); });
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
    const auto north = DistrictRepository(db()).get_by_code("north").id;
    AccountService(db(), system_user())
        .add_user({0, "north.officer", "north.officer", Role::officer, north, {}, ""}, "");
    auto outsider = open_local_client(url, "north.officer", loader());
    Selection riverside;
    riverside.district_id = snapshot.selection.district_id;
    const Snapshot seen = outsider->load(riverside);
    EXPECT_TRUE(seen.plans.empty());
    EXPECT_FALSE(seen.plan.has_value());
    EXPECT_TRUE(seen.meetings.empty());
    EXPECT_TRUE(seen.programmes.empty());
    const std::string csv =
        "programme,indicator_code,kind,description,unit,target,actual,period_start,period_end\n"
        "同行新路計劃,1A-a,output,社區講座,sessions,8,9,2024-04-01,2024-04-30\n";
    EXPECT_THROW(outsider->import_indicators(csv, {}), PermissionDenied);
}

// Waits until the worker has loaded and has nothing queued.
void wait_until_idle(const Worker& worker) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!worker.idle() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ASSERT_TRUE(worker.idle());
}

// The first error that is not a conflict (a conflict may come first and be replaced).
std::optional<JobError> wait_for_error(Worker& worker) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
        if (auto error = worker.take_error(); error && !error->conflict) return error;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return std::nullopt;
}

TEST_P(DashboardModel, AJobWhoseReloadFailsIsReportedAndTheWorkerGoesOn) {
    Worker worker([this] { return open_local_client(url, "system", loader()); });
    wait_until_idle(worker);
    const Plan stale = *worker.snapshot()->plan;
    auto other = test_database().open_another();
    {
        Plan theirs = stale;
        theirs.sections[0].objective.zh = "他人先儲存";
        testing::arrange(*other, [&] { PlanRepository(*other).save(theirs, system_user_id, "someone else"); });
    }
    // The save is refused (Conflict) and the reload after it fails too: a table it reads is gone.
    // Before, that second exception left the worker thread and std::terminate ended the program.
    worker.run({"儲存", "Save"}, [&](DashboardClient& client, const Progress&) {
        other->session() << "ALTER TABLE action_items RENAME TO action_items_gone";
        client.save_plan(stale, "mine");
    });
    const auto error = wait_for_error(worker);
    ASSERT_TRUE(error.has_value()) << "the failed reload reaches the window";
    EXPECT_FALSE(error->message.zh.empty());
    EXPECT_FALSE(error->message.en.empty());

    other->session() << "ALTER TABLE action_items_gone RENAME TO action_items";
    const auto before = worker.snapshot();
    worker.select(before->selection);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (worker.snapshot() == before && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ASSERT_NE(worker.snapshot(), before) << "the worker is still there and loads again";
    EXPECT_EQ(worker.snapshot()->plan->sections[0].objective.zh, "他人先儲存");
}

TEST_P(DashboardModel, AJobThatThrowsSomethingElseIsReportedToo) {
    Worker worker([this] { return open_local_client(url, "system", loader()); });
    wait_until_idle(worker);
    worker.run({"匯出", "Export"}, [](DashboardClient&, const Progress&) {
        throw std::filesystem::filesystem_error("cannot create", std::make_error_code(std::errc::permission_denied));
    });
    const auto error = wait_for_error(worker);
    ASSERT_TRUE(error.has_value());
    EXPECT_NE(error->message.en.find("unexpected error: "), std::string::npos) << error->message.en;
    EXPECT_NE(error->message.zh.find("發生意外錯誤"), std::string::npos) << error->message.zh;
    wait_until_idle(worker);
}

// The five standard areas and the self-help organisations plugin of tests/broken_plugins (a sixth
// area with a panel and a rule that finds a section without an objective).
plugins::LoaderOptions with_self_help() {
    plugins::LoaderOptions options;
    options.directories = {DPLAN_BUILT_PLUGIN_DIR, std::filesystem::path(DPLAN_BROKEN_PLUGIN_DIR) / "self_help_ok"};
    options.allow_unsigned = true;
    return options;
}

// Waits until the worker's snapshot satisfies `seen`.
template <typename Seen>
std::shared_ptr<const Snapshot> wait_for_snapshot(const Worker& worker, Seen seen) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
        if (auto snapshot = worker.snapshot(); snapshot && seen(*snapshot)) return snapshot;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return nullptr;
}

bool has_panel(const Snapshot& s, const std::string& title) {
    return std::any_of(s.panels.begin(), s.panels.end(), [&](const RenderedPanel& p) { return p.title.en == title; });
}

// Issue 21 in the dashboard: a plugin installed after the plan was drafted gets its section from the
// editor, through the worker and the plans service, and its panel and findings appear with the reload.
TEST_P(DashboardModel, TheEditorAddsALoadedPluginsServiceAreaAndItsSectionPanelAndFindingsAppear) {
    Worker worker([this] { return open_local_client(url, "system", with_self_help()); });
    wait_until_idle(worker);
    const auto before = worker.snapshot();
    ASSERT_TRUE(before->plan.has_value());
    ASSERT_EQ(before->plan->section("self_help_ok"), nullptr);
    EXPECT_FALSE(has_panel(*before, "Self-help organisations")) << "no section, no panel";

    const AreaAddition offered = area_addition(*before, false);
    EXPECT_FALSE(offered.refused.has_value()) << offered.refused->en;
    ASSERT_EQ(offered.areas.size(), 1u) << "the five standard areas have their sections already";
    EXPECT_EQ(offered.areas[0].id, "self_help_ok");
    const auto unsaved = area_addition(*before, true).refused;
    ASSERT_TRUE(unsaved.has_value()) << "the area goes to the stored plan: unsaved edits are saved first";
    EXPECT_EQ(unsaved->en, "Save your changes before adding a service area.");
    EXPECT_EQ(unsaved->zh, "請先儲存你的修改，才加入服務範疇。");

    EditorSession editor;
    editor.follow(*before->plan);
    add_area(worker, before->plan->id, "self_help_ok", "");
    const auto after = wait_for_snapshot(
        worker, [](const Snapshot& s) { return s.plan && s.plan->section("self_help_ok") != nullptr; });
    ASSERT_NE(after, nullptr) << "the new section did not appear";
    EXPECT_EQ(after->plan->version, before->plan->version + 1);
    EXPECT_EQ(after->plan->sections.back().area_id, "self_help_ok");
    EXPECT_EQ(after->revisions.back().reason, "Added the self_help_ok section / 加入「self_help_ok」部分");
    EXPECT_TRUE(has_panel(*after, "Self-help organisations")) << "the plugin's panel appears";
    EXPECT_TRUE(std::any_of(after->findings.begin(), after->findings.end(), [](const plugins::Finding& f) {
        return f.area_id == "self_help_ok" && f.severity == plugins::Severity::error;
    })) << "the plugin's rules check the new, empty section";
    editor.follow(*after->plan);
    ASSERT_EQ(editor.draft().sections.size(), before->plan->sections.size() + 1) << "the editor shows it";
    EXPECT_FALSE(editor.changed());
    const auto none_left = area_addition(*after, false).refused;
    ASSERT_TRUE(none_left.has_value());
    EXPECT_EQ(none_left->en, "Every loaded service area has a section in the plan.");

    // Added meanwhile by someone else: the service refuses, and the refusal is an error to show,
    // not a merge (the editor had no save on its way).
    add_area(worker, before->plan->id, "self_help_ok", "");
    std::optional<JobError> error;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!error && std::chrono::steady_clock::now() < deadline) {
        error = worker.take_error();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ASSERT_TRUE(error.has_value());
    EXPECT_FALSE(error->conflict);
    EXPECT_NE(error->message.en.find("already has a section for service area 'self_help_ok'"), std::string::npos)
        << error->message.en;
    EXPECT_NE(error->message.zh.find("已有「self_help_ok」範疇的部分"), std::string::npos) << error->message.zh;
    EXPECT_FALSE(editor.save_failed(std::nullopt));
    EXPECT_FALSE(editor.conflict().has_value());
}

// Only those who may edit the plan may add an area: a committee member reading a returned plan sees
// the control disabled with the service's reason, and the service refuses them in both languages.
TEST_P(DashboardModel, AUserWhoMayNotEditThePlanIsRefusedAddingAServiceAreaInBothLanguages) {
    auto officer = open_local_client(url, "system", with_self_help());
    const std::int64_t plan_id = *snapshot.selection.plan_id;
    officer->submit_plan(plan_id);
    const auto submitted = officer->load(snapshot.selection);
    ASSERT_EQ(submitted.plan->status, PlanStatus::submitted);
    ASSERT_TRUE(area_addition(submitted, false).refused.has_value());
    EXPECT_EQ(area_addition(submitted, false).refused->en,
              "The plan is with the committee; a service area can be added once it is returned.");
    EXPECT_THROW(officer->add_area(plan_id, "self_help_ok", ""), InvalidInput);
    officer->decide(plan_id, PlanStatus::returned, "2024-06-20", "請補充自助組織的工作");

    AccountService(db(), system_user())
        .add_user(
            {0, "riverside.member", "riverside.member", Role::committee_member, snapshot.selection.district_id, {}, ""},
            "");
    auto member = open_local_client(url, "riverside.member", with_self_help());
    const Snapshot seen = member->load(snapshot.selection);
    ASSERT_TRUE(seen.plan.has_value()) << "members read returned plans";
    ASSERT_EQ(seen.plan->status, PlanStatus::returned);
    ASSERT_TRUE(seen.edit_refused.has_value());
    const AreaAddition addition = area_addition(seen, false);
    ASSERT_TRUE(addition.refused.has_value()) << "the control is disabled";
    EXPECT_EQ(*addition.refused, *seen.edit_refused) << "with the reason the service gives";
    EXPECT_EQ(addition.areas.size(), 1u) << "still listed, so the user sees what could be added";

    try {
        member->add_area(plan_id, "self_help_ok", "");
        FAIL() << "a committee member added a service area";
    } catch (const PermissionDenied& e) {
        EXPECT_EQ(e.message(), *seen.edit_refused);
        EXPECT_NE(e.message().en.find("user 'riverside.member' (committee_member) may not edit"), std::string::npos)
            << e.message().en;
        EXPECT_NE(e.message().zh.find("用戶「riverside.member」（committee_member）無權修改"), std::string::npos)
            << e.message().zh;
        EXPECT_TRUE(dplan::testing::english_words_in_chinese(e.message().zh).empty()) << e.message().zh;
    }
    const Snapshot unchanged = officer->load(snapshot.selection);
    EXPECT_EQ(unchanged.plan->version, seen.plan->version) << "a refusal changes nothing";
    EXPECT_EQ(unchanged.plan->section("self_help_ok"), nullptr);

    // The officer's view of the same returned plan: the control may be used, and the area is added.
    EXPECT_FALSE(unchanged.edit_refused.has_value());
    EXPECT_FALSE(area_addition(unchanged, false).refused.has_value());
    officer->add_area(plan_id, "self_help_ok", "committee asked for the self-help organisations");
    EXPECT_NE(officer->load(snapshot.selection).plan->section("self_help_ok"), nullptr);
}

DPLAN_INSTANTIATE_BACKEND_TESTS(DashboardModel);

}  // namespace
}  // namespace dplan::gui
