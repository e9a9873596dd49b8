#include "soft_wrap.hpp"

#include <algorithm>

namespace dplan::gui {

namespace {

// The character at `offset` and its length in bytes; a malformed byte counts as one character.
std::pair<char32_t, std::size_t> decode(std::string_view text, std::size_t offset) {
    const auto byte = static_cast<unsigned char>(text[offset]);
    std::size_t length = byte < 0x80           ? 1
                         : (byte >> 5) == 0x6  ? 2
                         : (byte >> 4) == 0xE  ? 3
                         : (byte >> 3) == 0x1E ? 4
                                               : 1;
    if (offset + length > text.size()) length = 1;
    if (length == 1) return {byte, 1};
    char32_t c = byte & (0x7F >> length);
    for (std::size_t i = 1; i < length; ++i) {
        const auto next = static_cast<unsigned char>(text[offset + i]);
        if ((next & 0xC0) != 0x80) return {byte, 1};
        c = (c << 6) | (next & 0x3F);
    }
    return {c, length};
}

// Chinese, Japanese and full-width characters: a line may break before or after any of them.
bool is_wide(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFF);
}

// Punctuation that must not start a line.
bool closes(char32_t c) {
    constexpr std::u32string_view closing = U"，。、；：！？）」』】〉》〕…—,.;:!?)]}%";
    return closing.find(c) != std::u32string_view::npos;
}

// Punctuation that must not end a line.
bool opens(char32_t c) {
    constexpr std::u32string_view opening = U"（「『【〈《〔([{";
    return opening.find(c) != std::u32string_view::npos;
}

bool may_break_between(char32_t before, char32_t after) {
    if (closes(after) || opens(before) || after == ' ') return false;
    return before == ' ' || is_wide(before) || is_wide(after);
}

}  // namespace

std::size_t SoftWrapped::lines() const { return static_cast<std::size_t>(std::ranges::count(display, '\n')) + 1; }

std::vector<std::size_t> wrap_points(std::string_view text, float width, const Advance& advance) {
    std::vector<std::size_t> points;
    if (width <= 0) return points;
    std::size_t line_start = 0;
    float line_width = 0;
    std::size_t opportunity = std::string_view::npos;  // the last place this line may break
    float width_before_opportunity = 0;
    char32_t previous = 0;
    for (std::size_t offset = 0; offset < text.size();) {
        const auto [c, length] = decode(text, offset);
        if (c == '\n') {
            line_start = offset + length;
            line_width = 0;
            opportunity = std::string_view::npos;
            previous = 0;
            offset += length;
            continue;
        }
        if (offset > line_start && may_break_between(previous, c)) {
            opportunity = offset;
            width_before_opportunity = line_width;
        }
        const float w = advance(c);
        // Spaces may hang past the edge: the line breaks after them, before the next word.
        if (c != ' ' && offset > line_start && line_width + w > width) {
            if (opportunity != std::string_view::npos && opportunity > line_start) {
                points.push_back(opportunity);
                line_start = opportunity;
                line_width -= width_before_opportunity;
            } else {
                points.push_back(offset);  // a word wider than the box
                line_start = offset;
                line_width = 0;
            }
            opportunity = std::string_view::npos;
        }
        line_width += w;
        previous = c;
        offset += length;
    }
    return points;
}

SoftWrapped soft_wrap(std::string_view text, float width, const Advance& advance) {
    SoftWrapped wrapped;
    std::size_t from = 0;
    for (const std::size_t point : wrap_points(text, width, advance)) {
        wrapped.display.append(text.substr(from, point - from));
        wrapped.breaks.push_back(wrapped.display.size());
        wrapped.display.push_back('\n');
        from = point;
    }
    wrapped.display.append(text.substr(from));
    return wrapped;
}

std::string unwrap(std::string_view display, const std::vector<std::size_t>& breaks) {
    std::string text;
    text.reserve(display.size());
    std::size_t from = 0;
    for (const std::size_t at : breaks) {
        text.append(display.substr(from, at - from));
        from = at + 1;
    }
    if (from < display.size()) text.append(display.substr(from));
    return text;
}

std::size_t to_text_offset(std::size_t display_offset, const std::vector<std::size_t>& breaks) {
    const auto before =
        static_cast<std::size_t>(std::lower_bound(breaks.begin(), breaks.end(), display_offset) - breaks.begin());
    return display_offset - before;
}

std::size_t to_display_offset(std::size_t text_offset, const std::vector<std::size_t>& breaks) {
    // At a break the cursor goes to the start of the next line, where the text it stands before is.
    std::size_t shift = 0;
    for (std::size_t k = 0; k < breaks.size() && breaks[k] - k <= text_offset; ++k) shift = k + 1;
    return text_offset + shift;
}

namespace {

std::size_t start_of_character_before(std::string_view text, std::size_t offset) {
    if (offset == 0) return 0;
    std::size_t start = offset - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    return start;
}

}  // namespace

SoftWrapEdit take_edit(const SoftWrapped& before, std::string_view after, std::size_t cursor_before,
                       std::size_t cursor_after) {
    const std::string_view old = before.display;
    const std::size_t shortest = std::min(old.size(), after.size());
    std::size_t prefix = 0;
    while (prefix < shortest && old[prefix] == after[prefix]) ++prefix;
    std::size_t suffix = 0;
    while (suffix < shortest - prefix && old[old.size() - 1 - suffix] == after[after.size() - 1 - suffix]) ++suffix;
    const std::size_t changed_end = old.size() - suffix;  // [prefix, changed_end) of `old` was replaced

    // A soft break deleted on its own: the user meant the character on the other side of it.
    if (after.size() + 1 == old.size() && changed_end == prefix + 1 &&
        std::binary_search(before.breaks.begin(), before.breaks.end(), prefix)) {
        std::string text = unwrap(old, before.breaks);
        const std::size_t at = to_text_offset(prefix, before.breaks);
        if (cursor_before > prefix) {  // Backspace at the start of a line
            const std::size_t start = start_of_character_before(text, at);
            text.erase(start, at - start);
            return {std::move(text), start};
        }
        if (at < text.size()) text.erase(at, decode(text, at).second);  // Delete at the end of a line
        return {std::move(text), at};
    }

    std::vector<std::size_t> kept;
    const auto growth = static_cast<std::ptrdiff_t>(after.size()) - static_cast<std::ptrdiff_t>(old.size());
    for (const std::size_t at : before.breaks) {
        if (at < prefix) {
            kept.push_back(at);
        } else if (at >= changed_end) {
            kept.push_back(static_cast<std::size_t>(static_cast<std::ptrdiff_t>(at) + growth));
        }
    }
    return {unwrap(after, kept), to_text_offset(std::min(cursor_after, after.size()), kept)};
}

}  // namespace dplan::gui
