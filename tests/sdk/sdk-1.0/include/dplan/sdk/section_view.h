/* A read-only view of one plan section, passed by the host to validation and report extensions.
 * Owned by the host and valid only during the call. */
#ifndef DPLAN_SDK_SECTION_VIEW_H
#define DPLAN_SDK_SECTION_VIEW_H

#include "dplan/sdk/plugin.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct dplan_focus_point_view {
    dplan_text text;
    const char* const* partner_sectors; /* sector codes */
    size_t partner_sector_count;
} dplan_focus_point_view;

typedef struct dplan_section_view {
    const char* area_id;
    dplan_text objective;
    const dplan_focus_point_view* focus_points; /* in plan order */
    size_t focus_point_count;
    /* Indicators with a target, in programmes linked to this section's focus points. */
    size_t measurable_indicator_count;
} dplan_section_view;

#ifdef __cplusplus
}
#endif

#endif /* DPLAN_SDK_SECTION_VIEW_H */
