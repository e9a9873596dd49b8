/* The SDK's C headers compile as C11 on their own, and the version rule says what plugin.h says:
 * same major, minor not newer. Built and run by ctest. */
#include <dplan/sdk/failure.h>
#include <dplan/sdk/indicators.h>
#include <dplan/sdk/panel.h>
#include <dplan/sdk/plugin.h>
#include <dplan/sdk/report.h>
#include <dplan/sdk/service_area.h>
#include <dplan/sdk/validation.h>
#include <stdio.h>

static int checks = 0;
static int failures = 0;

static void expect(int condition, const char* what) {
    ++checks;
    if (!condition) {
        fprintf(stderr, "FAILED: %s\n", what);
        ++failures;
    }
}

int main(void) {
    const dplan_version host = {1, 2};
    expect(dplan_version_is_compatible(host, (dplan_version){1, 0}), "1.0 plugin in a 1.2 host");
    expect(dplan_version_is_compatible(host, (dplan_version){1, 2}), "1.2 plugin in a 1.2 host");
    expect(!dplan_version_is_compatible(host, (dplan_version){1, 3}), "1.3 plugin refused by a 1.2 host");
    expect(!dplan_version_is_compatible(host, (dplan_version){2, 0}), "2.0 plugin refused by a 1.2 host");
    expect(!dplan_version_is_compatible(host, (dplan_version){0, 9}), "0.9 plugin refused by a 1.2 host");
    dplan_validation_ext validation = {0, 0, 0};
    dplan_failure_ext failure = {0};
    expect(DPLAN_TARGET_SDK_MINOR == DPLAN_SDK_VERSION_MINOR,
           "a plugin is built for the headers' own minor unless told");
    expect(failure.report == 0, "the failure host extension is a plain C struct");
    dplan_section_view view = {"family", {"", ""}, 0, 0, 0};
    expect(validation.validate_section == 0 && view.focus_point_count == 0, "plain C structs");
    printf("%d passed, %d failed\n", checks - failures, failures);
    return failures == 0 ? 0 : 1;
}
