// Overview: the plan's status and theme, and one card per service area with its objective,
// counts, findings and a bar chart of indicator achievement against the 100% target line.
#include <fmt/format.h>

#include <algorithm>

#include "../model/view_models.hpp"
#include "ui_state.hpp"

namespace dplan::gui {

namespace {

void draw_bars(UiState& ui, const AreaCard& card) {
    if (card.bars.empty()) {
        ImGui::TextDisabled("%s", ui.tr("label.no_indicators"));
        return;
    }
    const float width = ImGui::GetContentRegionAvail().x;
    const float row = ImGui::GetTextLineHeightWithSpacing();
    const float label_width = width * 0.45f;
    const float bar_space = width - label_width - 110 * ui.scale;  // room for "58.3% / 60%"
    double most = 100;
    for (const auto& bar : card.bars) most = std::max(most, bar.percent.value_or(0));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float target_x = origin.x + label_width + static_cast<float>(bar_space * 100 / most);
    for (std::size_t i = 0; i < card.bars.size(); ++i) {
        const auto& bar = card.bars[i];
        const float y = origin.y + row * static_cast<float>(i);
        draw->AddText(ImVec2(origin.x, y), ImGui::GetColorU32(ImGuiCol_Text), bar.label.c_str());
        if (bar.percent) {
            const float length = static_cast<float>(bar_space * *bar.percent / most);
            const ImU32 colour = bar.met ? IM_COL32(70, 160, 90, 255) : IM_COL32(210, 120, 50, 255);
            draw->AddRectFilled(ImVec2(origin.x + label_width, y + 2),
                                ImVec2(origin.x + label_width + length, y + row - 3), colour);
            // Outcomes are rates: "58.3% / 60%" says more than a share of the target.
            const std::string text = bar.outcome ? fmt::format("{}% / {}%", format_number(*bar.actual),
                                                               format_number(bar.target.value_or(0)))
                                                 : format_percent(*bar.percent);
            draw->AddText(ImVec2(origin.x + label_width + length + 4, y), ImGui::GetColorU32(ImGuiCol_Text),
                          text.c_str());
        } else {
            draw->AddText(ImVec2(origin.x + label_width, y), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                          ui.tr(bar.actual && !bar.target ? "label.target_not_stated" : "label.not_reported"));
        }
    }
    const float bottom = origin.y + row * static_cast<float>(card.bars.size());
    draw->AddLine(ImVec2(target_x, origin.y), ImVec2(target_x, bottom), IM_COL32(200, 40, 40, 255), 2.0f * ui.scale);
    ImGui::Dummy(ImVec2(width, bottom - origin.y));
    ImGui::TextDisabled("| %s", ui.tr("label.target_line"));
}

}  // namespace

void draw_overview(UiState& ui) {
    const Snapshot& s = *ui.snapshot;
    if (!s.plan) {
        ImGui::TextUnformatted(ui.tr("label.no_plan"));
        return;
    }
    ImGui::Text("%s %s · %s: %s · %s %d", s.plan->financial_year.c_str(), ui.tr.pick(s.plan->theme).c_str(),
                ui.tr("label.status"), ui.tr.pick(status_name(s.plan->status)).c_str(), ui.tr("label.version"),
                s.plan->version);
    ImGui::Separator();
    const auto cards = overview_cards(s);
    const float card_width = std::max(380.0f * ui.scale, (ImGui::GetContentRegionAvail().x - 16 * ui.scale) / 2);
    int column = 0;
    for (const auto& card : cards) {
        ImGui::PushID(card.area.id.c_str());
        ImGui::PushStyleColor(ImGuiCol_Border, area_colour(card.area.colour_rgba));
        const float line = ImGui::GetTextLineHeightWithSpacing();
        const float height = line * (9.5f + static_cast<float>(std::max<std::size_t>(card.bars.size(), 1)));
        ImGui::BeginChild("card", ImVec2(card_width, height), true);
        ImGui::GetWindowDrawList()->AddRectFilled(
            ImGui::GetCursorScreenPos(),
            ImVec2(ImGui::GetCursorScreenPos().x + card_width, ImGui::GetCursorScreenPos().y + 4 * ui.scale),
            area_colour(card.area.colour_rgba));
        ImGui::Dummy(ImVec2(0, 4 * ui.scale));
        ImGui::TextUnformatted(ui.tr.pick(card.area.name).c_str());
        ImGui::TextWrapped("%s: %s", ui.tr("label.objective"), ui.tr.pick(card.objective).c_str());
        ImGui::Text("%s: %zu   %s: %zu", ui.tr("label.focus_points"), card.focus_points, ui.tr("label.sectors_engaged"),
                    card.sectors_engaged);
        ImGui::Text("%s:", ui.tr("label.findings"));
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1), "%d %s", card.errors,
                           ui.tr.pick(plugins::severity_name(plugins::Severity::error)).c_str());
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.85f, 0.55f, 0.1f, 1), "%d %s", card.warnings,
                           ui.tr.pick(plugins::severity_name(plugins::Severity::warning)).c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("%d %s", card.notes, ui.tr.pick(plugins::severity_name(plugins::Severity::note)).c_str());
        ImGui::Text("%s", ui.tr("label.achievement"));
        draw_bars(ui, card);
        ImGui::EndChild();
        ImGui::PopStyleColor();
        ImGui::PopID();
        if (++column % 2 != 0) ImGui::SameLine();
    }
}

}  // namespace dplan::gui
