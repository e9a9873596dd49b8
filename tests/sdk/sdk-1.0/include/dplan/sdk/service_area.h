/* Extension "dplan.service_area/1": the service area (服務範疇) a plugin provides, with the
 * template that pre-fills a new plan section. */
#ifndef DPLAN_SDK_SERVICE_AREA_H
#define DPLAN_SDK_SERVICE_AREA_H

#include "dplan/sdk/plugin.h"

#ifdef __cplusplus
extern "C" {
#endif

#define DPLAN_EXT_SERVICE_AREA "dplan.service_area/1"

/* Sector codes used in partner lists: "ngo", "health", "education", "business",
 * "district_group", "government", "resident". */

typedef struct dplan_service_area {
    const char* id;                      /* lower-case, stable: "family", "drug_outreach" */
    dplan_text name;                     /* "家庭及兒童福利服務" / "Family and child welfare services" */
    uint32_t colour_rgba;                /* 0xRRGGBBAA, for cards and charts */
    const char* const* heading_synonyms; /* headings that start this area's section in papers */
    size_t heading_synonym_count;
    dplan_text objective_guidance;              /* how to write the objective (工作目標) */
    dplan_text focus_point_guidance;            /* how to write focus points (工作計劃重點) */
    const char* const* typical_partner_sectors; /* sector codes */
    size_t typical_partner_sector_count;
} dplan_service_area;

typedef struct dplan_service_area_ext {
    const dplan_service_area* (*describe)(void); /* owned by the plugin */
} dplan_service_area_ext;

#ifdef __cplusplus
}
#endif

#endif /* DPLAN_SDK_SERVICE_AREA_H */
