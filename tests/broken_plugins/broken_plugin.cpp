// One source, built once per fault (BROKEN_<FAULT> defined by CMakeLists.txt), written against
// the raw C ABI so each fault reaches the host exactly as a careless plugin would send it.
#include <dplan/sdk/service_area.h>
#include <dplan/sdk/validation.h>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string_view>

#ifndef BROKEN_ID
#error "BROKEN_ID must name the plugin id"
#endif
#ifndef BROKEN_SDK_MAJOR
#define BROKEN_SDK_MAJOR DPLAN_SDK_VERSION_MAJOR
#endif
#ifndef BROKEN_SDK_MINOR
#define BROKEN_SDK_MINOR DPLAN_SDK_VERSION_MINOR
#endif

namespace {

#ifdef BROKEN_WRITES_MARKER
// A static initialiser: it runs as the library is loaded, before the host can look at anything,
// so the marker file proves whether this code was ever loaded.
bool write_marker() {
    const char* marker = std::getenv("DPLAN_TEST_MARKER");
    if (marker == nullptr) return false;
    std::FILE* out = std::fopen(marker, "w");
    if (out == nullptr) return false;
    std::fputs("the swapped-in library was loaded\n", out);
    std::fclose(out);
    return true;
}
[[maybe_unused]] const bool marker_written = write_marker();
#endif

#ifdef BROKEN_INVALID_DATA
constexpr const char* partners[] = {"schools"};  // not a sector code
#else
constexpr const char* partners[] = {"ngo"};
#endif

constexpr dplan_service_area area{
    BROKEN_ID, {"測試範疇", "Test area"}, 0x888888FF, nullptr, 0, {"", ""}, {"", ""}, partners, 1};

const dplan_service_area* describe() { return &area; }

dplan_status validate(const dplan_section_view*, const dplan_findings_sink*) {
#ifdef BROKEN_THROWING_VALIDATION
    throw std::runtime_error("validation blew up");
#else
    return DPLAN_OK;
#endif
}

dplan_status init(const dplan_host*) {
#ifdef BROKEN_THROWING_INIT
    throw std::runtime_error("init blew up");
#else
    return DPLAN_OK;
#endif
}

void deinit() {}

constexpr dplan_service_area_ext area_extension{&describe};
constexpr dplan_validation_ext validation_extension{&validate, nullptr, 0};

const void* get_extension(const char* id) {
    const std::string_view wanted(id);
    if (wanted == DPLAN_EXT_SERVICE_AREA) return &area_extension;
    if (wanted == DPLAN_EXT_VALIDATION) return &validation_extension;
    return nullptr;
}

}  // namespace

#ifdef BROKEN_NO_ENTRY
// Exports a table of the functions under the wrong name.
extern "C" DPLAN_EXPORT const dplan_plugin_entry not_the_entry = {
    {BROKEN_SDK_MAJOR, BROKEN_SDK_MINOR}, BROKEN_ID, &init, &deinit, &get_extension};
#else
extern "C" DPLAN_EXPORT const dplan_plugin_entry dplan_entry = {
    {BROKEN_SDK_MAJOR, BROKEN_SDK_MINOR}, BROKEN_ID, &init, &deinit, &get_extension};
#endif
