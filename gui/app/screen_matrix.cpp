// Cross-sector matrix: service areas x sectors. Each cell says in words how the sector takes part
// in the area (partners named in focus points, people present at meetings, programmes run), empty
// cells are shaded so they stand out, a legend explains both, and a click on a cell lists who and what.
#include <fmt/format.h>

#include "../model/view_models.hpp"
#include "ui_state.hpp"

namespace dplan::gui {

namespace {

constexpr ImU32 empty_colour = IM_COL32(220, 90, 60, 110);

ImU32 engaged_colour(const EngagementCell& cell) {
    const int strength = std::min(cell.partners + cell.attendance + cell.programmes, 8);
    return IM_COL32(60, 150, 90, 40 + strength * 20);
}

// "2 focus points", "5 present", "1 programme", one a line, only the ones that are not zero.
void draw_cell(UiState& ui, const EngagementCell& cell) {
    if (cell.empty()) {
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, empty_colour);
        ImGui::TextDisabled("%s", ui.tr("label.cell_none"));
        return;
    }
    ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, engaged_colour(cell));
    if (cell.partners > 0)
        ImGui::Text("%d %s", cell.partners, ui.tr(cell.partners == 1 ? "label.cell_partner" : "label.cell_partners"));
    if (cell.attendance > 0) ImGui::Text("%d %s", cell.attendance, ui.tr("label.cell_present"));
    if (cell.programmes > 0) {
        ImGui::Text("%d %s", cell.programmes,
                    ui.tr(cell.programmes == 1 ? "label.cell_programme" : "label.cell_programmes"));
    }
}

void draw_legend(UiState& ui) {
    const float box = ImGui::GetTextLineHeight();
    const auto swatch = [&](ImU32 colour, const char* text) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + box * 1.6f, at.y + box), colour);
        ImGui::Dummy(ImVec2(box * 1.6f, box));
        ImGui::SameLine();
        ImGui::TextUnformatted(text);
    };
    swatch(empty_colour, ui.tr("label.legend_empty"));
    ImGui::SameLine(0, 24 * ui.scale);
    swatch(engaged_colour({1, 1, 0}), ui.tr("label.legend_engaged"));
    ImGui::TextDisabled("%s", ui.tr("label.matrix_help"));
}

void draw_detail(UiState& ui) {
    if (ui.matrix_cell) ImGui::OpenPopup("###cell");
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetMainViewport()->Size.x * 0.6f, 0), ImGuiCond_Appearing);
    std::string title = ui.tr("title.matrix_cell");
    const Snapshot& s = *ui.snapshot;
    if (ui.matrix_cell && s.matrix && ui.matrix_cell->first < s.matrix->areas.size()) {
        std::string area = s.matrix->areas[ui.matrix_cell->first];
        for (const auto& info : s.areas) {
            if (info.id == area) area = ui.tr.pick(info.name);
        }
        title = fmt::format("{} · {} × {}", title, area, ui.tr.pick(sector_name(ui.matrix_cell->second)));
    }
    if (!ImGui::BeginPopupModal(fmt::format("{}###cell", title).c_str(), nullptr)) return;
    if (ui.matrix_cell) {
        const auto detail = matrix_cell_detail(s, ui.matrix_cell->first, ui.matrix_cell->second);
        ImGui::TextUnformatted(ui.tr("label.cell_partners_named"));
        if (detail.focus_points.empty()) ImGui::TextDisabled("%s", ui.tr("label.none"));
        for (const auto& point : detail.focus_points) ImGui::TextWrapped("%s", ui.tr.pick(point).c_str());
        ImGui::Separator();
        ImGui::TextUnformatted(ui.tr("label.cell_people_present"));
        if (detail.present.empty()) ImGui::TextDisabled("%s", ui.tr("label.none"));
        for (const auto& person : detail.present) {
            ImGui::BulletText("%s · %s", ui.tr.pick(person.name).c_str(), ui.tr.pick(person.meeting).c_str());
        }
        ImGui::Separator();
        ImGui::Text("%s: %d", ui.tr("label.cell_programmes_run"), detail.programmes);
    }
    if (ImGui::Button(ui.tr("button.close")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        ui.matrix_cell.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace

void draw_matrix(UiState& ui) {
    const Snapshot& s = *ui.snapshot;
    if (!s.matrix) {
        ImGui::TextUnformatted(ui.tr("label.no_plan"));
        return;
    }
    draw_legend(ui);
    const auto& matrix = *s.matrix;
    std::vector<std::string> names;
    float name_width = 0;
    for (const auto& id : matrix.areas) {
        std::string name = id;
        for (const auto& area : s.areas) {
            if (area.id == id) name = ui.tr.pick(area.name);
        }
        name_width = std::max(name_width, ImGui::CalcTextSize(name.c_str()).x);
        names.push_back(std::move(name));
    }
    int empty = 0;
    constexpr int sector_count = static_cast<int>(all_sectors.size());
    // The area column is as wide as the longest area name, so no name is clipped; sectors share the rest.
    constexpr auto flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchSame;
    if (ImGui::BeginTable("matrix", sector_count + 1, flags)) {
        ImGui::TableSetupColumn(ui.tr("label.area"), ImGuiTableColumnFlags_WidthFixed,
                                name_width + ImGui::GetStyle().CellPadding.x * 2);
        for (const Sector sector : all_sectors) ImGui::TableSetupColumn(ui.tr.pick(sector_name(sector)).c_str());
        ImGui::TableHeadersRow();
        const float row_height = ImGui::GetTextLineHeightWithSpacing() * 3 + ImGui::GetStyle().CellPadding.y * 2;
        for (std::size_t a = 0; a < matrix.areas.size(); ++a) {
            ImGui::TableNextRow(ImGuiTableRowFlags_None, row_height);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(names[a].c_str());
            for (const Sector sector : all_sectors) {
                ImGui::TableNextColumn();
                const auto& cell = matrix.cell(a, sector);
                empty += cell.empty() ? 1 : 0;
                ImGui::PushID(static_cast<int>(a * all_sectors.size() + static_cast<std::size_t>(sector)));
                const ImVec2 top = ImGui::GetCursorPos();
                // A light frame under the mouse: the cell's own colour (empty or engaged) stays readable.
                ImGui::PushStyleColor(ImGuiCol_HeaderHovered, IM_COL32(40, 90, 170, 40));
                ImGui::PushStyleColor(ImGuiCol_HeaderActive, IM_COL32(40, 90, 170, 70));
                if (ImGui::Selectable("##cell", false, ImGuiSelectableFlags_AllowItemOverlap,
                                      ImVec2(0, row_height - ImGui::GetStyle().CellPadding.y * 2))) {
                    ui.matrix_cell = {a, sector};
                }
                ImGui::PopStyleColor(2);
                ImGui::SetCursorPos(top);
                draw_cell(ui, cell);
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    }
    ImGui::Text("%s: %d", ui.tr("label.empty_cells"), empty);
    draw_detail(ui);
}

}  // namespace dplan::gui
