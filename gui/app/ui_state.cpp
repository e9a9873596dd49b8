#include "ui_state.hpp"

#include <array>

namespace dplan::gui {

namespace {
constexpr std::array<std::pair<Screen, const char*>, 9> codes = {{{Screen::overview, "overview"},
                                                                  {Screen::editor, "editor"},
                                                                  {Screen::review, "review"},
                                                                  {Screen::meetings, "meetings"},
                                                                  {Screen::indicators, "indicators"},
                                                                  {Screen::matrix, "matrix"},
                                                                  {Screen::trends, "trends"},
                                                                  {Screen::plugins, "plugins"},
                                                                  {Screen::empty, "empty"}}};
}

const char* screen_code(Screen screen) {
    for (const auto& [value, code] : codes) {
        if (value == screen) return code;
    }
    return "overview";
}

const char* screen_key(Screen screen) {
    switch (screen) {
        case Screen::overview:
            return "screen.overview";
        case Screen::editor:
            return "screen.editor";
        case Screen::review:
            return "screen.review";
        case Screen::meetings:
            return "screen.meetings";
        case Screen::indicators:
            return "screen.indicators";
        case Screen::matrix:
            return "screen.matrix";
        case Screen::trends:
            return "screen.trends";
        case Screen::plugins:
            return "screen.plugins";
        case Screen::empty:
            break;
    }
    return "app.title";
}

std::optional<Screen> parse_screen(std::string_view code) {
    for (const auto& [value, name] : codes) {
        if (code == name) return value;
    }
    return std::nullopt;
}

}  // namespace dplan::gui
