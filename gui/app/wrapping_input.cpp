#include "wrapping_input.hpp"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <unordered_map>

namespace dplan::gui {

namespace {

struct Edit {
    WrapBox* box;
    float width;
    const Advance* advance;
};

// Takes the user's edit out of the wrapped text and wraps it again, the cursor where it belongs.
int rewrap(ImGuiInputTextCallbackData* data) {
    auto& edit = *static_cast<Edit*>(data->UserData);
    WrapBox& box = *edit.box;
    const std::string_view now(data->Buf, static_cast<std::size_t>(data->BufTextLen));
    const auto cursor = static_cast<std::size_t>(data->CursorPos);
    if (now == box.wrapped.display && box.width == edit.width) {
        box.cursor = cursor;
        return 0;
    }
    SoftWrapEdit taken = now == box.wrapped.display ? SoftWrapEdit{box.text, to_text_offset(cursor, box.wrapped.breaks)}
                                                    : take_edit(box.wrapped, now, box.cursor, cursor);
    box.text = std::move(taken.text);
    box.width = edit.width;
    box.wrapped = soft_wrap(box.text, edit.width, *edit.advance);
    box.cursor = to_display_offset(taken.cursor, box.wrapped.breaks);
    if (box.wrapped.display != now) {
        data->DeleteChars(0, data->BufTextLen);
        data->InsertChars(0, box.wrapped.display.data(), box.wrapped.display.data() + box.wrapped.display.size());
        // The undo records point into the old layout: undoing through them would garble the text.
        ImStb::StbUndoState& undo = GImGui->InputTextState.Stb.undostate;
        undo.undo_point = 0;
        undo.undo_char_point = 0;
        undo.redo_point = STB_TEXTEDIT_UNDOSTATECOUNT;
        undo.redo_char_point = STB_TEXTEDIT_UNDOCHARCOUNT;
    }
    data->CursorPos = data->SelectionStart = data->SelectionEnd = static_cast<int>(box.cursor);
    return 0;
}

// Scrolls the window holding the box so the cursor's line is in view, once each time the cursor moves.
void keep_cursor_visible(WrapBox& box) {
    if (box.scrolled_to == box.cursor) return;
    box.scrolled_to = box.cursor;
    const auto line = std::count(
        box.wrapped.display.begin(),
        box.wrapped.display.begin() + static_cast<std::ptrdiff_t>(std::min(box.cursor, box.wrapped.display.size())),
        '\n');
    const float line_height = ImGui::GetTextLineHeight();
    const float top =
        ImGui::GetItemRectMin().y + ImGui::GetStyle().FramePadding.y + line_height * static_cast<float>(line);
    const float window_top = ImGui::GetWindowPos().y;
    const float window_bottom = window_top + ImGui::GetWindowHeight();
    if (top < window_top) {
        ImGui::SetScrollY(ImGui::GetScrollY() - (window_top - top) - line_height);
    } else if (top + 2 * line_height > window_bottom) {
        ImGui::SetScrollY(ImGui::GetScrollY() + (top + 2 * line_height - window_bottom));
    }
}

}  // namespace

bool wrapping_input(const char* id, std::string& text, float width, bool read_only) {
    static std::unordered_map<ImGuiID, WrapBox> boxes;  // the UI thread's only: one per box on screen
    const ImGuiID key = ImGui::GetID(id);
    WrapBox& box = boxes[key];
    ImFont* font = ImGui::GetFont();
    const float font_scale = ImGui::GetFontSize() / font->FontSize;
    const Advance advance = [font, font_scale](char32_t c) {
        return font->GetCharAdvance(static_cast<ImWchar>(c)) * font_scale;
    };
    const ImGuiStyle& style = ImGui::GetStyle();
    // Room for the cursor at the end of a full line.
    const float wrap_width = width - 2 * style.FramePadding.x - ImGui::GetFontSize() * 0.5f;
    const bool active = GImGui->InputTextState.ID == key && ImGui::GetActiveID() == key;
    if (!active && (box.text != text || box.width != wrap_width)) {
        box.text = text;
        box.width = wrap_width;
        box.wrapped = soft_wrap(text, wrap_width, advance);
    }
    const float height =
        ImGui::GetTextLineHeight() * static_cast<float>(box.wrapped.lines()) + 2 * style.FramePadding.y;
    std::string buffer = box.wrapped.display;
    Edit edit{&box, wrap_width, &advance};
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_NoHorizontalScroll | ImGuiInputTextFlags_CallbackAlways;
    if (read_only) flags |= ImGuiInputTextFlags_ReadOnly;
    ImGui::InputTextMultiline(id, &buffer, ImVec2(width, height), flags, rewrap, &edit);
    if (!ImGui::IsItemActive()) {
        box.scrolled_to.reset();
        return false;
    }
    keep_cursor_visible(box);
    if (box.text == text) return false;
    text = box.text;
    return true;
}

}  // namespace dplan::gui
