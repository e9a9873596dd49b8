// Copies a plugin's contributions out of its C structs, checking every field on the way:
// NULL pointers, bad UTF-8, unknown sectors, units or metrics, duplicate indicator codes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/error.hpp"
#include "dplan/sdk/indicators.h"
#include "dplan/sdk/panel.h"
#include "dplan/sdk/service_area.h"
#include "plugins/contributions.hpp"

namespace dplan::plugins {

// The plugin handed over something unusable. The message names the field.
class InvalidPluginData : public Error {
    using Error::Error;
};

ServiceArea read_service_area(const dplan_service_area* area);
std::vector<IndicatorDefinition> read_indicators(const dplan_indicator_catalogue_ext& catalogue);
std::vector<Panel> read_panels(const dplan_panel_ext& panels);

// A string from the plugin: non-NULL valid UTF-8 (may be empty unless `required`).
std::string plugin_string(const char* text, std::string_view field, bool required = true);
Bilingual plugin_text(const dplan_text& text, std::string_view field, bool required = true);

}  // namespace dplan::plugins
