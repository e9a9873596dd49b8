// Cross-sector matrix: service areas x sectors; each cell shows partners named, people present
// at meetings and programmes run, and empty cells are shaded so they stand out.
#include <fmt/format.h>

#include "ui_state.hpp"

namespace dplan::gui {

void draw_matrix(UiState& ui) {
    const Snapshot& s = *ui.snapshot;
    if (!s.matrix) {
        ImGui::TextUnformatted(ui.tr("label.no_plan"));
        return;
    }
    ImGui::TextWrapped("%s", ui.tr("label.matrix_help"));
    const auto& matrix = *s.matrix;
    int empty = 0;
    constexpr int sector_count = static_cast<int>(all_sectors.size());
    if (ImGui::BeginTable("matrix", sector_count + 1, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableSetupColumn("");
        for (const Sector sector : all_sectors) ImGui::TableSetupColumn(ui.tr.pick(sector_name(sector)).c_str());
        ImGui::TableHeadersRow();
        for (std::size_t a = 0; a < matrix.areas.size(); ++a) {
            ImGui::TableNextRow(ImGuiTableRowFlags_None, 34 * ui.scale);
            ImGui::TableNextColumn();
            std::string name = matrix.areas[a];
            for (const auto& area : s.areas) {
                if (area.id == matrix.areas[a]) name = ui.tr.pick(area.name);
            }
            ImGui::TextUnformatted(name.c_str());
            for (const Sector sector : all_sectors) {
                ImGui::TableNextColumn();
                const auto& cell = matrix.cell(a, sector);
                if (cell.empty()) {
                    ++empty;
                    ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, IM_COL32(220, 90, 60, 110));
                    ImGui::TextDisabled("—");
                } else {
                    const int strength = std::min(cell.partners + cell.attendance + cell.programmes, 8);
                    ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, IM_COL32(60, 150, 90, 40 + strength * 20));
                    ImGui::Text("%d / %d / %d", cell.partners, cell.attendance, cell.programmes);
                }
            }
        }
        ImGui::EndTable();
    }
    ImGui::Text("%s: %d", ui.tr("label.empty_cells"), empty);
}

}  // namespace dplan::gui
