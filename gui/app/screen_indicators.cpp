// Programmes and indicators: a sortable, filterable table of programmes (aggregated in SQL,
// drawn through ImGuiListClipper so thousands of rows cost only the visible ones), the chosen
// programme's indicators with achievement bars, the furthest below target, and CSV import.
#include <fmt/format.h>
#include <imgui_stdlib.h>

#include <fstream>
#include <iterator>

#include "../model/view_models.hpp"
#include "report_import_dialog.hpp"
#include "ui_state.hpp"

namespace dplan::gui {

namespace {

void achievement_bar(const Indicator& indicator, float scale, const char* target_not_stated) {
    const Achievement result = achievement(indicator);
    if (!result.reported) {
        ImGui::TextDisabled("–");
        return;
    }
    if (!result.target_stated) {
        ImGui::TextDisabled("%s", target_not_stated);
        return;
    }
    double percent = result.percent.value_or(0);
    if (indicator.kind == IndicatorKind::outcome && indicator.target.value_or(0) > 0)
        percent = *indicator.actual / *indicator.target * 100;
    const float fraction = static_cast<float>(std::min(percent, 150.0) / 150.0);
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram,
                          result.met ? ImVec4(0.27f, 0.63f, 0.35f, 1) : ImVec4(0.82f, 0.47f, 0.2f, 1));
    ImGui::ProgressBar(fraction, ImVec2(-1, 0), format_percent(percent).c_str());
    ImGui::PopStyleColor();
    // The 100% target line sits at two thirds of the bar.
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const float x = min.x + (max.x - min.x) * (100.0f / 150.0f);
    ImGui::GetWindowDrawList()->AddLine(ImVec2(x, min.y), ImVec2(x, max.y), IM_COL32(200, 40, 40, 255), 2 * scale);
}

}  // namespace

void draw_indicators(UiState& ui) {
    const Snapshot& s = *ui.snapshot;
    ImGui::SetNextItemWidth(240 * ui.scale);
    ImGui::InputTextWithHint("##filter", ui.tr("label.filter"), &ui.programme_filter);
    ImGui::SameLine();
    if (bool all = ui.selection.all_programmes; ImGui::Checkbox(ui.tr("label.all_programmes"), &all)) {
        ui.selection.all_programmes = all;
        ui.worker.select(ui.selection);
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%zu", s.programmes.size());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(320 * ui.scale);
    ImGui::InputTextWithHint("##csv", "indicators.csv", &ui.import_path);
    ImGui::SameLine();
    if (ImGui::Button(ui.tr("button.import")) && !ui.import_path.empty()) {
        const std::string path = ui.import_path;
        ui.worker.run({"匯入指標", "Importing indicators"}, [path](DashboardClient& client, const Progress& progress) {
            std::ifstream in(path, std::ios::binary);
            if (!in) throw InvalidInput({"無法開啟 " + path, "cannot open " + path});
            const std::string csv{std::istreambuf_iterator<char>(in), {}};
            try {
                client.import_indicators(csv, progress);
            } catch (const InvalidInput& e) {
                throw InvalidInput({path + "：" + e.message().zh, path + ": " + e.message().en});
            }
        });
    }
    ImGui::SameLine();
    draw_report_import(ui);
    const float table_height = ImGui::GetContentRegionAvail().y * 0.55f;
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                      ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable;
    if (ImGui::BeginTable("programmes", 6, flags, ImVec2(0, table_height))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(ui.tr("label.programme"),
                                ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_DefaultSort);
        for (const char* key :
             {"label.met", "label.below", "label.not_applicable", "label.not_reported", "label.mean"}) {
            ImGui::TableSetupColumn(ui.tr(key), ImGuiTableColumnFlags_WidthFixed, 110 * ui.scale);
        }
        ImGui::TableHeadersRow();
        ProgrammeColumn column = ProgrammeColumn::name;
        bool ascending = true;
        if (const ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount > 0) {
            static constexpr ProgrammeColumn columns[] = {
                ProgrammeColumn::name,           ProgrammeColumn::met,          ProgrammeColumn::below,
                ProgrammeColumn::not_applicable, ProgrammeColumn::not_reported, ProgrammeColumn::mean};
            column = columns[specs->Specs[0].ColumnIndex];
            ascending = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
        }
        const auto rows = programme_rows(s, ui.programme_filter, column, ascending);
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(rows.size()));
        while (clipper.Step()) {
            for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
                const AchievementGroup& row = *rows[static_cast<std::size_t>(r)];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                const bool chosen = s.selection.programme_id && std::to_string(*s.selection.programme_id) == row.key;
                if (ImGui::Selectable(fmt::format("{}##{}", ui.tr.pick(row.label), row.key).c_str(), chosen,
                                      ImGuiSelectableFlags_SpanAllColumns)) {
                    ui.selection.programme_id = std::stoll(row.key);
                    ui.worker.select(ui.selection);
                }
                ImGui::TableNextColumn();
                ImGui::Text("%d", row.met);
                ImGui::TableNextColumn();
                ImGui::Text("%d", row.below);
                ImGui::TableNextColumn();
                ImGui::Text("%d", row.not_applicable);
                ImGui::TableNextColumn();
                ImGui::Text("%d", row.not_reported);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(row.mean_output_percent ? format_percent(*row.mean_output_percent).c_str()
                                                               : "–");
            }
        }
        ImGui::EndTable();
    }
    ImGui::BeginChild("indicators", ImVec2(ImGui::GetContentRegionAvail().x * 0.6f, 0), true);
    if (ImGui::BeginTable("indicator_table", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableSetupColumn(ui.tr("label.indicator"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(ui.tr("label.target"), ImGuiTableColumnFlags_WidthFixed, 90 * ui.scale);
        ImGui::TableSetupColumn(ui.tr("label.actual"), ImGuiTableColumnFlags_WidthFixed, 90 * ui.scale);
        ImGui::TableSetupColumn(ui.tr("label.achievement"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableHeadersRow();
        for (const auto& indicator : s.programme_indicators) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%s %s", indicator.code.c_str(), ui.tr.pick(indicator.description).c_str());
            ImGui::TableNextColumn();
            if (indicator.target)
                ImGui::Text("%s%s", format_number(*indicator.target).c_str(),
                            indicator.kind == IndicatorKind::outcome ? "%" : "");
            else
                ImGui::TextDisabled("%s", ui.tr("label.target_not_stated"));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(indicator.actual ? format_number(*indicator.actual).c_str() : "–");
            ImGui::TableNextColumn();
            achievement_bar(indicator, ui.scale, ui.tr("label.target_not_stated"));
        }
        ImGui::EndTable();
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("shortfalls", ImVec2(0, 0), true);
    ImGui::TextUnformatted(ui.tr("label.shortfalls"));
    for (const auto& row : s.shortfalls) {
        ImGui::BulletText("%s %s %s: %s", ui.tr.pick(row.programme).c_str(), row.code.c_str(), row.description.c_str(),
                          format_percent(row.percent).c_str());
    }
    ImGui::EndChild();
}

}  // namespace dplan::gui
