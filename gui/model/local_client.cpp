// DashboardClient over a database this process opens itself. It calls services only: every read
// and write is checked against the acting user there, and lists are filtered to what they may see.
#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "dashboard_client.hpp"
#include "services/authorization.hpp"
#include "services/collaboration.hpp"
#include "services/database_admin.hpp"
#include "services/district_service.hpp"
#include "services/meeting_service.hpp"
#include "services/paper_pdf.hpp"
#include "services/programme_service.hpp"
#include "services/service_areas.hpp"
#include "services/store.hpp"
#include "services/subjects.hpp"

namespace dplan::gui {

namespace {

IndicatorBar bar_of(const PlanIndicator& row) {
    Indicator indicator;
    indicator.kind = parse_indicator_kind(row.kind).value_or(IndicatorKind::output);
    indicator.target = row.target;
    indicator.actual = row.actual;
    const Achievement achieved = achievement(indicator);
    IndicatorBar bar;
    bar.area_id = row.area_id;
    bar.label = {row.programme.zh + " " + row.code, row.programme.en.empty() ? "" : row.programme.en + " " + row.code};
    bar.outcome = indicator.kind == IndicatorKind::outcome;
    bar.percent = bar.outcome ? indicator.actual : achieved.percent;
    bar.actual = indicator.actual;
    bar.target = row.target;
    bar.met = achieved.met;
    return bar;
}

class LocalClient : public DashboardClient {
  public:
    LocalClient(Store store, plugins::PluginRegistry plugins, User actor)
        : store_(std::move(store)), plugins_(std::move(plugins)), actor_(std::move(actor)) {}

    std::string change_stamp() override { return admin().change_stamp(); }

    Snapshot load(const Selection& requested) override {
        Snapshot s;
        s.selection = requested;
        s.actor = actor_;
        s.source = store_.describe();
        s.change_stamp = change_stamp();
        s.plugins = plugin_statuses();
        for (const auto* plugin : service_area_plugins(plugins_)) {
            s.areas.push_back({plugin->area()->id, plugin->area()->name, plugin->area()->colour_rgba});
        }
        s.districts = DistrictService(db(), actor_).list();
        if (!s.selection.district_id) s.selection.district_id = opening_district(s.districts);
        load_plan(s);
        load_programmes(s);
        load_meetings(s);
        return s;
    }

    int save_plan(const Plan& plan, const std::string& reason) override { return plans().save(plan, reason); }
    int add_area(std::int64_t plan_id, const std::string& area_id, const std::string& reason) override {
        return plans().add_area(plan_id, area_id, reason);
    }
    void submit_plan(std::int64_t plan_id) override { plans().submit(plan_id); }
    void comment(std::int64_t plan_id, const CommentTarget& target, const std::string& body) override {
        plans().comment(plan_id, target, body);
    }
    void respond(std::int64_t comment_id, CommentKind kind, const std::string& body) override {
        plans().respond(comment_id, kind, body);
    }
    void decide(std::int64_t plan_id, PlanStatus outcome, const std::string& date, const std::string& note) override {
        plans().decide(plan_id, outcome, date, "", note);
    }
    void set_minutes(std::int64_t meeting_id, int position, const std::string& text, int seen_version) override {
        meetings().set_minutes(meeting_id, position, text, seen_version);
    }
    void set_action_status(std::int64_t action_id, ActionStatus status) override {
        meetings().set_action_status(action_id, status);
    }
    std::size_t import_indicators(const std::string& csv, const Progress& progress) override {
        return ProgrammeService(db(), actor_).import_csv(csv, false, progress).readings;
    }
    ReportImportResult import_report(const std::string& file, const ReportImportOptions& options) override {
        return ProgrammeService(db(), actor_).import_report_file(file, options);
    }
    void export_plan_pdf(std::int64_t plan_id, const std::string& file) override {
        write_paper_pdf(plans().paper(plan_id, PaperLanguage::both), file);
    }

  private:
    Database& db() { return store_.database(); }
    PlanWorkflow plans() { return PlanWorkflow(db(), plugins_, actor_); }
    MeetingService meetings() { return MeetingService(db(), plugins_, actor_); }
    DatabaseAdmin admin() { return DatabaseAdmin(db(), actor_); }

    // An officer or member opens their own district; someone who works across districts opens the one
    // with the newest plan they may read, not an empty district that happens to sort first.
    std::optional<std::int64_t> opening_district(const std::vector<District>& districts) {
        if (actor_.district_id) return actor_.district_id;
        const auto readable = plans().list({});
        if (!readable.empty()) return newest(readable).district_id;
        if (!districts.empty()) return districts.front().id;
        return std::nullopt;
    }

    // The newest year's plan is the one people are working on.
    static const PlanSummary& newest(const std::vector<PlanSummary>& plans) {
        return *std::max_element(plans.begin(), plans.end(), [](const auto& a, const auto& b) {
            return std::tie(a.financial_year, a.id) < std::tie(b.financial_year, b.id);
        });
    }

    // The district's plans this user may read; the selected one (or the newest) in full.
    void load_plan(Snapshot& s) {
        if (s.selection.district_id) s.plans = plans().list({.district_id = s.selection.district_id});
        const bool plan_in_district =
            s.selection.plan_id && std::any_of(s.plans.begin(), s.plans.end(),
                                               [&](const PlanSummary& p) { return p.id == *s.selection.plan_id; });
        if (!plan_in_district && !s.plans.empty()) {
            s.selection.plan_id = newest(s.plans).id;
        } else if (!plan_in_district) {
            s.selection.plan_id.reset();
        }
        if (!s.selection.plan_id) return;
        const std::int64_t plan_id = *s.selection.plan_id;
        auto workflow = plans();
        s.plan = workflow.get(plan_id);
        s.findings = workflow.findings(plan_id);
        s.revisions = workflow.history(plan_id).revisions;
        if (s.revisions.size() >= 2) s.latest_changes = workflow.diff(plan_id, 0, 0);
        const PlanReview review = workflow.review(plan_id);
        s.comments = review.comments;
        s.decisions = review.decisions;
        s.panels = workflow.panels(plan_id);
        // The editor offers edits (adding a service area) only to those the service would let make them.
        try {
            authorize(actor_, Operation::edit_plan, plan_subject(*s.plan));
        } catch (const PermissionDenied& e) {
            s.edit_refused = e.message();
        }
        if (is_allowed(actor_, Operation::read_collaboration, plan_subject(*s.plan))) {
            s.matrix = CollaborationService(db(), actor_).matrix(plan_id);
        }
        if (may_ever(actor_, Operation::read_programme)) {
            for (const auto& row : ProgrammeService(db(), actor_).plan_indicators(plan_id))
                s.bars.push_back(bar_of(row));
        }
    }

    void load_programmes(Snapshot& s) {
        if (!may_ever(actor_, Operation::read_programme)) return;
        ProgrammeService programmes(db(), actor_);
        AchievementFilter filter{.district_id = s.selection.district_id};
        if (s.plan) filter.financial_year = s.plan->financial_year;
        s.programmes = programmes.summary(AchievementGrouping::programme,
                                          s.selection.all_programmes ? AchievementFilter{} : filter);
        s.shortfalls = programmes.shortfalls(filter, 10);
        if (!s.selection.programme_id && !s.programmes.empty())
            s.selection.programme_id = std::stoll(s.programmes.front().key);
        if (s.selection.programme_id) s.programme_indicators = programmes.indicators(*s.selection.programme_id);
        load_trends(s, programmes);
    }

    // The district's achievement per area and year, and the chosen programme's readings.
    void load_trends(Snapshot& s, ProgrammeService& programmes) {
        if (s.selection.district_id) {
            for (const auto& year :
                 programmes.summary(AchievementGrouping::year, {.district_id = s.selection.district_id})) {
                if (year.key.empty()) continue;
                const AchievementFilter filter{.district_id = s.selection.district_id, .financial_year = year.key};
                for (auto& row : programmes.summary(AchievementGrouping::area, filter)) {
                    s.area_years.push_back({row.key, year.key, std::move(row)});
                }
            }
        }
        if (!s.selection.programme_id) return;
        for (const auto& indicator : s.programme_indicators) {
            s.programme_readings.push_back({indicator, programmes.history(*s.selection.programme_id, indicator.code)});
        }
    }

    void load_meetings(Snapshot& s) {
        if (!s.selection.district_id || !may_ever(actor_, Operation::read_meeting)) return;
        auto service = meetings();
        for (const auto& summary : service.list({.district_id = s.selection.district_id})) {
            s.meetings.push_back(service.record(summary.id));
        }
    }

    std::vector<PluginStatus> plugin_statuses() {
        std::vector<PluginStatus> result;
        for (const auto& plugin : plugins_.loaded()) {
            result.push_back({plugin->id(), plugin->manifest().version, plugin->manifest().name, true, {}});
        }
        for (const auto& refused : plugins_.refused()) {
            result.push_back({refused.id.empty() ? refused.directory.filename().string() : refused.id,
                              "",
                              {},
                              false,
                              refused.reason});
        }
        return result;
    }

    Store store_;
    plugins::PluginRegistry plugins_;
    User actor_;
};

}  // namespace

std::unique_ptr<DashboardClient> open_local_client(const std::string& url, const std::string& user,
                                                   const plugins::LoaderOptions& loader,
                                                   const std::optional<std::filesystem::path>& option_file) {
    Store store = Store::open(url, OpenMode::must_exist, option_file);
    User actor = store.user(user);
    return std::make_unique<LocalClient>(std::move(store), plugins::PluginRegistry::load(loader), std::move(actor));
}

}  // namespace dplan::gui
