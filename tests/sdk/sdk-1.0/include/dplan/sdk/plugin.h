/* District Planner plugin SDK: the binary contract between the host and a plugin.
 *
 * A plugin is a shared library that exports one symbol, `dplan_entry` (a dplan_plugin_entry).
 * Everything else is reached through extensions asked for by id (see the other headers), so new
 * capabilities arrive in minor versions without breaking plugins built against older ones.
 *
 * Rules of the boundary (both directions):
 * - Only plain C types cross it: structs, function pointers, integers, UTF-8 `const char*`.
 *   No C++ exceptions, STL types or RTTI. A function that fails returns a dplan_status.
 * - Strings the plugin returns (names, catalogues, ids) are owned by the plugin and must stay
 *   valid until deinit() returns. Strings the host passes in (section views) are owned by the host
 *   and valid only during the call: copy what you keep.
 * - All text is UTF-8. Text shown to users comes as a dplan_text: Traditional Chinese and English.
 * - The host calls a plugin from one thread at a time.
 */
#ifndef DPLAN_SDK_PLUGIN_H
#define DPLAN_SDK_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DPLAN_SDK_VERSION_MAJOR 1
#define DPLAN_SDK_VERSION_MINOR 0

#if defined(_WIN32)
#define DPLAN_EXPORT __declspec(dllexport)
#else
#define DPLAN_EXPORT __attribute__((visibility("default")))
#endif

/* The name of the one symbol every plugin exports. */
#define DPLAN_ENTRY_SYMBOL "dplan_entry"

typedef struct dplan_version {
    uint32_t major;
    uint32_t minor;
} dplan_version;

/* A plugin built against SDK `plugin` runs in a host with SDK `host` when the majors are equal
 * and the plugin's minor is not newer than the host's. */
static inline int dplan_version_is_compatible(dplan_version host, dplan_version plugin) {
    return plugin.major == host.major && plugin.minor <= host.minor;
}

typedef enum dplan_status {
    DPLAN_OK = 0,
    DPLAN_ERROR = 1,           /* the plugin could not do what was asked */
    DPLAN_INVALID_ARGUMENT = 2 /* what the host passed in was not usable */
} dplan_status;

/* Text users see, in both languages. Either may be empty but neither may be NULL. */
typedef struct dplan_text {
    const char* zh;
    const char* en;
} dplan_text;

typedef enum dplan_log_level {
    DPLAN_LOG_DEBUG = 0,
    DPLAN_LOG_INFO = 1,
    DPLAN_LOG_WARNING = 2,
    DPLAN_LOG_ERROR = 3
} dplan_log_level;

/* What the host offers a plugin. Valid from init() until deinit() returns. */
typedef struct dplan_host {
    dplan_version sdk_version; /* the host's SDK version */
    void* host_data;           /* the host's own; pass `host` back unchanged */
    void (*log)(const struct dplan_host* host, dplan_log_level level, const char* message);
    /* Host-side extensions by id; NULL when the host has none by that id. */
    const void* (*get_extension)(const struct dplan_host* host, const char* extension_id);
} dplan_host;

/* The exported entry. `sdk_version` must be DPLAN_SDK_VERSION_MAJOR/MINOR as compiled. */
typedef struct dplan_plugin_entry {
    dplan_version sdk_version;
    const char* plugin_id; /* must equal the id in plugin.json */
    dplan_status (*init)(const dplan_host* host);
    void (*deinit)(void);
    /* An extension by id (e.g. DPLAN_EXT_SERVICE_AREA), or NULL when the plugin has none. */
    const void* (*get_extension)(const char* extension_id);
} dplan_plugin_entry;

#ifdef __cplusplus
}
#endif

#endif /* DPLAN_SDK_PLUGIN_H */
