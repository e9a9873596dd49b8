// Plugins: loaded and refused ones with the reasons, and the panels plugins declare, filled in by
// the host for the open plan.
#include "ui_state.hpp"

namespace dplan::gui {

void draw_plugins(UiState& ui) {
    const Snapshot& s = *ui.snapshot;
    if (ImGui::BeginTable("plugins", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableSetupColumn(ui.tr("label.plugin"), ImGuiTableColumnFlags_WidthFixed, 180 * ui.scale);
        ImGui::TableSetupColumn(ui.tr("label.status"), ImGuiTableColumnFlags_WidthFixed, 120 * ui.scale);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableHeadersRow();
        for (const auto& plugin : s.plugins) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(plugin.id.c_str());
            ImGui::TableNextColumn();
            if (plugin.loaded) {
                ImGui::TextColored(ImVec4(0.27f, 0.63f, 0.35f, 1), "%s", ui.tr("label.loaded"));
            } else {
                ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1), "%s", ui.tr("label.refused"));
            }
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", plugin.loaded ? (ui.tr.pick(plugin.name) + " " + plugin.version).c_str()
                                                   : ui.tr.pick(plugin.reason).c_str());
        }
        ImGui::EndTable();
    }
    ImGui::Separator();
    ImGui::TextUnformatted(ui.tr("label.panels"));
    const float panel_width = ImGui::GetContentRegionAvail().x * 0.49f;
    for (const auto& panel : s.panels) {
        ImGui::PushID(panel.area_id.c_str());
        std::uint32_t colour = 0x808080ffu;
        for (const auto& area : s.areas) {
            if (area.id == panel.area_id) colour = area.colour_rgba;
        }
        ImGui::PushStyleColor(ImGuiCol_Border, area_colour(colour));
        const float height = ImGui::GetTextLineHeightWithSpacing() * (2.5f + static_cast<float>(panel.lines.size()));
        ImGui::BeginChild("panel", ImVec2(panel_width, height), true);
        ImGui::TextUnformatted(ui.tr.pick(panel.title).c_str());
        for (const auto& line : panel.lines) {
            if (line.kind == plugins::PanelItemKind::heading) {
                ImGui::Separator();
                ImGui::TextUnformatted(ui.tr.pick(line.label).c_str());
            } else if (line.kind == plugins::PanelItemKind::metric) {
                ImGui::Text("%s: %s", ui.tr.pick(line.label).c_str(), line.value.c_str());
            } else {
                ImGui::TextWrapped("%s", ui.tr.pick(line.label).c_str());
            }
        }
        ImGui::EndChild();
        ImGui::PopStyleColor();
        ImGui::PopID();
        if (&panel != &s.panels.back() && (&panel - s.panels.data()) % 2 == 0) ImGui::SameLine();
    }
}

}  // namespace dplan::gui
