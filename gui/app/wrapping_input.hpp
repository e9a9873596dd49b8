// A text box that wraps at its width and grows with its text, for the editor's objectives and
// focus points (Dear ImGui 1.86's multi-line input scrolls sideways instead). It shows the text
// with soft breaks (model/soft_wrap.hpp) and takes them out after each edit; while the user types,
// the window around it scrolls so the cursor stays in view.
#pragma once

#include <imgui.h>

#include <optional>
#include <string>

#include "../model/soft_wrap.hpp"

namespace dplan::gui {

// One box's wrapping, kept between frames.
struct WrapBox {
    std::string text;  // the text `wrapped` shows
    float width = 0;
    SoftWrapped wrapped;
    std::size_t cursor = 0;                  // display offset, as of the last frame
    std::optional<std::size_t> scrolled_to;  // the cursor the window was last scrolled to: the user may scroll away
};

// True when the user changed `text`. `id` is an ImGui label ("##objective").
bool wrapping_input(const char* id, std::string& text, float width, bool read_only);

}  // namespace dplan::gui
