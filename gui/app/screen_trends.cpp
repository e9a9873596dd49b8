// Trends: what a committee member asks first, how the district did last year and the year before.
// A small chart per service area (mean output achievement per financial year, bars against the
// 100% line, and outcomes met under each year), then the chosen programme across its readings.
// Drawn with ImGui's draw lists; the numbers come from view_models (area_trends, programme_trends).
#include <fmt/format.h>

#include <algorithm>

#include "../model/view_models.hpp"
#include "ui_state.hpp"

namespace dplan::gui {

namespace {

constexpr ImU32 target_colour = IM_COL32(200, 40, 40, 255);

// Bars of mean output achievement per year, the value above each, the year and "outcomes met" under it.
void draw_area_chart(UiState& ui, const AreaTrend& trend, float width, float height) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float line = ImGui::GetTextLineHeight();
    const float chart_top = origin.y + line;
    const float chart_bottom = origin.y + height - 2 * line;
    double most = 100;
    for (const auto& point : trend.years) most = std::max(most, point.mean_output_percent.value_or(0));
    const auto y_of = [&](double percent) {
        return chart_bottom - static_cast<float>((chart_bottom - chart_top) * percent / most);
    };
    const float slot = width / static_cast<float>(std::max<std::size_t>(trend.years.size(), 1));
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    for (std::size_t i = 0; i < trend.years.size(); ++i) {
        const TrendPoint& point = trend.years[i];
        const float left = origin.x + slot * static_cast<float>(i);
        const float centre = left + slot / 2;
        // "24-25"; when ten years leave no room for each, every other year is named.
        const std::string year = point.financial_year.substr(2);
        const float year_width = ImGui::CalcTextSize(year.c_str()).x;
        const std::size_t every = year_width + 4 * ui.scale > slot ? 2 : 1;
        if ((trend.years.size() - 1 - i) % every == 0) {
            draw->AddText(ImVec2(centre - year_width / 2, chart_bottom), faint, year.c_str());
        }
        const std::string outcomes =
            point.outcomes_reported > 0 ? fmt::format("{}/{}", point.outcomes_met, point.outcomes_reported) : "–";
        draw->AddText(ImVec2(centre - ImGui::CalcTextSize(outcomes.c_str()).x / 2, chart_bottom + line), text,
                      outcomes.c_str());
        if (!point.mean_output_percent) continue;
        const float top = y_of(*point.mean_output_percent);
        const ImU32 colour =
            *point.mean_output_percent >= 100 ? IM_COL32(70, 160, 90, 255) : IM_COL32(210, 120, 50, 255);
        draw->AddRectFilled(ImVec2(left + slot * 0.2f, top), ImVec2(left + slot * 0.8f, chart_bottom), colour);
        const std::string value = format_percent(*point.mean_output_percent);
        const float value_width = ImGui::CalcTextSize(value.c_str()).x;
        if (value_width < slot * 1.2f) {
            draw->AddText(ImVec2(centre - value_width / 2, top - line), text, value.c_str());
        }
    }
    const float target_y = y_of(100);
    draw->AddLine(ImVec2(origin.x, target_y), ImVec2(origin.x + width, target_y), target_colour, 1.5f * ui.scale);
    draw->AddLine(ImVec2(origin.x, chart_bottom), ImVec2(origin.x + width, chart_bottom), faint);
    ImGui::Dummy(ImVec2(width, height));
}

void draw_district(UiState& ui) {
    const auto trends = area_trends(*ui.snapshot);
    ImGui::TextUnformatted(ui.tr("label.trends_district"));
    ImGui::TextDisabled("%s", ui.tr("label.trends_legend"));
    if (trend_years(*ui.snapshot).empty()) {
        ImGui::TextDisabled("%s", ui.tr("label.trends_none"));
        return;
    }
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const int columns = std::clamp(static_cast<int>(ImGui::GetContentRegionAvail().x / (240 * ui.scale)), 1, 5);
    const float card_width =
        (ImGui::GetContentRegionAvail().x - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float line = ImGui::GetTextLineHeightWithSpacing();
    int column = 0;
    for (const auto& trend : trends) {
        ImGui::PushID(trend.area.id.c_str());
        ImGui::PushStyleColor(ImGuiCol_Border, area_colour(trend.area.colour_rgba));
        ImGui::BeginChild("area", ImVec2(card_width, line * 9), true, ImGuiWindowFlags_NoScrollbar);
        const ImVec2 swatch = ImGui::GetCursorScreenPos();
        const float size = ImGui::GetTextLineHeight() * 0.7f;
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(swatch.x, swatch.y + size * 0.2f),
                                                  ImVec2(swatch.x + size, swatch.y + size * 1.2f),
                                                  area_colour(trend.area.colour_rgba));
        ImGui::Dummy(ImVec2(size, size));
        ImGui::SameLine();
        ImGui::TextUnformatted(ui.tr.pick(trend.area.name).c_str());
        const ImVec2 room = ImGui::GetContentRegionAvail();
        draw_area_chart(ui, trend, room.x, room.y);
        ImGui::EndChild();
        ImGui::PopStyleColor();
        ImGui::PopID();
        if (++column % columns != 0) ImGui::SameLine();
    }
    if (column % columns != 0) ImGui::NewLine();
}

// One indicator's readings as a line: outputs climbing towards the 100% line as readings add up,
// outcomes as the rate at each reading against the target rate.
void draw_indicator_line(UiState& ui, const IndicatorTrend& trend, float width, float height) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const double target = trend.outcome ? trend.target.value_or(0) : 100.0;
    double most = std::max(target, 1.0);
    for (const auto& point : trend.points) most = std::max(most, point.value);
    most *= 1.15;  // room above the highest point and the target line
    const auto y_of = [&](double value) { return origin.y + height - static_cast<float>(height * value / most); };
    draw->AddRect(origin, ImVec2(origin.x + width, origin.y + height), ImGui::GetColorU32(ImGuiCol_Border));
    draw->AddLine(ImVec2(origin.x, y_of(target)), ImVec2(origin.x + width, y_of(target)), target_colour, ui.scale);
    const std::size_t count = trend.points.size();
    for (std::size_t i = 0; i < count; ++i) {
        const float x = origin.x + width * (static_cast<float>(i) + 0.5f) / static_cast<float>(count);
        const ImVec2 at(x, y_of(trend.points[i].value));
        draw->AddCircleFilled(at, 2.5f * ui.scale, IM_COL32(40, 90, 170, 255));
        if (i > 0) {
            const float previous_x = origin.x + width * (static_cast<float>(i) - 0.5f) / static_cast<float>(count);
            draw->AddLine(ImVec2(previous_x, y_of(trend.points[i - 1].value)), at, IM_COL32(40, 90, 170, 255),
                          1.5f * ui.scale);
        }
    }
    ImGui::Dummy(ImVec2(width, height));
}

void draw_programme(UiState& ui) {
    const Snapshot& s = *ui.snapshot;
    std::string chosen = "–";
    for (const auto& row : s.programmes) {
        if (s.selection.programme_id && row.key == std::to_string(*s.selection.programme_id))
            chosen = ui.tr.pick(row.label);
    }
    ImGui::SetNextItemWidth(360 * ui.scale);
    if (ImGui::BeginCombo(ui.tr("label.programme"), chosen.c_str())) {
        for (const auto& row : s.programmes) {
            const bool is_chosen = s.selection.programme_id && row.key == std::to_string(*s.selection.programme_id);
            if (ImGui::Selectable(fmt::format("{}##{}", ui.tr.pick(row.label), row.key).c_str(), is_chosen)) {
                ui.selection.programme_id = std::stoll(row.key);
                ui.worker.select(ui.selection);
            }
        }
        ImGui::EndCombo();
    }
    ImGui::TextDisabled("%s", ui.tr("label.trends_programme_legend"));
    constexpr auto flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH;
    if (!ImGui::BeginTable("readings", 3, flags)) return;
    ImGui::TableSetupColumn(ui.tr("label.indicator"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(ui.tr("label.readings"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(ui.tr("label.achievement"), ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableHeadersRow();
    for (const auto& trend : programme_trends(s)) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s %s", trend.code.c_str(), ui.tr.pick(trend.description).c_str());
        ImGui::TableNextColumn();
        draw_indicator_line(ui, trend, ImGui::GetContentRegionAvail().x, ImGui::GetTextLineHeight() * 2);
        ImGui::TableNextColumn();
        for (const auto& [indicator, readings] : s.programme_readings) {
            if (indicator.code == trend.code) ImGui::TextWrapped("%s", ui.tr.pick(achievement_text(indicator)).c_str());
        }
    }
    ImGui::EndTable();
}

}  // namespace

void draw_trends(UiState& ui) {
    draw_district(ui);
    ImGui::Separator();
    draw_programme(ui);
}

}  // namespace dplan::gui
