// The plan editor's draft and its sync with the stored plan, without a window so tests can check
// it: the user's copy, the version it started from, a save on its way and the conflict dialog when
// a save is refused as stale. Each frame the editor calls follow() with the newest stored plan.
#pragma once

#include <optional>
#include <string>

#include "conflict_resolution.hpp"
#include "domain/plan.hpp"

namespace dplan::gui {

class EditorSession {
  public:
    // Takes in the stored plan: a fresh copy when the user has not changed anything, when another
    // plan was chosen or when our own save has landed; the draft stays as the user left it when
    // someone else saved meanwhile. An open conflict dialog is merged against a newer stored plan.
    void follow(const Plan& stored);

    bool has_draft() const { return draft_.has_value(); }
    Plan& draft() { return *draft_; }
    const Plan& draft() const { return *draft_; }
    const Plan& base() const { return base_; }
    bool changed() const { return draft_ && *draft_ != base_; }
    // Drafts and returned plans can be edited; submitted ones are frozen, also under a draft with edits.
    bool editable() const;

    // The draft to save (with the reason the user gave, or a default); from now on the next newer
    // stored version is taken to be ours.
    std::pair<Plan, std::string> start_save();
    // A job failed: the draft stays as the user left it. `latest` when it was refused as stale; the
    // conflict dialog opens (and true is returned) if that job was our save.
    bool save_failed(const std::optional<Plan>& latest);
    bool awaiting_save() const { return awaiting_save_; }

    std::optional<ConflictResolution>& conflict() { return conflict_; }
    // The merge becomes the draft, on top of the latest version; the dialog closes.
    void apply_merge();
    void close_conflict() { conflict_.reset(); }

    std::string reason;  // why the user made the change, for the revision

  private:
    std::optional<Plan> draft_;  // the user's copy, edited in place
    Plan base_;                  // what the draft started from
    std::optional<ConflictResolution> conflict_;
    bool awaiting_save_ = false;
    PlanStatus stored_status_ = PlanStatus::draft;  // of the newest stored plan
};

}  // namespace dplan::gui
