// DashboardClient over a database this process opens itself.
#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "dashboard_client.hpp"
#include "services/committee_paper.hpp"
#include "services/indicator_import.hpp"
#include "services/paper_pdf.hpp"
#include "services/meeting_service.hpp"
#include "services/permissions.hpp"
#include "services/plan_validation.hpp"
#include "storage/district_repository.hpp"
#include "storage/meeting_repository.hpp"
#include "storage/migration.hpp"
#include "storage/plan_repository.hpp"
#include "storage/programme_repository.hpp"
#include "storage/review_repository.hpp"
#include "storage/user_repository.hpp"

namespace dplan::gui {

namespace {

constexpr std::string_view standard_order[] = {"family", "elderly", "rehabilitation", "youth", "volunteer"};

std::size_t area_rank(const std::string& id) {
    return static_cast<std::size_t>(std::find(std::begin(standard_order), std::end(standard_order), id) -
                                    std::begin(standard_order));
}

class LocalClient : public DashboardClient {
public:
    LocalClient(std::unique_ptr<Database> db, plugins::PluginRegistry plugins, User actor)
        : db_(std::move(db)), plugins_(std::move(plugins)), actor_(std::move(actor)) {}

    std::string change_stamp() override {
        return db_->read("check for changes", [&] {
            // Cheap aggregates over indexed columns; any committed change to what the screens
            // show moves at least one of them.
            long long plans = 0, comments = 0, decisions = 0, meetings = 0, readings = 0, indicators = 0, views = 0,
                      actions = 0;
            soci::indicator a, b, c, d, e, f, g, h;
            db_->session() << "SELECT (SELECT SUM(version) FROM plans), (SELECT MAX(id) FROM review_comments), "
                              "(SELECT MAX(id) FROM plan_decisions) + (SELECT COUNT(*) FROM plan_status_changes), (SELECT SUM(version) FROM meetings), "
                              "(SELECT MAX(id) FROM readings), (SELECT MAX(id) FROM indicators), "
                              "(SELECT MAX(id) FROM meeting_views), (SELECT MAX(id) FROM action_items)",
                soci::into(plans, a), soci::into(comments, b), soci::into(decisions, c), soci::into(meetings, d),
                soci::into(readings, e), soci::into(indicators, f), soci::into(views, g), soci::into(actions, h);
            return fmt::format("{}/{}/{}/{}/{}/{}/{}/{}", plans, comments, decisions, meetings, readings, indicators, views,
                               actions);
        });
    }

    Snapshot load(const Selection& requested) override {
        Snapshot s;
        s.selection = requested;
        s.actor = actor_;
        s.source = db_->url().redacted();
        s.change_stamp = change_stamp();
        s.plugins = plugin_statuses();
        for (const auto& plugin : plugins_.loaded()) {
            if (plugin->area()) s.areas.push_back({plugin->area()->id, plugin->area()->name, plugin->area()->colour_rgba});
        }
        std::stable_sort(s.areas.begin(), s.areas.end(),
                         [](const AreaInfo& a, const AreaInfo& b) { return area_rank(a.id) < area_rank(b.id); });

        DistrictRepository districts(*db_);
        PlanRepository plans(*db_);
        s.districts = districts.list();
        if (!s.selection.district_id && !s.districts.empty()) s.selection.district_id = s.districts.front().id;
        if (s.selection.district_id) {
            for (auto& summary : plans.list({.district_id = s.selection.district_id, .financial_year = std::nullopt})) {
                if (actor_can_read(summary)) s.plans.push_back(summary);
            }
        }
        const bool plan_in_district = s.selection.plan_id &&
            std::any_of(s.plans.begin(), s.plans.end(), [&](const PlanSummary& p) { return p.id == *s.selection.plan_id; });
        if (!plan_in_district && !s.plans.empty()) {
            // The newest year's plan is the one people are working on.
            s.selection.plan_id = std::max_element(s.plans.begin(), s.plans.end(), [](const auto& a, const auto& b) {
                                      return std::tie(a.financial_year, a.id) < std::tie(b.financial_year, b.id);
                                  })->id;
        } else if (!plan_in_district) {
            s.selection.plan_id.reset();
        }

        AchievementFilter filter{.district_id = s.selection.district_id};
        if (s.selection.plan_id) {
            PlanWorkflow workflow(*db_, plugins_, actor_);
            s.plan = workflow.get(*s.selection.plan_id);
            s.findings = validate_stored_plan(*db_, *s.plan, plugins_);
            s.revisions = plans.revisions(*s.selection.plan_id);
            if (s.revisions.size() >= 2) {
                const int last = s.revisions.back().number;
                s.latest_changes = diff_plans(plans.revision(*s.selection.plan_id, s.revisions[s.revisions.size() - 2].number),
                                              plans.revision(*s.selection.plan_id, last));
            }
            ReviewRepository reviews(*db_);
            s.comments = reviews.comments(*s.selection.plan_id);
            s.decisions = reviews.decisions(*s.selection.plan_id);
            s.panels = render_panels(*db_, *s.plan, plugins_);
            s.matrix = collaboration_matrix(*db_, *s.selection.plan_id);
            s.bars = indicator_bars(*s.selection.plan_id);
            filter.financial_year = s.plan->financial_year;
        }
        s.programmes = summarise_achievement(*db_, AchievementGrouping::programme, s.selection.all_programmes ? AchievementFilter{} : filter);
        s.shortfalls = furthest_below_target(*db_, filter, 10);
        if (!s.selection.programme_id && !s.programmes.empty()) s.selection.programme_id = std::stoll(s.programmes.front().key);
        if (s.selection.programme_id) s.programme_indicators = ProgrammeRepository(*db_).indicators(*s.selection.programme_id);

        if (s.selection.district_id) {
            MeetingRepository meetings(*db_);
            MeetingFilter meeting_filter{.district_id = s.selection.district_id};
            const auto views = meetings.views(meeting_filter);
            const auto actions = meetings.actions(meeting_filter);
            for (const auto& summary : meetings.list(meeting_filter)) {
                MeetingDetail detail{meetings.get(summary.id), {}, {}, meetings.decisions(summary.id)};
                for (const auto& view : views) {
                    if (view.meeting_id == summary.id) detail.views.push_back(view);
                }
                for (const auto& action : actions) {
                    if (action.meeting_id == summary.id) detail.actions.push_back(action);
                }
                s.meetings.push_back(std::move(detail));
            }
        }
        return s;
    }

    int save_plan(const Plan& plan, const std::string& reason) override {
        return PlanWorkflow(*db_, plugins_, actor_).save(plan, reason);
    }
    void submit_plan(std::int64_t plan_id) override { PlanWorkflow(*db_, plugins_, actor_).submit(plan_id); }
    void comment(std::int64_t plan_id, const CommentTarget& target, const std::string& body) override {
        PlanWorkflow(*db_, plugins_, actor_).comment(plan_id, target, body);
    }
    void respond(std::int64_t comment_id, CommentKind kind, const std::string& body) override {
        PlanWorkflow(*db_, plugins_, actor_).respond(comment_id, kind, body);
    }
    void decide(std::int64_t plan_id, PlanStatus outcome, const std::string& date, const std::string& note) override {
        PlanWorkflow(*db_, plugins_, actor_).decide(plan_id, outcome, date, "", note);
    }
    void set_minutes(std::int64_t meeting_id, int position, const std::string& text, int seen_version) override {
        MeetingService(*db_, plugins_, actor_).set_minutes(meeting_id, position, text, seen_version);
    }
    void set_action_status(std::int64_t action_id, ActionStatus status) override {
        MeetingService(*db_, plugins_, actor_).set_action_status(action_id, status);
    }
    std::size_t import_indicators(const std::string& csv, const Progress& progress) override {
        return import_indicator_csv(*db_, csv, actor_.id, false, progress).readings;
    }
    void export_plan_pdf(std::int64_t plan_id, const std::string& file) override {
        const Plan plan = PlanWorkflow(*db_, plugins_, actor_).get(plan_id);  // checks who may read it
        const District district = DistrictRepository(*db_).get(plan.district_id);
        write_paper_pdf(committee_paper(plan, district, plugins_, PaperLanguage::both), file);
    }

private:
    bool actor_can_read(const PlanSummary& summary) {
        Plan probe;
        probe.id = summary.id;
        probe.district_id = summary.district_id;
        probe.status = summary.status;
        return is_allowed(actor_, PlanAction::read, probe);
    }

    std::vector<PluginStatus> plugin_statuses() {
        std::vector<PluginStatus> result;
        for (const auto& plugin : plugins_.loaded()) {
            result.push_back({plugin->id(), plugin->manifest().version, plugin->manifest().name, true, {}});
        }
        for (const auto& refused : plugins_.refused()) {
            result.push_back({refused.id.empty() ? refused.directory.filename().string() : refused.id, "", {}, false,
                              refused.reason});
        }
        return result;
    }

    // Output and outcome indicators of programmes linked to the plan, per area, in SQL.
    std::vector<IndicatorBar> indicator_bars(std::int64_t plan_id) {
        return db_->read("read indicator bars", [&] {
            const long long key = plan_id;
            std::string area, programme, code, kind;
            double target = 0, actual = 0;
            soci::indicator actual_flag = soci::i_ok;
            std::vector<IndicatorBar> result;
            soci::statement query =
                (db_->session().prepare << "SELECT DISTINCT s.area_id, p.name_zh, i.code, i.kind, i.target, i.actual "
                                           "FROM plan_sections s JOIN focus_points f ON f.section_id = s.id "
                                           "JOIN programme_focus_points l ON l.focus_point_id = f.id "
                                           "JOIN programmes p ON p.id = l.programme_id "
                                           "JOIN indicators i ON i.programme_id = p.id WHERE s.plan_id = :plan "
                                           "ORDER BY s.area_id, p.name_zh, i.code",
                 soci::use(key), soci::into(area), soci::into(programme), soci::into(code), soci::into(kind),
                 soci::into(target), soci::into(actual, actual_flag));
            query.execute();
            while (query.fetch()) {
                Indicator indicator;
                indicator.kind = parse_indicator_kind(kind).value_or(IndicatorKind::output);
                indicator.target = target;
                if (actual_flag == soci::i_ok) indicator.actual = actual;
                const Achievement achieved = achievement(indicator);
                IndicatorBar bar{area, programme + " " + code, achieved.percent, indicator.kind == IndicatorKind::outcome,
                                 indicator.actual, target, achieved.met};
                // Outcomes are rates: show achieved against target as a share of the target.
                if (bar.outcome && indicator.actual && target > 0) bar.percent = *indicator.actual / target * 100.0;
                result.push_back(bar);
            }
            return result;
        });
    }

    std::unique_ptr<Database> db_;
    plugins::PluginRegistry plugins_;
    User actor_;
};

}  // namespace

std::unique_ptr<DashboardClient> open_local_client(const std::string& url, const std::string& user,
                                                   const plugins::LoaderOptions& loader) {
    return open_local_client(parse_database_url(url), user, loader);
}

std::unique_ptr<DashboardClient> open_local_client(const DatabaseUrl& url, const std::string& user,
                                                   const plugins::LoaderOptions& loader) {
    auto db = Database::open(url, OpenMode::must_exist);
    Migrator(*db).require_current();
    auto actor = UserRepository(*db).find_by_username(user);
    if (!actor) {
        throw NotFound({fmt::format("沒有用戶「{}」", user), fmt::format("no user '{}'; create one with 'dplan user add'", user)});
    }
    return std::make_unique<LocalClient>(std::move(db), plugins::PluginRegistry::load(loader), *actor);
}

}  // namespace dplan::gui
