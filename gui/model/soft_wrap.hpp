// Wrapping for the editor's text boxes. Dear ImGui 1.86's multi-line input does not wrap, so the
// editor shows the text with soft breaks ('\n' that are not part of the text) inserted at the box's
// width, and takes them out again after each edit. Chinese breaks between any two characters
// (never before closing punctuation such as ，。）), English between words; a word wider than the
// box breaks where it must. Breaks the user typed stay part of the text.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace dplan::gui {

// Width of one character as the font draws it.
using Advance = std::function<float(char32_t)>;

struct SoftWrapped {
    std::string display;              // the text with soft breaks
    std::vector<std::size_t> breaks;  // offsets in `display` of the soft breaks, ascending
    std::size_t lines() const;        // visual lines, at least 1
};

// Where the text is cut into lines no wider than `width` (offsets in `text`; a soft break goes
// before the byte at each offset).
std::vector<std::size_t> wrap_points(std::string_view text, float width, const Advance& advance);
SoftWrapped soft_wrap(std::string_view text, float width, const Advance& advance);

// The text without its soft breaks.
std::string unwrap(std::string_view display, const std::vector<std::size_t>& breaks);
std::size_t to_text_offset(std::size_t display_offset, const std::vector<std::size_t>& breaks);
std::size_t to_display_offset(std::size_t text_offset, const std::vector<std::size_t>& breaks);

struct SoftWrapEdit {
    std::string text;        // the edited text, without soft breaks
    std::size_t cursor = 0;  // the cursor in `text`
};

// The box held `before` (cursor at `cursor_before`, a display offset) and now holds `after` (cursor
// at `cursor_after`) after one edit: typing, pasting, deleting a selection, undo. Soft breaks the edit
// did not touch are taken out; one the user deleted with Backspace or Delete takes the character
// before or after it instead, as the user expects of a break they cannot see.
SoftWrapEdit take_edit(const SoftWrapped& before, std::string_view after, std::size_t cursor_before,
                       std::size_t cursor_after);

}  // namespace dplan::gui
