#include "plugins/contributions.hpp"

#include <array>

namespace dplan::plugins {

Bilingual severity_name(Severity severity) {
    switch (severity) {
        case Severity::error:
            return {"錯誤", "error"};
        case Severity::warning:
            return {"警告", "warning"};
        case Severity::note:
            break;
    }
    return {"備註", "note"};
}

bool is_known_panel_metric(std::string_view metric) {
    for (auto id : known_panel_metrics) {
        if (id == metric) return true;
    }
    return false;
}

}  // namespace dplan::plugins
