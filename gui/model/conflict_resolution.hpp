// The conflict dialog's view model: a save was refused because someone else saved first. It
// merges the user's edits into the latest stored plan (services/plan_merge), lists each item both
// sides changed differently with its base, mine and theirs values, and keeps the user's choice for
// each (mine, theirs, or their own text). Items without conflict are merged without asking. The
// merged plan is saved against the latest version once every conflict is settled.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/plan.hpp"
#include "services/plan_diff.hpp"
#include "services/plan_merge.hpp"

namespace dplan::gui {

class ConflictResolution {
  public:
    // `base`: the version the user started from; `mine`: their draft; `latest`: the stored plan.
    ConflictResolution(Plan base, Plan mine, Plan latest);

    // The stored plan moved on again while the dialog was open: merge against it, keeping the
    // choices whose three values did not change.
    void rebase(Plan latest);

    const std::vector<MergeConflict>& conflicts() const { return merge_.conflicts; }
    // The user's choice for conflict `index`, if they made one.
    std::optional<MergeResolution> choice(std::size_t index) const;
    void choose(std::size_t index, MergeSide side);
    // Text items only: the user's own text settles the conflict.
    void write(std::size_t index, std::string text);
    // The text to offer for editing: the user's own if they wrote one, else mine.
    std::string editable_text(std::size_t index) const;

    std::size_t unsettled() const;
    bool complete() const { return unsettled() == 0; }

    // The merge with the choices made so far; the latest version, so it can be saved.
    const Plan& merged() const { return merge_.plan; }
    const Plan& latest() const { return latest_; }
    const Plan& base() const { return base_; }
    // What the others changed since the user's base version.
    std::vector<PlanChange> their_changes() const { return diff_plans(base_, latest_); }

    // Every text the dialog shows, for the font atlas.
    std::string text_to_render() const;

  private:
    void remerge();

    Plan base_, mine_, latest_;
    MergeResolutions choices_;
    PlanMerge merge_;
};

}  // namespace dplan::gui
