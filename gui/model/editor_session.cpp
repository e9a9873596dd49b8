#include "editor_session.hpp"

namespace dplan::gui {

void EditorSession::follow(const Plan& stored) {
    const bool untouched = draft_ && *draft_ == base_;
    // Our save landed (a refused one opens the conflict dialog instead): continue from what is stored.
    const bool saved = awaiting_save_ && !conflict_ && stored.version > base_.version;
    if (conflict_ || saved) awaiting_save_ = false;
    // A submission changes the status, not the version: an untouched draft follows any change.
    if (!draft_ || draft_->id != stored.id || saved || (untouched && base_ != stored)) {
        draft_ = stored;
        base_ = stored;
    }
    stored_status_ = stored.status;
    if (conflict_ && conflict_->latest().version < stored.version) conflict_->rebase(stored);
}

bool EditorSession::editable() const {
    return draft_ && (stored_status_ == PlanStatus::draft || stored_status_ == PlanStatus::returned);
}

std::pair<Plan, std::string> EditorSession::start_save() {
    std::pair<Plan, std::string> save{*draft_, reason.empty() ? "dashboard edit" : reason};
    reason.clear();
    awaiting_save_ = true;
    return save;
}

bool EditorSession::save_failed(const std::optional<Plan>& latest) {
    // Only our own save is merged: another stale write (minutes, adding a service area) is an error to show.
    const bool merge = awaiting_save_ && latest && draft_;
    if (merge) conflict_.emplace(base_, *draft_, *latest);
    awaiting_save_ = false;
    return merge;
}

void EditorSession::apply_merge() {
    if (!conflict_) return;
    draft_ = conflict_->merged();
    base_ = conflict_->latest();
    conflict_.reset();
}

}  // namespace dplan::gui
