/* Host extension "dplan.failure/1" (SDK 1.1): why a call into the plugin failed.
 *
 * A plugin that is about to return DPLAN_ERROR from a call may first say which of its rules (or
 * other parts) failed and why; the host puts both in the message users and authors see. Ask for
 * it with host->get_extension(host, DPLAN_HOST_EXT_FAILURE): a 1.0 host has none (NULL), so a
 * plugin uses it when it is there and returns its status either way. The C++ layer does this for
 * every rule. */
#ifndef DPLAN_SDK_FAILURE_H
#define DPLAN_SDK_FAILURE_H

#include "dplan/sdk/plugin.h"

#ifdef __cplusplus
extern "C" {
#endif

#define DPLAN_HOST_EXT_FAILURE "dplan.failure/1"

typedef struct dplan_failure_ext {
    /* `part`: what failed, e.g. a rule id ("youth-hidden-drug-use"); `what`: why, e.g. an
     * exception's text. Both UTF-8, copied by the host during the call; either may be NULL. The
     * last report before the failing call returns is the one shown. */
    void (*report)(const dplan_host* host, const char* part, const char* what);
} dplan_failure_ext;

#ifdef __cplusplus
}
#endif

#endif /* DPLAN_SDK_FAILURE_H */
