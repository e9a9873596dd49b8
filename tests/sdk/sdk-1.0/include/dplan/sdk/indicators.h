/* Extension "dplan.indicator_catalogue/1": indicators a programme in this area typically reports,
 * offered as choices when someone adds an indicator. */
#ifndef DPLAN_SDK_INDICATORS_H
#define DPLAN_SDK_INDICATORS_H

#include "dplan/sdk/plugin.h"

#ifdef __cplusplus
extern "C" {
#endif

#define DPLAN_EXT_INDICATOR_CATALOGUE "dplan.indicator_catalogue/1"

typedef enum dplan_indicator_kind {
    DPLAN_INDICATOR_OUTPUT = 0, /* 成果指標: counts what was delivered */
    DPLAN_INDICATOR_OUTCOME = 1 /* 成效指標: measures change, in percent */
} dplan_indicator_kind;

typedef struct dplan_indicator_definition {
    const char* code; /* unique within the plugin: "FAM-O1" */
    int32_t kind;     /* a dplan_indicator_kind */
    dplan_text name;
    const char* unit;      /* "sessions", "persons", "attendances", "contacts", "posts", "percent", ... */
    dplan_text definition; /* what counts, and how it is measured */
    double typical_target; /* a usual yearly target, for guidance; 0 when there is none */
} dplan_indicator_definition;

typedef struct dplan_indicator_catalogue_ext {
    size_t (*count)(void);
    const dplan_indicator_definition* (*get)(size_t index); /* owned by the plugin */
} dplan_indicator_catalogue_ext;

#ifdef __cplusplus
}
#endif

#endif /* DPLAN_SDK_INDICATORS_H */
