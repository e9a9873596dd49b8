// Review: comment threads pinned to the whole plan or to a section, replies and resolution,
// the committee's decisions, and recording a decision.
#include <fmt/format.h>
#include <imgui_stdlib.h>

#include "../model/view_models.hpp"
#include "ui_state.hpp"

namespace dplan::gui {

namespace {

std::string area_label(const UiState& ui, const std::string& area_id) {
    for (const auto& area : ui.snapshot->areas) {
        if (area.id == area_id) return ui.tr.pick(area.name);
    }
    return area_id;
}

void draw_threads(UiState& ui, const std::string& area) {
    const auto threads = review_threads(*ui.snapshot, area);
    if (threads.empty()) ImGui::TextDisabled("%s", ui.tr("label.no_comments"));
    for (const auto& thread : threads) {
        ImGui::PushID(static_cast<int>(thread.root->id));
        const ImVec4 colour = thread.resolved ? ImVec4(0.5f, 0.5f, 0.5f, 1) : ImGui::GetStyle().Colors[ImGuiCol_Text];
        ImGui::TextColored(colour, "#%lld %s (%s, %s %d)", static_cast<long long>(thread.root->id),
                           thread.root->body.c_str(), thread.root->author_name.c_str(), ui.tr("label.version"),
                           thread.root->revision);
        ImGui::Indent();
        for (const auto* response : thread.responses) {
            ImGui::TextWrapped("%s %s (%s)", ui.tr.pick(comment_kind_name(response->kind)).c_str(),
                               response->body.c_str(), response->author_name.c_str());
        }
        if (!thread.resolved && ImGui::SmallButton(ui.tr("button.resolve"))) {
            const auto id = thread.root->id;
            ui.worker.run({"標示為已解決", "Resolving"}, [id](DashboardClient& client, const Progress&) {
                client.respond(id, CommentKind::resolution, "resolved / 已解決");
            });
        }
        ImGui::Unindent();
        ImGui::PopID();
    }
}

}  // namespace

void draw_review(UiState& ui) {
    const Snapshot& s = *ui.snapshot;
    if (!s.plan) {
        ImGui::TextUnformatted(ui.tr("label.no_plan"));
        return;
    }
    ImGui::BeginChild("threads", ImVec2(ImGui::GetContentRegionAvail().x * 0.62f, 0), true);
    if (ImGui::CollapsingHeader(ui.tr("label.whole_plan"), ImGuiTreeNodeFlags_DefaultOpen)) draw_threads(ui, "");
    for (const auto& section : s.plan->sections) {
        if (ImGui::CollapsingHeader(area_label(ui, section.area_id).c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
            draw_threads(ui, section.area_id);
        }
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("write", ImVec2(0, 0), true);
    ImGui::TextUnformatted(ui.tr("label.comments"));
    const bool open_for_comments = s.plan->status != PlanStatus::draft;
    if (!open_for_comments) ImGui::TextWrapped("%s", ui.tr("label.draft_no_comments"));
    ImGui::BeginDisabled(!open_for_comments);
    const std::string target_label =
        ui.comment_area.empty() ? ui.tr("label.whole_plan") : area_label(ui, ui.comment_area);
    if (ImGui::BeginCombo("##target", target_label.c_str())) {
        if (ImGui::Selectable(ui.tr("label.whole_plan"), ui.comment_area.empty())) ui.comment_area.clear();
        for (const auto& section : s.plan->sections) {
            if (ImGui::Selectable(area_label(ui, section.area_id).c_str(), ui.comment_area == section.area_id)) {
                ui.comment_area = section.area_id;
            }
        }
        ImGui::EndCombo();
    }
    ImGui::InputTextMultiline("##comment", &ui.comment_text, ImVec2(-1, 80 * ui.scale));
    if (ImGui::Button(ui.tr("button.comment")) && !ui.comment_text.empty()) {
        const auto plan_id = s.plan->id;
        CommentTarget target;
        if (!ui.comment_area.empty()) target.area_id = ui.comment_area;
        const std::string body = ui.comment_text;
        ui.worker.run({"發表意見", "Commenting"}, [plan_id, target, body](DashboardClient& client, const Progress&) {
            client.comment(plan_id, target, body);
        });
        ui.comment_text.clear();
    }
    ImGui::EndDisabled();
    ImGui::Separator();
    ImGui::TextUnformatted(ui.tr("label.decisions"));
    for (const auto& decision : s.decisions) {
        ImGui::BulletText("%s · %s · %s %s", decision.decided_on.c_str(),
                          ui.tr.pick(status_name(decision.outcome)).c_str(), decision.meeting_ref.c_str(),
                          decision.note.c_str());
    }
    if (s.plan->status == PlanStatus::submitted || s.plan->status == PlanStatus::under_review) {
        for (const auto& [key, outcome] :
             {std::pair{"outcome.noted", PlanStatus::noted}, std::pair{"outcome.endorsed", PlanStatus::endorsed},
              std::pair{"outcome.returned", PlanStatus::returned}}) {
            if (ImGui::Button(ui.tr(key))) {
                const auto plan_id = s.plan->id;
                const std::string date = ui.today, note = ui.comment_text;
                const PlanStatus chosen = outcome;
                ui.worker.run({"記錄決定", "Recording the decision"}, [=](DashboardClient& client, const Progress&) {
                    client.decide(plan_id, chosen, date, note);
                });
            }
            ImGui::SameLine();
        }
        ImGui::NewLine();
    }
    ImGui::EndChild();
}

}  // namespace dplan::gui
