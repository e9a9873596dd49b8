// "Import report…" on the Indicators screen (docs/report-import.md): an NGO's programme report,
// PDF or text, previewed as a dry run (what was recognised, inferred and left out) before it is
// written, all or nothing, through the programme service.
#pragma once

#include <string>

#include "ui_state.hpp"

namespace dplan::gui {

// The button and the dialog it opens, drawn where the button belongs.
void draw_report_import(UiState& ui);

// The text the dialog shows now, for the font atlas to cover before it is drawn.
std::string report_import_text();

}  // namespace dplan::gui
