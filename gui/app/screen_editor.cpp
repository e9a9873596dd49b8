// Plan editor: sections and focus points with their partner sectors, each plugin's findings next
// to what they refer to, the revision history with the latest changes, save and submit. A save
// refused as stale opens a dialog that merges the user's edits into the latest version, shows
// base, mine and theirs for each item both sides changed, and lets the user settle each one.
#include <fmt/format.h>
#include <imgui_stdlib.h>

#include "ui_state.hpp"

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

void save(UiState& ui) {
    const Plan draft = *ui.editor.draft;
    const std::string reason = ui.editor.reason.empty() ? "dashboard edit" : ui.editor.reason;
    ui.worker.run({"儲存計劃", "Saving the plan"},
                  [draft, reason](DashboardClient& client, const Progress&) { client.save_plan(draft, reason); });
    ui.editor.reason.clear();
    ui.editor.awaiting_save = true;
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
    EditorState& editor = ui.editor;
    // The title is part of the label, the id after ### stays the same in both languages.
    if (editor.conflict) ImGui::OpenPopup("###conflict");
    const ImVec2 size = ImGui::GetMainViewport()->Size;
    ImGui::SetNextWindowSize(ImVec2(size.x * 0.9f, size.y * 0.85f), ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImVec2(size.x * 0.05f, size.y * 0.06f), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(fmt::format("{}###conflict", ui.tr("label.conflict")).c_str(), nullptr)) return;
    if (!editor.conflict) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    ConflictResolution& conflict = *editor.conflict;
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
    if (apply || and_save) {
        // The merge becomes the draft, on top of the latest version.
        editor.draft = conflict.merged();
        editor.base = conflict.latest();
    }
    if (apply || and_save || close) {
        editor.conflict.reset();
        ImGui::CloseCurrentPopup();
    }
    if (and_save) save(ui);
    ImGui::EndPopup();
}

}  // namespace

void draw_editor(UiState& ui) {
    const Snapshot& s = *ui.snapshot;
    if (!s.plan) {
        ImGui::TextUnformatted(ui.tr("label.no_plan"));
        return;
    }
    EditorState& editor = ui.editor;
    // A fresh copy when the user has not started editing, or the stored plan moved on without them.
    const bool untouched = editor.draft && *editor.draft == editor.base;
    // Our save landed (a refused one raises the conflict dialog instead): continue from what is stored.
    const bool saved = editor.awaiting_save && !editor.conflict && s.plan->version > editor.base.version;
    if (editor.conflict) editor.awaiting_save = false;
    if (saved) editor.awaiting_save = false;
    if (!editor.draft || editor.draft->id != s.plan->id || saved ||
        (untouched && editor.base.version != s.plan->version)) {
        editor.draft = *s.plan;
        editor.base = *s.plan;
    }
    if (editor.conflict && editor.conflict->latest().version < s.plan->version) editor.conflict->rebase(*s.plan);
    Plan& draft = *editor.draft;
    const bool editable = draft.status == PlanStatus::draft || draft.status == PlanStatus::returned;

    ImGui::BeginChild("sections", ImVec2(ImGui::GetContentRegionAvail().x * 0.62f, 0), true);
    std::string& theme = ui.tr.language() == Language::zh ? draft.theme.zh : draft.theme.en;
    ImGui::InputText(ui.tr("label.theme"), &theme, editable ? 0 : ImGuiInputTextFlags_ReadOnly);
    for (std::size_t a = 0; a < draft.sections.size(); ++a) {
        auto& section = draft.sections[a];
        ImGui::PushID(static_cast<int>(a));
        std::string name = section.area_id;
        for (const auto& area : s.areas) {
            if (area.id == section.area_id) name = ui.tr.pick(area.name);
        }
        if (ImGui::CollapsingHeader(name.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
            std::string& objective = ui.tr.language() == Language::zh ? section.objective.zh : section.objective.en;
            ImGui::InputTextMultiline(ui.tr("label.objective"), &objective, ImVec2(-160 * ui.scale, 44 * ui.scale),
                                      editable ? 0 : ImGuiInputTextFlags_ReadOnly);
            findings_for(ui, section.area_id, std::nullopt);
            std::optional<std::size_t> remove;
            for (std::size_t p = 0; p < section.focus_points.size(); ++p) {
                auto& point = section.focus_points[p];
                ImGui::PushID(static_cast<int>(p));
                std::string& text = ui.tr.language() == Language::zh ? point.text.zh : point.text.en;
                ImGui::InputTextMultiline(fmt::format("{}.", p + 1).c_str(), &text,
                                          ImVec2(-160 * ui.scale, 44 * ui.scale),
                                          editable ? 0 : ImGuiInputTextFlags_ReadOnly);
                ImGui::TextDisabled("%s:", ui.tr("label.partners"));
                for (const Sector sector : all_sectors) {
                    ImGui::SameLine();
                    bool on = std::find(point.partners.begin(), point.partners.end(), sector) != point.partners.end();
                    if (ImGui::Checkbox(ui.tr.pick(sector_name(sector)).c_str(), &on) && editable) {
                        if (on)
                            point.partners.push_back(sector);
                        else
                            std::erase(point.partners, sector);
                    }
                }
                findings_for(ui, section.area_id, p);
                if (editable && ImGui::SmallButton(ui.tr("button.remove_point"))) remove = p;
                ImGui::PopID();
            }
            if (remove) section.focus_points.erase(section.focus_points.begin() + static_cast<std::ptrdiff_t>(*remove));
            if (editable && ImGui::SmallButton(ui.tr("button.add_point"))) section.focus_points.push_back({});
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
    ImGui::SameLine();

    ImGui::BeginChild("side", ImVec2(0, 0), true);
    ImGui::Text("%s: %s · %s %d", ui.tr("label.status"), ui.tr.pick(status_name(draft.status)).c_str(),
                ui.tr("label.version"), draft.version);
    if (editable) {
        ImGui::InputText(ui.tr("label.reason"), &editor.reason);
        ImGui::BeginDisabled(*editor.draft == editor.base);
        if (ImGui::Button(ui.tr("button.save"))) save(ui);
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button(ui.tr("button.submit"))) {
            const auto id = draft.id;
            ui.worker.run({"提交計劃", "Submitting the plan"},
                          [id](DashboardClient& client, const Progress&) { client.submit_plan(id); });
        }
    }
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
    ImGui::EndChild();

    draw_conflict(ui);
}

}  // namespace dplan::gui
