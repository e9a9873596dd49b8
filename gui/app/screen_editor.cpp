// Plan editor: sections and focus points with their partner sectors, each plugin's findings next
// to what they refer to, the revision history with the latest changes, save and submit. A save
// refused as stale opens a dialog that merges the user's edits into the latest version, shows
// base, mine and theirs for each item both sides changed, and lets the user settle each one.
#include <GLFW/glfw3.h>
#include <fmt/format.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "../model/area_addition.hpp"
#include "domain/section_texts.hpp"
#include "ui_state.hpp"
#include "wrapping_input.hpp"

namespace dplan::gui {

namespace {

void findings_for(UiState& ui, const std::string& area, std::optional<std::size_t> point) {
    for (const auto& finding : ui.snapshot->findings) {
        if (finding.area_id != area || finding.focus_point_index != point) continue;
        const ImVec4 colour = finding.severity == plugins::Severity::error     ? ImVec4(0.85f, 0.2f, 0.2f, 1)
                              : finding.severity == plugins::Severity::warning ? ImVec4(0.85f, 0.55f, 0.1f, 1)
                                                                               : ImVec4(0.5f, 0.5f, 0.5f, 1);
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
        ImGui::TextWrapped("[%s] %s", ui.tr.pick(plugins::severity_name(finding.severity)).c_str(),
                           ui.tr.pick(finding.message).c_str());
        ImGui::PopStyleColor();
    }
}

// Drafts and returned plans, for users the service lets edit them (a committee member reads a
// returned plan as it is, without fields, save or submit that would only be refused).
bool editable(const UiState& ui) { return ui.editor.editable() && !ui.snapshot->edit_refused; }

void save(UiState& ui) {
    auto [draft, reason] = ui.editor.start_save();
    ui.worker.run({"儲存計劃", "Saving the plan"},
                  [draft = std::move(draft), reason = std::move(reason)](DashboardClient& client, const Progress&) {
                      client.save_plan(draft, reason);
                  });
}

void submit(UiState& ui) {
    const auto id = ui.editor.draft().id;
    ui.worker.run({"提交計劃", "Submitting the plan"},
                  [id](DashboardClient& client, const Progress&) { client.submit_plan(id); });
}

void draw_value(UiState& ui, const MergeValue& value) {
    if (value.present)
        ImGui::TextWrapped("%s", ui.tr.pick(value.shown).c_str());
    else
        ImGui::TextDisabled("%s", ui.tr.pick(value.shown).c_str());
}

// One row per item both sides changed differently: the three versions and the user's choice.
void draw_conflict_items(UiState& ui, ConflictResolution& conflict, float height) {
    const auto& items = conflict.conflicts();
    if (items.empty()) {
        ImGui::TextUnformatted(ui.tr("label.conflict_none"));
        return;
    }
    ImGui::Text("%s: %zu / %zu", ui.tr("label.conflict_unsettled"), conflict.unsettled(), items.size());
    constexpr auto flags =
        ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("items", 5, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(ui.tr("label.conflict_item"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(ui.tr("label.conflict_base"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(ui.tr("label.conflict_mine"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(ui.tr("label.conflict_theirs"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(ui.tr("label.conflict_choice"), ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableHeadersRow();
    // Choices change the merge (and so the list): apply them after the list is drawn.
    std::optional<std::pair<std::size_t, MergeSide>> chosen;
    std::optional<std::pair<std::size_t, std::string>> written;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const MergeConflict& item = items[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", ui.tr.pick(item.where).c_str());
        ImGui::TableNextColumn();
        draw_value(ui, item.base);
        ImGui::TableNextColumn();
        draw_value(ui, item.mine);
        ImGui::TableNextColumn();
        draw_value(ui, item.theirs);
        ImGui::TableNextColumn();
        const auto choice = conflict.choice(i);
        const bool own = choice && choice->text;
        if (ImGui::RadioButton(ui.tr("button.keep_mine"), choice && !own && choice->side == MergeSide::mine)) {
            chosen = {i, MergeSide::mine};
        }
        ImGui::SameLine();
        if (ImGui::RadioButton(ui.tr("button.keep_theirs"), choice && !own && choice->side == MergeSide::theirs)) {
            chosen = {i, MergeSide::theirs};
        }
        if (is_text_item(item.item)) {
            std::string text = conflict.editable_text(i);
            if (ImGui::RadioButton(ui.tr("label.conflict_own"), own)) written = {i, text};
            if (ImGui::InputTextMultiline("##own", &text, ImVec2(-1, 44 * ui.scale))) written = {i, text};
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
    if (chosen) conflict.choose(chosen->first, chosen->second);
    if (written) conflict.write(written->first, written->second);
}

void draw_conflict(UiState& ui) {
    EditorSession& editor = ui.editor;
    // The title is part of the label, the id after ### stays the same in both languages.
    if (editor.conflict()) ImGui::OpenPopup("###conflict");
    const ImVec2 size = ImGui::GetMainViewport()->Size;
    ImGui::SetNextWindowSize(ImVec2(size.x * 0.9f, size.y * 0.85f), ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImVec2(size.x * 0.05f, size.y * 0.06f), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(fmt::format("{}###conflict", ui.tr("title.conflict")).c_str(), nullptr)) return;
    if (!editor.conflict()) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    ConflictResolution& conflict = *editor.conflict();
    ImGui::TextWrapped("%s", ui.tr("label.conflict_help"));
    ImGui::Text("%s %d → %d", ui.tr("label.version"), conflict.base().version, conflict.latest().version);
    const float buttons = ImGui::GetFrameHeightWithSpacing() * 2;
    const float lower = ImGui::GetContentRegionAvail().y - buttons;
    draw_conflict_items(ui, conflict, lower * 0.7f);
    ImGui::Separator();
    ImGui::TextUnformatted(ui.tr("label.their_changes"));
    ImGui::BeginChild("theirs", ImVec2(0, ImGui::GetContentRegionAvail().y - buttons), true);
    for (const auto& change : conflict.their_changes()) {
        ImGui::BulletText("%s: %s", ui.tr.pick(change.where).c_str(), ui.tr.pick(change.what).c_str());
    }
    ImGui::EndChild();
    ImGui::InputText(ui.tr("label.reason"), &editor.reason);
    bool apply = false, and_save = false, close = false;
    ImGui::BeginDisabled(!conflict.complete());
    apply = ImGui::Button(ui.tr("button.apply_mine"));
    ImGui::SameLine();
    and_save = ImGui::Button(ui.tr("button.apply_and_save"));
    ImGui::EndDisabled();
    ImGui::SameLine();
    close = ImGui::Button(ui.tr("button.close"));
    if (apply || and_save) editor.apply_merge();
    if (close) editor.close_conflict();
    if (apply || and_save || close) ImGui::CloseCurrentPopup();
    if (and_save) save(ui);
    ImGui::EndPopup();
}

// Above an empty box: the text in the other language, greyed, so a paper that has only Chinese (or
// only English) still reads in the editor; the box itself edits the chosen language only.
void other_language(UiState& ui, const Bilingual& text) {
    const bool zh = ui.tr.language() == Language::zh;
    if (!text.in(ui.tr.language()).empty() || (zh ? text.en : text.zh).empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s %s", ui.tr("label.only_other_language"), (zh ? text.en : text.zh).c_str());
    ImGui::PopStyleColor();
}

// Ctrl+S saves, Ctrl+Shift+Enter asks to submit, Ctrl+Down and Ctrl+Up go to the next and
// previous focus point (the boxes grow with their text, so Ctrl+arrows have nothing to scroll).
void shortcuts(UiState& ui, std::size_t focus_points) {
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.KeyCtrl || ui.editor.conflict() || !editable(ui)) return;
    if (!io.KeyShift && ImGui::IsKeyPressed(GLFW_KEY_S, false) && ui.editor.changed()) save(ui);
    if (io.KeyShift && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false)) ui.confirm_submit = true;
    if (focus_points == 0) return;
    const bool down = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow), false);
    const bool up = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow), false);
    if (!down && !up) return;
    const std::size_t last = focus_points - 1;
    if (!ui.active_focus_point) {
        ui.focus_point_request = down ? 0 : last;
    } else if (down) {
        ui.focus_point_request = std::min(*ui.active_focus_point + 1, last);
    } else {
        ui.focus_point_request = *ui.active_focus_point == 0 ? 0 : *ui.active_focus_point - 1;
    }
}

void draw_confirm_submit(UiState& ui) {
    if (ui.confirm_submit) ImGui::OpenPopup("###submit");
    ui.confirm_submit = false;
    if (!ImGui::BeginPopupModal(fmt::format("{}###submit", ui.tr("title.submit")).c_str(), nullptr,
                                ImGuiWindowFlags_AlwaysAutoResize)) {
        return;
    }
    ImGui::TextUnformatted(ui.tr("label.submit_confirm"));
    // Enter confirms (Space presses whichever button has the keyboard), Esc cancels.
    const bool enter = !ImGui::IsWindowAppearing() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false);
    const bool yes = ImGui::Button(ui.tr("button.submit")) || enter;
    ImGui::SameLine();
    if (yes) submit(ui);
    if (yes || ImGui::Button(ui.tr("button.cancel")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

// One focus point: its number, its text wrapping in a box that grows, its partner sectors and findings.
// `index` counts focus points across sections, for Ctrl+Down and Ctrl+Up.
bool draw_focus_point(UiState& ui, const std::string& area_id, std::size_t p, FocusPoint& point, std::size_t index) {
    const bool may_edit = editable(ui);
    ImGui::PushID(static_cast<int>(p));
    ImGui::Text("%zu.", p + 1);
    ImGui::SameLine();
    if (ui.focus_point_request == index) {
        ImGui::SetScrollHereY(0.25f);
        ImGui::SetKeyboardFocusHere();
        ui.focus_point_request.reset();
    }
    other_language(ui, point.text);
    std::string& text = ui.tr.language() == Language::zh ? point.text.zh : point.text.en;
    wrapping_input("##text", text, ImGui::GetContentRegionAvail().x, !may_edit);
    if (ImGui::IsItemActive()) ui.active_focus_point = index;
    ImGui::TextDisabled("%s:", ui.tr("label.partners"));
    for (const Sector sector : all_sectors) {
        ImGui::SameLine();
        bool on = std::find(point.partners.begin(), point.partners.end(), sector) != point.partners.end();
        if (ImGui::Checkbox(ui.tr.pick(sector_name(sector)).c_str(), &on) && may_edit) {
            if (on)
                point.partners.push_back(sector);
            else
                std::erase(point.partners, sector);
        }
    }
    findings_for(ui, area_id, p);
    const bool remove = may_edit && ImGui::SmallButton(ui.tr("button.remove_point"));
    ImGui::PopID();
    return remove;
}

// The theme, then each area's texts and focus points.
void draw_sections(UiState& ui) {
    Plan& draft = ui.editor.draft();
    const bool may_edit = editable(ui);
    std::string& theme = ui.tr.language() == Language::zh ? draft.theme.zh : draft.theme.en;
    ImGui::InputText(ui.tr("label.theme"), &theme, may_edit ? 0 : ImGuiInputTextFlags_ReadOnly);
    ui.active_focus_point.reset();
    std::size_t index = 0;
    for (std::size_t a = 0; a < draft.sections.size(); ++a) {
        auto& section = draft.sections[a];
        ImGui::PushID(static_cast<int>(a));
        std::string name = section.area_id;
        for (const auto& area : ui.snapshot->areas) {
            if (area.id == section.area_id) name = ui.tr.pick(area.name);
        }
        if (ImGui::CollapsingHeader(name.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
            // The section's texts (objective, district needs, ...) as host/domain/section_texts.hpp lists them.
            for (const auto& text : section_texts) {
                Bilingual& value = section.*text.member;
                ImGui::TextDisabled("%s", ui.tr.pick(text.label).c_str());
                other_language(ui, value);
                std::string& side = ui.tr.language() == Language::zh ? value.zh : value.en;
                wrapping_input(("##" + std::string(text.key)).c_str(), side, ImGui::GetContentRegionAvail().x,
                               !may_edit);
            }
            findings_for(ui, section.area_id, std::nullopt);
            ImGui::TextDisabled("%s", ui.tr("label.focus_points"));
            std::optional<std::size_t> remove;
            for (std::size_t p = 0; p < section.focus_points.size(); ++p, ++index) {
                if (draw_focus_point(ui, section.area_id, p, section.focus_points[p], index)) remove = p;
            }
            if (remove) section.focus_points.erase(section.focus_points.begin() + static_cast<std::ptrdiff_t>(*remove));
            if (may_edit && ImGui::SmallButton(ui.tr("button.add_point"))) section.focus_points.push_back({});
        } else {
            index += section.focus_points.size();
        }
        ImGui::PopID();
    }
}

// A loaded plugin's service area the plan has no section for: pick one and add it (a new revision).
// When none can be added the control stays in view, disabled, and says why on hover.
void draw_add_area(UiState& ui) {
    const AreaAddition addition = area_addition(*ui.snapshot, ui.editor.changed());
    const auto chosen = std::find_if(addition.areas.begin(), addition.areas.end(),
                                     [&](const AreaInfo& area) { return area.id == ui.area_to_add; });
    if (chosen == addition.areas.end()) ui.area_to_add = addition.areas.empty() ? "" : addition.areas.front().id;
    std::string preview;
    for (const auto& area : addition.areas) {
        if (area.id == ui.area_to_add) preview = ui.tr.pick(area.name);
    }
    ImGui::TextUnformatted(ui.tr("label.add_area"));
    bool hovered = false;
    ImGui::BeginDisabled(addition.refused.has_value());
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
    if (ImGui::BeginCombo("##area_to_add", preview.c_str())) {
        for (const auto& area : addition.areas) {
            if (ImGui::Selectable(ui.tr.pick(area.name).c_str(), area.id == ui.area_to_add)) ui.area_to_add = area.id;
        }
        ImGui::EndCombo();
    }
    hovered = ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled);
    ImGui::SameLine();
    if (ImGui::Button(ui.tr("button.add_area"))) {
        add_area(ui.worker, ui.editor.draft().id, ui.area_to_add, ui.editor.reason);
        ui.editor.reason.clear();
    }
    hovered = hovered || ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled);
    ImGui::EndDisabled();
    // After EndDisabled, so the tooltip is not drawn faded like the control.
    if (hovered) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
        ImGui::TextUnformatted(addition.refused ? ui.tr.pick(*addition.refused).c_str() : ui.tr("label.add_area_help"));
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

// Status, save and submit, adding a service area, the PDF export, the revision history and the latest changes.
void draw_side(UiState& ui) {
    const Snapshot& s = *ui.snapshot;
    const Plan& draft = ui.editor.draft();
    ImGui::Text("%s: %s · %s %d", ui.tr("label.status"), ui.tr.pick(status_name(s.plan->status)).c_str(),
                ui.tr("label.version"), draft.version);
    if (editable(ui)) {
        ImGui::InputText(ui.tr("label.reason"), &ui.editor.reason);
        ImGui::BeginDisabled(!ui.editor.changed());
        if (ImGui::Button(ui.tr("button.save"))) save(ui);
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button(ui.tr("button.submit"))) ui.confirm_submit = true;
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", ui.tr("label.editor_keys"));
        ImGui::PopStyleColor();
    }
    ImGui::Separator();
    draw_add_area(ui);
    ImGui::Separator();
    if (ui.export_path.empty()) ui.export_path = fmt::format("plan-{}-{}.pdf", draft.id, draft.financial_year);
    ImGui::SetNextItemWidth(-200 * ui.scale);
    ImGui::InputText("##pdf", &ui.export_path);
    ImGui::SameLine();
    if (ImGui::Button(ui.tr("button.export_pdf"))) {
        const auto id = draft.id;
        const std::string path = ui.export_path;
        ui.worker.run({"匯出委員會文件", "Exporting the committee paper"},
                      [id, path](DashboardClient& client, const Progress&) { client.export_plan_pdf(id, path); });
    }
    ImGui::Separator();
    ImGui::TextUnformatted(ui.tr("label.revisions"));
    for (auto it = s.revisions.rbegin(); it != s.revisions.rend(); ++it) {
        ImGui::TextWrapped("%d · %s · %s · %s", it->number, it->created_at.substr(0, 16).c_str(),
                           it->author_name.c_str(), it->reason.c_str());
    }
    ImGui::Separator();
    ImGui::TextUnformatted(ui.tr("label.diff"));
    if (s.latest_changes.empty()) ImGui::TextDisabled("%s", ui.tr("label.none"));
    for (const auto& change : s.latest_changes) {
        ImGui::TextWrapped("%s: %s", ui.tr.pick(change.where).c_str(), ui.tr.pick(change.what).c_str());
    }
}

}  // namespace

void draw_editor(UiState& ui) {
    const Snapshot& s = *ui.snapshot;
    if (!s.plan) {
        ImGui::TextUnformatted(ui.tr("label.no_plan"));
        return;
    }
    ui.editor.follow(*s.plan);
    std::size_t focus_points = 0;
    for (const auto& section : ui.editor.draft().sections) focus_points += section.focus_points.size();
    shortcuts(ui, focus_points);

    ImGui::BeginChild("sections", ImVec2(ImGui::GetContentRegionAvail().x * 0.62f, 0), true);
    draw_sections(ui);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("side", ImVec2(0, 0), true);
    draw_side(ui);
    ImGui::EndChild();

    draw_confirm_submit(ui);
    draw_conflict(ui);
}

}  // namespace dplan::gui
