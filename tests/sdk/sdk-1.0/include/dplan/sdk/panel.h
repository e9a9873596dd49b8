/* Extension "dplan.panel/1": dashboard panels declared as data. The host lays them out and fills
 * in the metrics, so a plugin needs no UI library. */
#ifndef DPLAN_SDK_PANEL_H
#define DPLAN_SDK_PANEL_H

#include "dplan/sdk/plugin.h"

#ifdef __cplusplus
extern "C" {
#endif

#define DPLAN_EXT_PANEL "dplan.panel/1"

typedef enum dplan_panel_item_kind {
    DPLAN_PANEL_HEADING = 0, /* label only */
    DPLAN_PANEL_TEXT = 1,    /* label only, a paragraph */
    DPLAN_PANEL_METRIC = 2   /* label and a metric the host computes for this area */
} dplan_panel_item_kind;

/* Metrics the host knows (SDK 1.0):
 *   "section.focus_point_count"     focus points in this area's section of the open plan
 *   "section.partner_sector_count"  distinct partner sectors named in them
 *   "section.finding_count"         validation findings on the section
 * An unknown metric id makes the plugin fail its checks. */
typedef struct dplan_panel_item {
    int32_t kind; /* a dplan_panel_item_kind */
    dplan_text label;
    const char* metric; /* for DPLAN_PANEL_METRIC; NULL otherwise */
} dplan_panel_item;

typedef struct dplan_panel {
    const char* id;
    dplan_text title;
    const dplan_panel_item* items;
    size_t item_count;
} dplan_panel;

typedef struct dplan_panel_ext {
    size_t (*count)(void);
    const dplan_panel* (*get)(size_t index); /* owned by the plugin */
} dplan_panel_ext;

#ifdef __cplusplus
}
#endif

#endif /* DPLAN_SDK_PANEL_H */
