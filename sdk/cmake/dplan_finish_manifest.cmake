# Post-build step of dplan_add_plugin(): completes plugin.json beside the built library.
#   -DMANIFEST_IN=<source plugin.json> -DLIBRARY=<built .so> -DOUTPUT=<plugin.json> -DSDK_VERSION=M.m
#   [-DKEEP_MANIFEST_SDK=ON: keep a written "sdk" (test fixtures only)]
file(READ "${MANIFEST_IN}" manifest)
get_filename_component(library_name "${LIBRARY}" NAME)
file(SHA256 "${LIBRARY}" digest)
string(JSON manifest SET "${manifest}" library "\"${library_name}\"")
string(JSON manifest SET "${manifest}" sha256 "\"${digest}\"")
string(JSON existing_sdk ERROR_VARIABLE no_sdk GET "${manifest}" sdk)
if(no_sdk OR NOT KEEP_MANIFEST_SDK)
    string(JSON manifest SET "${manifest}" sdk "\"${SDK_VERSION}\"")
endif()
set(old "")
if(EXISTS "${OUTPUT}")
    file(READ "${OUTPUT}" old)
endif()
if(NOT old STREQUAL "${manifest}\n")
    file(WRITE "${OUTPUT}" "${manifest}\n")
    # A signature covers the manifest it was made for; a rebuilt library needs signing again.
    get_filename_component(plugin_dir "${OUTPUT}" DIRECTORY)
    file(REMOVE "${plugin_dir}/plugin.sig")
endif()
