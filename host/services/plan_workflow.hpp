// The planning cycle's use cases, one function each, each with its permission check in one
// obvious place: create, save, submit, start review, comment (reply, resolve, correct), decide.
//
//   draft ──submit──▶ submitted ──review──▶ under_review ──decide──▶ noted | endorsed | returned
//     ▲                  └──────────────decide──────────────────────▲             │
//     └──────────────── returned plans are revised and resubmitted ◀──────────────┘
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/plan.hpp"
#include "domain/review.hpp"
#include "domain/user.hpp"
#include "plugins/plugin_registry.hpp"
#include "storage/database.hpp"

namespace dplan {

struct CommentTarget {
    std::optional<std::string> area_id;          // none: the plan as a whole
    std::optional<std::int64_t> focus_point_id;  // needs area_id
};

class PlanWorkflow {
public:
    PlanWorkflow(Database& db, plugins::PluginRegistry& plugins, User actor);

    // A new draft with one section per loaded service area (standard areas first). Returns its id.
    std::int64_t create(Plan draft, const std::string& reason);
    Plan get(std::int64_t plan_id);
    int save(const Plan& plan, const std::string& reason);

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

    Database& db_;
    plugins::PluginRegistry& plugins_;
    User actor_;
};

// Throws InvalidInput unless `date` is a real calendar date written YYYY-MM-DD.
void require_iso_date(const std::string& date);

}  // namespace dplan
