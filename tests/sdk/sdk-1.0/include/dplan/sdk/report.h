/* Extension "dplan.report/1": the text a section contributes to the exported committee paper. */
#ifndef DPLAN_SDK_REPORT_H
#define DPLAN_SDK_REPORT_H

#include "dplan/sdk/section_view.h"

#ifdef __cplusplus
extern "C" {
#endif

#define DPLAN_EXT_REPORT "dplan.report/1"

typedef enum dplan_language { DPLAN_LANGUAGE_ZH = 0, DPLAN_LANGUAGE_EN = 1 } dplan_language;

/* Where text goes; the host copies it during write(). Plain text, paragraphs separated by "\n". */
typedef struct dplan_text_sink {
    void* context;
    void (*write)(void* context, const char* utf8, size_t length);
} dplan_text_sink;

typedef struct dplan_report_ext {
    dplan_status (*section_text)(const dplan_section_view* section, int32_t language, const dplan_text_sink* out);
} dplan_report_ext;

#ifdef __cplusplus
}
#endif

#endif /* DPLAN_SDK_REPORT_H */
