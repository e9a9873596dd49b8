#include "dashboard.hpp"

#include <GLFW/glfw3.h>
#include <fmt/format.h>

#include <iterator>

#include "../model/view_models.hpp"
#include "domain/timestamp.hpp"
#include "report_import_dialog.hpp"

namespace dplan::gui {

Dashboard::Dashboard(Worker& worker, GlyphAtlas& atlas, Language language, float scale) : ui_(worker), atlas_(atlas) {
    ui_.tr.set_language(language);
    ui_.scale = scale;
    ui_.today = now_utc_iso8601().substr(0, 10);
}

bool Dashboard::update() {
    ui_.snapshot = ui_.worker.snapshot();
    // Messages that are not in the snapshot: job names and errors.
    const WorkerStatus status = ui_.worker.status();
    bool new_glyphs = atlas_.cover(status.job.zh + status.finished.zh);
    if (auto error = ui_.worker.take_error()) {
        new_glyphs = atlas_.cover(error->message.zh) || new_glyphs;
        // Whatever failed, the draft stays as the user left it; a stale save opens the conflict dialog,
        // anything else (a stale write that was not the editor's save too) the error dialog.
        const bool stale = error->conflict && ui_.snapshot && ui_.snapshot->plan;
        if (!ui_.editor.save_failed(stale ? ui_.snapshot->plan : std::nullopt)) ui_.error = error;
    }
    if (ui_.editor.conflict()) new_glyphs = atlas_.cover(ui_.editor.conflict()->text_to_render()) || new_glyphs;
    new_glyphs = atlas_.cover(report_import_text()) || new_glyphs;  // the report preview's words
    if (!ui_.snapshot || ui_.snapshot.get() == covered_) return new_glyphs;
    covered_ = ui_.snapshot.get();
    ui_.selection = ui_.snapshot->selection;
    return atlas_.cover(text_to_render(*ui_.snapshot)) || new_glyphs;
}

std::string Dashboard::window_title() const {
    std::string title = ui_.tr("app.title");
    if (ui_.snapshot && ui_.snapshot->plan) {
        for (const auto& district : ui_.snapshot->districts) {
            if (district.id == ui_.snapshot->plan->district_id) title += " — " + ui_.tr.pick(district.name);
        }
        title += " " + ui_.snapshot->plan->financial_year;
    }
    if (ui_.snapshot) title += " (" + ui_.snapshot->source + ")";
    return title;
}

void Dashboard::draw_bar() {
    const Snapshot& s = *ui_.snapshot;
    ImGui::SetNextItemWidth(160 * ui_.scale);
    std::string district_label = "–";
    for (const auto& district : s.districts) {
        if (s.selection.district_id == district.id) district_label = ui_.tr.pick(district.name);
    }
    if (ImGui::BeginCombo(ui_.tr("label.district"), district_label.c_str())) {
        for (const auto& district : s.districts) {
            if (ImGui::Selectable(ui_.tr.pick(district.name).c_str(), s.selection.district_id == district.id)) {
                ui_.selection = {district.id, std::nullopt, std::nullopt, ui_.selection.all_programmes};
                ui_.meeting_id.reset();
                ui_.worker.select(ui_.selection);
            }
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(260 * ui_.scale);
    std::string plan_label = "–";
    for (const auto& plan : s.plans) {
        if (s.selection.plan_id == plan.id) plan_label = plan.financial_year + " " + ui_.tr.pick(plan.theme);
    }
    if (ImGui::BeginCombo(ui_.tr("label.plan"), plan_label.c_str())) {
        for (const auto& plan : s.plans) {
            const std::string label = fmt::format("{} {}##{}", plan.financial_year, ui_.tr.pick(plan.theme), plan.id);
            if (ImGui::Selectable(label.c_str(), s.selection.plan_id == plan.id)) {
                ui_.selection.plan_id = plan.id;
                ui_.selection.programme_id.reset();
                ui_.worker.select(ui_.selection);
            }
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (ImGui::Button(ui_.tr("button.other_language"))) {
        ui_.tr.set_language(ui_.tr.language() == Language::zh ? Language::en : Language::zh);
    }
    ImGui::SameLine();
    if (ImGui::Button(ui_.tr("button.reload"))) ui_.worker.select(ui_.selection);
    if (ImGui::BeginTabBar("screens")) {
        for (const Screen screen : all_screens) {
            const bool requested = ui_.tab_request == screen;
            if (ImGui::BeginTabItem(fmt::format("{}###{}", ui_.tr(screen_key(screen)), screen_code(screen)).c_str(),
                                    nullptr, requested ? ImGuiTabItemFlags_SetSelected : 0)) {
                if (!ui_.tab_request || requested) ui_.screen = screen;
                ImGui::EndTabItem();
            }
            if (requested) ui_.tab_request.reset();
        }
        ImGui::EndTabBar();
    }
}

void Dashboard::draw_status() {
    const WorkerStatus status = ui_.worker.status();
    ImGui::Separator();
    ImGui::TextDisabled("%s: %s · %s: %s", ui_.tr("label.source"), ui_.snapshot->source.c_str(), ui_.tr("label.user"),
                        ui_.snapshot->actor.username.c_str());
    if (!status.busy && !status.finished.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled(" · %s", ui_.tr.pick(status.finished).c_str());
    }
    if (status.busy) {
        ImGui::SameLine();
        if (status.total > 0) {
            ImGui::ProgressBar(static_cast<float>(status.done) / static_cast<float>(status.total),
                               ImVec2(200 * ui_.scale, 0), ui_.tr.pick(status.job).c_str());
        } else {
            ImGui::TextUnformatted(ui_.tr.pick(status.job).c_str());
        }
    }
}

void Dashboard::draw_error() {
    // The title is part of the label; the id after ### stays the same in both languages.
    if (ui_.error) ImGui::OpenPopup("###error");
    if (ImGui::BeginPopupModal(fmt::format("{}###error", ui_.tr("title.error")).c_str(), nullptr,
                               ImGuiWindowFlags_AlwaysAutoResize)) {
        if (ui_.error) ImGui::TextWrapped("%s", ui_.tr.pick(ui_.error->message).c_str());
        if (ImGui::Button(ui_.tr("button.close"))) {
            ui_.error.reset();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

// Keys that work on every screen: Ctrl+1 … Ctrl+8 open a screen, Ctrl+L switches the language, F1
// shows every shortcut. The editor's own are in screen_editor.cpp.
void Dashboard::shortcuts() {
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsKeyPressed(GLFW_KEY_F1, false)) ui_.help = !ui_.help;
    if (!io.KeyCtrl || io.KeyShift) return;
    for (std::size_t n = 0; n < std::size(all_screens); ++n) {
        if (ImGui::IsKeyPressed(GLFW_KEY_1 + static_cast<int>(n), false)) ui_.tab_request = all_screens[n];
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_L, false)) {
        ui_.tr.set_language(ui_.tr.language() == Language::zh ? Language::en : Language::zh);
    }
}

void Dashboard::draw_help() {
    if (ui_.help) ImGui::OpenPopup("###help");
    if (!ImGui::BeginPopupModal(fmt::format("{}###help", ui_.tr("title.help")).c_str(), nullptr,
                                ImGuiWindowFlags_AlwaysAutoResize)) {
        return;
    }
    if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
        for (const auto& [keys, what] : keyboard_shortcuts()) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(keys.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(ui_.tr.pick(what).c_str());
        }
        ImGui::EndTable();
    }
    if (ImGui::Button(ui_.tr("button.close")) || !ui_.help ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        ui_.help = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void Dashboard::draw(int width, int height) {
    shortcuts();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(static_cast<float>(width), static_cast<float>(height)));
    ImGui::Begin("dashboard", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBringToFrontOnFocus);
    if (!ui_.snapshot) {
        ImGui::TextUnformatted(ui_.tr("label.loading"));
        draw_error();
        ImGui::End();
        return;
    }
    if (ui_.screen != Screen::empty) draw_bar();
    const float status_height = ImGui::GetFrameHeightWithSpacing() + 6 * ui_.scale;
    ImGui::BeginChild("screen", ImVec2(0, -status_height));
    switch (ui_.screen) {
        case Screen::overview:
            draw_overview(ui_);
            break;
        case Screen::editor:
            draw_editor(ui_);
            break;
        case Screen::review:
            draw_review(ui_);
            break;
        case Screen::meetings:
            draw_meetings(ui_);
            break;
        case Screen::indicators:
            draw_indicators(ui_);
            break;
        case Screen::matrix:
            draw_matrix(ui_);
            break;
        case Screen::plugins:
            draw_plugins(ui_);
            break;
        case Screen::trends:
            draw_trends(ui_);
            break;
        case Screen::empty:
            break;
    }
    ImGui::EndChild();
    if (ui_.screen != Screen::empty) draw_status();
    draw_help();
    draw_error();
    ImGui::End();
}

}  // namespace dplan::gui
