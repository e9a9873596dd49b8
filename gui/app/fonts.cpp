#include "fonts.hpp"

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <spdlog/spdlog.h>

#include <vector>

namespace dplan::gui {

std::filesystem::path find_cjk_font(const std::filesystem::path& preferred) {
    if (!preferred.empty()) return preferred;
    for (const char* candidate :
         {"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
          "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"}) {
        if (std::filesystem::exists(candidate)) return candidate;
    }
    return {};
}

bool GlyphAtlas::cover(const std::string& utf8) {
    bool added = false;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        unsigned code = lead;
        std::size_t length = 1;
        if (lead >= 0xF0)
            code = lead & 0x07u, length = 4;
        else if (lead >= 0xE0)
            code = lead & 0x0Fu, length = 3;
        else if (lead >= 0xC0)
            code = lead & 0x1Fu, length = 2;
        for (std::size_t k = 1; k < length && i + k < utf8.size(); ++k) {
            code = (code << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3Fu);
        }
        i += length;
        // ImGui 1.86 stores glyphs as 16-bit code points: beyond the BMP falls back to '?'.
        if (code >= 0x80 && code <= 0xFFFF && code_points_.insert(code).second) added = true;
    }
    return added;
}

void GlyphAtlas::rebuild() {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    if (font_.empty()) {
        spdlog::warn("no CJK font found (install fonts-wqy-microhei); Chinese text will not render");
        io.Fonts->AddFontDefault();
    } else {
        ImFontGlyphRangesBuilder builder;
        builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
        // Dashes, quotes and bullets, CJK punctuation and full-width forms that labels use.
        static const ImWchar punctuation[] = {0x2000, 0x206F, 0x2190, 0x21FF, 0x25A0, 0x25FF,
                                              0x3000, 0x303F, 0xFF00, 0xFFEF, 0};
        builder.AddRanges(punctuation);
        for (const unsigned code : code_points_) builder.AddChar(static_cast<ImWchar>(code));
        static ImVector<ImWchar> ranges;  // must outlive the atlas build
        ranges.clear();
        builder.BuildRanges(&ranges);
        ImFontConfig config;
        config.OversampleH = 1;
        config.PixelSnapH = true;
        io.Fonts->AddFontFromFileTTF(font_.c_str(), pixel_size_, &config, ranges.Data);
    }
    io.Fonts->Build();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

}  // namespace dplan::gui
