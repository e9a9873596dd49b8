// What the screens share: the labels, the worker and its newest snapshot, which screen is open,
// and each screen's own inputs (an editor draft, a filter, a comment being written).
#pragma once

#include <imgui.h>

#include <memory>
#include <optional>
#include <string>

#include "../model/editor_session.hpp"
#include "../model/strings.hpp"
#include "../model/worker.hpp"

namespace dplan::gui {

enum class Screen { overview, editor, review, meetings, indicators, matrix, trends, plugins, empty };

inline constexpr Screen all_screens[] = {Screen::overview,   Screen::editor, Screen::review, Screen::meetings,
                                         Screen::indicators, Screen::matrix, Screen::trends, Screen::plugins};

const char* screen_key(Screen screen);   // "screen.overview"
const char* screen_code(Screen screen);  // "overview"
std::optional<Screen> parse_screen(std::string_view code);

struct UiState {
    explicit UiState(Worker& worker) : worker(worker) {}

    Strings tr;
    Worker& worker;
    std::shared_ptr<const Snapshot> snapshot;
    Selection selection;
    Screen screen = Screen::overview;
    std::optional<Screen> tab_request = Screen::overview;  // a screen chosen by key or option
    std::string today;                                     // YYYY-MM-DD
    float scale = 1.0f;
    std::optional<JobError> error;

    EditorSession editor;
    std::optional<std::size_t> active_focus_point;   // the focus point being edited, counted across sections
    std::optional<std::size_t> focus_point_request;  // Ctrl+Down / Ctrl+Up: focus this one next frame
    bool confirm_submit = false;                     // ask before submitting to the committee
    std::string area_to_add;                         // the service area chosen to add to the plan
    bool help = false;                               // F1: the keyboard shortcuts
    std::string programme_filter;
    std::size_t programme_rows_shown = 0;  // rows the programme table showed last frame, to size it
    std::string comment_text;
    std::string comment_area;
    std::optional<std::int64_t> meeting_id;
    std::string minutes_text;
    int minutes_item = 0;
    std::string import_path;
    std::optional<std::pair<std::size_t, Sector>> matrix_cell;  // the cell whose details are open
    std::string export_path;
};

// Colour of a plugin's area (RGBA as the SDK declares it) for ImGui.
inline ImU32 area_colour(std::uint32_t rgba, int alpha = 255) {
    return IM_COL32((rgba >> 24) & 0xFF, (rgba >> 16) & 0xFF, (rgba >> 8) & 0xFF, alpha);
}

void draw_overview(UiState& ui);
void draw_editor(UiState& ui);
void draw_review(UiState& ui);
void draw_meetings(UiState& ui);
void draw_indicators(UiState& ui);
void draw_matrix(UiState& ui);
void draw_plugins(UiState& ui);
void draw_trends(UiState& ui);

}  // namespace dplan::gui
