// The CJK font and a glyph atlas holding only the glyphs the dashboard needs: every UI label and
// the text of the current data. Building atlas for all 20,000+ CJK ideographs would cost seconds
// at start-up and tens of megabytes; this one is built in milliseconds and rebuilt when data
// brings a character it does not have yet.
#pragma once

#include <filesystem>
#include <set>
#include <string>

namespace dplan::gui {

// A CJK font from a Debian package (fonts-wqy-microhei, fonts-noto-cjk), or `preferred`.
std::filesystem::path find_cjk_font(const std::filesystem::path& preferred);

class GlyphAtlas {
  public:
    GlyphAtlas(std::filesystem::path font, float pixel_size) : font_(std::move(font)), pixel_size_(pixel_size) {}

    // Adds the text's code points; true when any was new (the atlas needs rebuilding).
    bool cover(const std::string& utf8);
    // Rebuilds ImGui's font atlas and the renderer's texture. Call between frames.
    void rebuild();
    std::size_t glyph_count() const { return code_points_.size(); }

  private:
    std::filesystem::path font_;
    float pixel_size_;
    std::set<unsigned> code_points_;
};

}  // namespace dplan::gui
