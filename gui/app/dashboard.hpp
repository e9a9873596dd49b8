// One frame of the dashboard: the bar to pick district, plan, language and screen, the open
// screen, job progress and errors. Knows nothing about windows, so tests and benchmarks drive it
// frame by frame.
#pragma once

#include "fonts.hpp"
#include "ui_state.hpp"

namespace dplan::gui {

class Dashboard {
  public:
    Dashboard(Worker& worker, GlyphAtlas& atlas, Language language, float scale);

    // Picks up the newest snapshot and errors; true when the glyph atlas must be rebuilt first.
    bool update();
    void draw(int width, int height);

    UiState& state() { return ui_; }
    std::string window_title() const;

  private:
    void draw_bar();
    void draw_status();
    void draw_error();
    void draw_help();
    void shortcuts();

    UiState ui_;
    GlyphAtlas& atlas_;
    const Snapshot* covered_ = nullptr;  // the snapshot whose text the atlas covers
};

}  // namespace dplan::gui
