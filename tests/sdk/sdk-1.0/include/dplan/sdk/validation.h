/* Extension "dplan.validation/1": checks over a plan section. A plan with error findings cannot
 * be submitted; warnings and notes are shown but allowed. */
#ifndef DPLAN_SDK_VALIDATION_H
#define DPLAN_SDK_VALIDATION_H

#include "dplan/sdk/section_view.h"

#ifdef __cplusplus
extern "C" {
#endif

#define DPLAN_EXT_VALIDATION "dplan.validation/1"

typedef enum dplan_severity {
    DPLAN_SEVERITY_NOTE = 0,
    DPLAN_SEVERITY_WARNING = 1,
    DPLAN_SEVERITY_ERROR = 2
} dplan_severity;

/* Where findings go. The host copies everything during add(). */
typedef struct dplan_findings_sink {
    void* context;
    void (*add)(void* context, int32_t severity, const char* rule_id, dplan_text message,
                int64_t focus_point_index /* -1: the section as a whole */);
} dplan_findings_sink;

typedef struct dplan_validation_ext {
    /* Called for the plugin's own area's section, and for the sections of every area listed in
     * also_reviews_areas (the view's area_id says which). */
    dplan_status (*validate_section)(const dplan_section_view* section, const dplan_findings_sink* findings);
    /* Other service areas whose sections this plugin also checks, e.g. an NGO service line
     * that cuts across "youth" and "rehabilitation". May be NULL with a count of 0. */
    const char* const* also_reviews_areas;
    size_t also_reviews_area_count;
} dplan_validation_ext;

#ifdef __cplusplus
}
#endif

#endif /* DPLAN_SDK_VALIDATION_H */
