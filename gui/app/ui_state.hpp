// What the screens share: the labels, the worker and its newest snapshot, which screen is open,
// and each screen's own inputs (an editor draft, a filter, a comment being written).
#pragma once

#include <imgui.h>

#include <memory>
#include <optional>
#include <string>

#include "../model/conflict_resolution.hpp"
#include "../model/strings.hpp"
#include "../model/worker.hpp"

namespace dplan::gui {

enum class Screen { overview, editor, review, meetings, indicators, matrix, plugins, empty };

inline constexpr Screen all_screens[] = {Screen::overview,   Screen::editor, Screen::review, Screen::meetings,
                                         Screen::indicators, Screen::matrix, Screen::plugins};

const char* screen_key(Screen screen);   // "screen.overview"
const char* screen_code(Screen screen);  // "overview"
std::optional<Screen> parse_screen(std::string_view code);

struct EditorState {
    std::optional<Plan> draft;  // the user's copy, edited in place
    Plan base;                  // what the draft started from
    std::string reason;
    std::optional<ConflictResolution> conflict;  // set when a save was refused as stale
    bool awaiting_save = false;                  // a save is on its way; adopt the stored plan when it lands
};

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

    EditorState editor;
    std::string programme_filter;
    std::string comment_text;
    std::string comment_area;
    std::optional<std::int64_t> meeting_id;
    std::string minutes_text;
    int minutes_item = 0;
    std::string import_path;
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

}  // namespace dplan::gui
