// The plans service: the planning cycle's use cases, one function each, each beginning with its
// permission check: list, read (history, diffs, review threads, findings, panels, the committee
// paper), create (also from an imported paper or JSON), save, submit, start review, comment
// (reply, resolve, correct), decide.
//
//   draft ──submit──▶ submitted ──review──▶ under_review ──decide──▶ noted | endorsed | returned
//     ▲                  └──────────────decide──────────────────────▲             │
//     └──────────────── returned plans are revised and resubmitted ◀──────────────┘
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/district.hpp"
#include "domain/filters.hpp"
#include "domain/plan.hpp"
#include "domain/review.hpp"
#include "domain/user.hpp"
#include "plugins/plugin_registry.hpp"
#include "services/committee_paper.hpp"
#include "services/panel_metrics.hpp"
#include "services/paper_import.hpp"
#include "services/plan_diff.hpp"

namespace dplan {

class Database;
class ReadCache;
struct RenderedPlan;

struct CommentTarget {
    std::optional<std::string> area_id;          // none: the plan as a whole
    std::optional<std::int64_t> focus_point_id;  // needs area_id
};

struct PlanHistory {
    std::vector<PlanRevision> revisions;  // oldest first
    std::vector<StatusChange> status_changes;
    std::vector<Decision> decisions;
};

struct PlanReview {
    Plan plan;
    std::vector<ReviewComment> comments;
    std::vector<Decision> decisions;
};

// A committee paper read into a new draft: what was recognised and the lines left over.
struct ImportedPaper {
    std::int64_t plan_id = 0;
    PaperImport paper;
};

class PlanWorkflow {
  public:
    // With a `cache`, rendered() may answer from it (services/read_cache.hpp).
    PlanWorkflow(Database& db, plugins::PluginRegistry& plugins, User actor, ReadCache* cache = nullptr);

    // The plans this user may read, filtered in SQL.
    std::vector<PlanSummary> list(PlanFilter filter);
    Plan get(std::int64_t plan_id);
    // The plan with its JSON (docs/plan-json.md); the same permission as get(), checked each time.
    std::shared_ptr<const RenderedPlan> rendered(std::int64_t plan_id);
    District district_of(const Plan& plan);
    PlanHistory history(std::int64_t plan_id);
    Plan revision(std::int64_t plan_id, int number);
    // From revision `from` to `to`; 0 means the latest (to) and the one before it (from).
    std::vector<PlanChange> diff(std::int64_t plan_id, int from, int to);
    PlanReview review(std::int64_t plan_id);
    std::vector<plugins::Finding> findings(std::int64_t plan_id);
    std::vector<RenderedPanel> panels(std::int64_t plan_id);
    std::vector<PaperBlock> paper(std::int64_t plan_id, PaperLanguage language);

    // A new draft with one section per loaded service area (standard areas first). Returns its id.
    std::int64_t create(Plan draft, const std::string& reason);
    // A committee paper's text as a new draft. The district is `district_code` if given, else the
    // one the paper names (by Chinese or English name).
    ImportedPaper import_paper(std::string_view text, const std::string& file_name, const std::string& district_code,
                               const std::string& financial_year);
    // A plan exported as JSON, as a new draft: every field, both languages, all partners.
    std::int64_t import_json(std::string_view json, const std::string& file_name, const std::string& district_code,
                             const std::string& financial_year);
    int save(const Plan& plan, const std::string& reason);
    // Adds an empty section for `area_id`, provided by a loaded plugin, to a draft (or returned)
    // plan that has none, so a plugin installed after the plan was made can be used in it.
    // Needs edit rights on the plan; saves a revision and returns its number.
    int add_area(std::int64_t plan_id, const std::string& area_id, const std::string& reason);

    // Refused while the plugins find errors; warnings are allowed.
    void submit(std::int64_t plan_id);
    void start_review(std::int64_t plan_id);
    std::int64_t comment(std::int64_t plan_id, const CommentTarget& target, const std::string& body);
    // A reply, resolution or correction of an earlier comment; corrections only by its author.
    std::int64_t respond(std::int64_t comment_id, CommentKind kind, const std::string& body);
    std::int64_t decide(std::int64_t plan_id, PlanStatus outcome, const std::string& decided_on,
                        const std::string& meeting_ref, const std::string& note);

    const User& actor() const { return actor_; }

  private:
    Plan load(std::int64_t plan_id);
    Plan readable(std::int64_t plan_id);
    // The writes, each with its audit entry in the same transaction.
    int save_audited(const Plan& stored, const Plan& wanted, const std::string& reason);
    void change_status_audited(const Plan& plan, PlanStatus to, bool freeze);
    // Adds `comment` under `id` (ReviewRepository::next_comment_id_read, read in the same write).
    std::int64_t add_comment_audited(const ReviewComment& comment, std::int64_t id);

    Database& db_;
    plugins::PluginRegistry& plugins_;
    User actor_;
    ReadCache* cache_;
};

}  // namespace dplan
