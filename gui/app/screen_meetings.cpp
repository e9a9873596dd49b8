// Meetings: upcoming and past, and for the chosen one its agenda with minutes, attendance, the
// views raised and their status, decisions and action items with overdue ones highlighted.
#include <fmt/format.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "../model/view_models.hpp"
#include "ui_state.hpp"

namespace dplan::gui {

namespace {

const ImVec4 overdue_colour(0.9f, 0.25f, 0.2f, 1);

void list(UiState& ui, const char* heading, const std::vector<const MeetingRecord*>& meetings) {
    ImGui::TextDisabled("%s", heading);
    for (const auto* detail : meetings) {
        const auto& m = detail->meeting;
        const std::string label = fmt::format("{} {}##{}", m.starts_at.substr(0, 10), ui.tr.pick(m.title), m.id);
        if (ImGui::Selectable(label.c_str(), ui.meeting_id == m.id)) {
            ui.meeting_id = m.id;
            ui.minutes_item = 0;
        }
    }
}

// The agenda, each item's minutes, and the one being edited.
void agenda(UiState& ui, const Meeting& m) {
    ImGui::TextUnformatted(ui.tr("label.agenda"));
    for (const auto& item : m.agenda) {
        ImGui::PushID(item.position);
        ImGui::BulletText("%d. %s", item.position, ui.tr.pick(item.title).c_str());
        ImGui::Indent();
        if (ui.minutes_item == item.position) {
            ImGui::InputTextMultiline("##minutes", &ui.minutes_text, ImVec2(-1, 60 * ui.scale));
            if (ImGui::SmallButton(ui.tr("button.save_minutes"))) {
                const auto id = m.id;
                const int position = item.position, version = m.version;
                const std::string text = ui.minutes_text;
                ui.worker.run({"儲存會議紀錄", "Saving minutes"}, [=](DashboardClient& client, const Progress&) {
                    client.set_minutes(id, position, text, version);
                });
                ui.minutes_item = 0;
            }
        } else {
            ImGui::TextWrapped("%s", item.minutes.empty() ? "–" : item.minutes.c_str());
            if (ImGui::SmallButton(ui.tr("label.minutes"))) {
                ui.minutes_item = item.position;
                ui.minutes_text = item.minutes;
            }
        }
        ImGui::Unindent();
        ImGui::PopID();
    }
}

// Action items, overdue ones in red, each open one with its "mark done" button.
void actions(UiState& ui, const MeetingRecord& d) {
    ImGui::TextUnformatted(ui.tr("label.actions"));
    for (const auto& a : d.actions) {
        ImGui::PushID(static_cast<int>(a.id));
        const bool late = a.overdue(ui.today);
        if (late) ImGui::PushStyleColor(ImGuiCol_Text, overdue_colour);
        ImGui::BulletText("%s%s · %s %s · %s %s · %s", late ? "【" : "", a.description.c_str(), ui.tr("label.owner"),
                          ui.tr.pick(a.owner_name).c_str(), ui.tr("label.due"), a.due_date.c_str(),
                          ui.tr.pick(action_status_name(a.status)).c_str());
        if (late) {
            ImGui::SameLine();
            ImGui::TextUnformatted(fmt::format("{}】", ui.tr("label.overdue")).c_str());
            ImGui::PopStyleColor();
        }
        if (a.status == ActionStatus::open) {
            ImGui::SameLine();
            if (ImGui::SmallButton(ui.tr("button.mark_done"))) {
                const auto id = a.id;
                ui.worker.run({"更新跟進事項", "Updating the action item"},
                              [id](DashboardClient& client, const Progress&) {
                                  client.set_action_status(id, ActionStatus::done);
                              });
            }
        }
        ImGui::PopID();
    }
}

void detail(UiState& ui, const MeetingRecord& d) {
    const Meeting& m = d.meeting;
    ImGui::TextUnformatted(ui.tr.pick(m.title).c_str());
    ImGui::TextDisabled("%s · %s – %s %s · %s", ui.tr.pick(meeting_kind_name(m.kind)).c_str(), m.starts_at.c_str(),
                        m.ends_at.substr(11).c_str(), m.time_zone.c_str(),
                        (m.venue.empty() ? m.online_link : m.venue).c_str());
    ImGui::Separator();
    agenda(ui, m);
    ImGui::Separator();
    ImGui::TextUnformatted(ui.tr("label.attendance"));
    for (const auto& a : m.attendees) {
        ImGui::BulletText("%s (%s) – %s", ui.tr.pick(a.name).c_str(), ui.tr.pick(sector_name(a.sector)).c_str(),
                          ui.tr.pick(attendance_name(a.attendance)).c_str());
    }
    ImGui::Separator();
    ImGui::TextUnformatted(ui.tr("label.views"));
    for (const auto& v : d.views) {
        const ImVec4 colour =
            v.status == ViewStatus::open ? ImVec4(0.85f, 0.55f, 0.1f, 1) : ImGui::GetStyle().Colors[ImGuiCol_Text];
        ImGui::TextColored(colour, "[%s] %s", ui.tr.pick(view_status_name(v.status)).c_str(),
                           ui.tr.pick(v.raised_by).c_str());
        ImGui::Indent();
        ImGui::TextWrapped("%s", v.text.c_str());
        if (!v.reason.empty()) ImGui::TextDisabled("%s", v.reason.c_str());
        ImGui::Unindent();
    }
    ImGui::Separator();
    ImGui::TextUnformatted(ui.tr("label.decisions"));
    for (const auto& decision : d.decisions) ImGui::BulletText("%s", decision.text.c_str());
    ImGui::Separator();
    actions(ui, d);
}

}  // namespace

void draw_meetings(UiState& ui) {
    const Snapshot& s = *ui.snapshot;
    const auto lists = split_meetings(s, ui.today);
    if (!ui.meeting_id && !s.meetings.empty()) {
        // Open the meeting with the most to follow up: views raised and action items.
        const auto busiest = std::max_element(s.meetings.begin(), s.meetings.end(), [](const auto& a, const auto& b) {
            return a.views.size() + a.actions.size() < b.views.size() + b.actions.size();
        });
        ui.meeting_id = busiest->meeting.id;
    }
    ImGui::BeginChild("list", ImVec2(ImGui::GetContentRegionAvail().x * 0.32f, 0), true);
    if (lists.overdue_actions > 0)
        ImGui::TextColored(overdue_colour, "%s: %zu", ui.tr("label.overdue"), lists.overdue_actions);
    list(ui, ui.tr("label.upcoming"), lists.upcoming);
    ImGui::Separator();
    list(ui, ui.tr("label.past"), lists.past);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("detail", ImVec2(0, 0), true);
    for (const auto& d : s.meetings) {
        if (ui.meeting_id == d.meeting.id) detail(ui, d);
    }
    if (s.meetings.empty()) ImGui::TextDisabled("%s", ui.tr("label.none"));
    ImGui::EndChild();
}

}  // namespace dplan::gui
