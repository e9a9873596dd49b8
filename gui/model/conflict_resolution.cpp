#include "conflict_resolution.hpp"

#include <algorithm>

namespace dplan::gui {

ConflictResolution::ConflictResolution(Plan base, Plan mine, Plan latest)
    : base_(std::move(base)), mine_(std::move(mine)), latest_(std::move(latest)) {
    remerge();
}

void ConflictResolution::rebase(Plan latest) {
    const auto before = merge_.conflicts;
    latest_ = std::move(latest);
    remerge();
    // A choice was made on the values shown; where the stored value changed, ask again.
    std::erase_if(choices_, [&](const auto& entry) {
        const auto same = [&](const MergeConflict& c) { return c.item == entry.first; };
        const auto old = std::find_if(before.begin(), before.end(), same);
        const auto now = std::find_if(merge_.conflicts.begin(), merge_.conflicts.end(), same);
        return old == before.end() || now == merge_.conflicts.end() || !(old->theirs == now->theirs);
    });
    remerge();
}

std::optional<MergeResolution> ConflictResolution::choice(std::size_t index) const {
    const auto found = choices_.find(merge_.conflicts.at(index).item);
    if (found == choices_.end()) return std::nullopt;
    return found->second;
}

void ConflictResolution::choose(std::size_t index, MergeSide side) {
    choices_[merge_.conflicts.at(index).item] = {side, std::nullopt};
    remerge();
}

void ConflictResolution::write(std::size_t index, std::string text) {
    const MergeItem item = merge_.conflicts.at(index).item;
    if (!is_text_item(item)) return;
    choices_[item] = {MergeSide::mine, std::move(text)};
    remerge();
}

std::string ConflictResolution::editable_text(std::size_t index) const {
    const auto chosen = choice(index);
    if (chosen && chosen->text) return *chosen->text;
    return merge_.conflicts.at(index).mine.shown.zh;  // text items show the text itself in both
}

std::size_t ConflictResolution::unsettled() const {
    return static_cast<std::size_t>(std::count_if(merge_.conflicts.begin(), merge_.conflicts.end(),
                                                  [&](const MergeConflict& c) { return !choices_.contains(c.item); }));
}

std::string ConflictResolution::text_to_render() const {
    std::string text;
    for (const auto& c : merge_.conflicts) {
        for (const Bilingual* b : {&c.where, &c.base.shown, &c.mine.shown, &c.theirs.shown}) text += b->zh + b->en;
    }
    for (const auto& change : their_changes()) text += change.where.zh + change.what.zh + change.what.en;
    for (const auto& [item, choice] : choices_) text += choice.text.value_or("");
    return text;
}

void ConflictResolution::remerge() {
    // Settling a conflict can bring another (keeping a removed point can make the order clash),
    // so the conflicts are always those of the merge with the current choices.
    merge_ = merge_plans(base_, mine_, latest_, choices_);
}

}  // namespace dplan::gui
