// Plans with their sections, focus points and partner sectors, and the revision history.
// Every save is one transaction that also writes a revision (author, time, reason, full
// snapshot); a save against a stale version is refused with a Conflict naming what changed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/filters.hpp"
#include "domain/plan.hpp"
#include "domain/review.hpp"
#include "storage/database.hpp"

namespace dplan {

class PlanRepository {
  public:
    explicit PlanRepository(Database& db) : db_(db) {}

    // Stores a new plan (status draft, version 1) and its first revision. Returns its id.
    std::int64_t create(const Plan& plan, std::int64_t author_id, const std::string& reason);

    // Stores `plan` over the stored one if `plan.version` is still the stored version; returns
    // the new version. Focus points keep their ids; new ones (id 0) get one.
    int save(const Plan& plan, std::int64_t author_id, const std::string& reason);

    std::optional<Plan> find(std::int64_t id);
    Plan get(std::int64_t id);  // throws NotFound
    std::vector<PlanSummary> list(const PlanFilter& filter = {});
    // One plan's summary (status, district, version) in one query, for checks that need no more.
    PlanSummary summary(std::int64_t id);  // throws NotFound
    // The same, read as a write takes its turn (Database::write_reading): the read, and the
    // summary from its row (throws NotFound when there is none).
    static TurnRead summary_read(std::int64_t id);
    static PlanSummary summary_from(std::int64_t id, const std::optional<BatchRow>& row);
    std::vector<PlanRevision> revisions(std::int64_t plan_id);  // oldest first, no snapshots
    // The plan as it was saved in revision `number` (throws NotFound).
    Plan revision(std::int64_t plan_id, int number);

    // Moves the plan from `from` to `to` if it is still in `from` (else Conflict), and records the
    // change. `freeze` marks the current revision as the submitted one.
    void change_status(std::int64_t plan_id, PlanStatus from, PlanStatus to, std::int64_t actor_id, bool freeze);
    std::vector<StatusChange> status_changes(std::int64_t plan_id);

  private:
    std::optional<Plan> load(std::int64_t id);
    void load_sections(Plan& plan);
    void load_focus_points(Plan& plan);
    void insert_section(std::int64_t plan_id, int position, const PlanSection& section);
    void write_section_texts(std::int64_t section_id, const PlanSection& section);
    void insert_focus_point(std::int64_t section_id, int position, const FocusPoint& point);
    void write_partners(std::int64_t focus_point_id, const std::vector<Sector>& partners);
    void sync_sections(const Plan& stored, const Plan& wanted);
    void sync_focus_points(const PlanSection& stored, const PlanSection& wanted);
    void refuse_if_meeting_cites(const FocusPoint& point);
    void add_revision(std::int64_t plan_id, int number, std::int64_t author_id, const std::string& reason,
                      const std::string& now);
    [[noreturn]] void throw_conflict(const Plan& wanted);

    Database& db_;
};

// Checks what any stored plan must satisfy (year form, distinct non-empty area ids).
void validate_plan_shape(const Plan& plan);

}  // namespace dplan
