// The one interface the dashboard reads and writes through. LocalClient works on a database
// directly, calling only the service layer (services/), which checks every read and write
// against the acting user; a remote client for a server implements the same calls, so there is
// only ever one dashboard.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "domain/plan_status.hpp"
#include "domain/review.hpp"
#include "services/plan_workflow.hpp"
#include "services/report_import.hpp"
#include "snapshot.hpp"

namespace dplan::gui {

using Progress = std::function<void(std::size_t done, std::size_t total)>;

class DashboardClient {
  public:
    virtual ~DashboardClient() = default;

    // Changes whenever anyone (another process too) changes plans, reviews, meetings or readings.
    virtual std::string change_stamp() = 0;
    virtual Snapshot load(const Selection& selection) = 0;

    // Writes; each throws dplan::Error (Conflict for a stale plan version) with a bilingual message.
    virtual int save_plan(const Plan& plan, const std::string& reason) = 0;
    // An empty section for a loaded plugin's service area the plan has none for (empty reason: a
    // default); returns the new version. Draft or returned plans only, by users who may edit them.
    virtual int add_area(std::int64_t plan_id, const std::string& area_id, const std::string& reason) = 0;
    virtual void submit_plan(std::int64_t plan_id) = 0;
    virtual void comment(std::int64_t plan_id, const CommentTarget& target, const std::string& body) = 0;
    virtual void respond(std::int64_t comment_id, CommentKind kind, const std::string& body) = 0;
    virtual void decide(std::int64_t plan_id, PlanStatus outcome, const std::string& date, const std::string& note) = 0;
    virtual void set_minutes(std::int64_t meeting_id, int position, const std::string& text, int seen_version) = 0;
    virtual void set_action_status(std::int64_t action_id, ActionStatus status) = 0;
    virtual std::size_t import_indicators(const std::string& csv, const Progress& progress) = 0;
    // A programme report, PDF or text, from a file the dashboard's user chose (a dry run too).
    virtual ReportImportResult import_report(const std::string& file, const ReportImportOptions& options) = 0;
    // The committee paper (both languages) as a PDF, written atomically to `file`.
    virtual void export_plan_pdf(std::int64_t plan_id, const std::string& file) = 0;
};

// Opens `url` as `user` with the plugins the loader options find. A password missing from the
// URL comes from $DPLAN_DB_PASSWORD or `option_file` (default ~/.my.cnf), as for the CLI.
std::unique_ptr<DashboardClient> open_local_client(const std::string& url, const std::string& user,
                                                   const plugins::LoaderOptions& loader,
                                                   const std::optional<std::filesystem::path>& option_file = {});

}  // namespace dplan::gui
