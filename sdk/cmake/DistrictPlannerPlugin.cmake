# dplan_add_plugin(<target> MANIFEST <plugin.json> SOURCES <files...> [OUTPUT_DIR <dir>])
#
# Builds a District Planner plugin: a shared library that exports only `dplan_entry`, placed in
# <OUTPUT_DIR>/<id>/ (default: <build dir>/plugins/<id>/) beside its finished plugin.json, which
# gets the library's file name, its SHA-256 and (unless the manifest names one) the SDK version
# the plugin was compiled against. Sign the folder afterwards with `dplan plugin sign`.
#
# Needs DPLAN_SDK_INCLUDE_DIR (set by find_package(DistrictPlannerSDK)).
include_guard(GLOBAL)

function(dplan_add_plugin target)
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "MANIFEST;OUTPUT_DIR" "SOURCES")
    if(NOT arg_MANIFEST OR NOT arg_SOURCES)
        message(FATAL_ERROR "dplan_add_plugin(${target}): MANIFEST and SOURCES are required")
    endif()
    get_filename_component(manifest "${arg_MANIFEST}" ABSOLUTE)
    file(READ "${manifest}" manifest_text)
    string(JSON plugin_id ERROR_VARIABLE json_error GET "${manifest_text}" id)
    if(json_error)
        message(FATAL_ERROR "${manifest}: cannot read the plugin id: ${json_error}")
    endif()
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${manifest}")

    if(NOT arg_OUTPUT_DIR)
        set(arg_OUTPUT_DIR "${CMAKE_BINARY_DIR}/plugins")
    endif()
    set(plugin_dir "${arg_OUTPUT_DIR}/${plugin_id}")

    file(STRINGS "${DPLAN_SDK_INCLUDE_DIR}/dplan/sdk/plugin.h" version_lines
         REGEX "#define DPLAN_SDK_VERSION_(MAJOR|MINOR) ")
    string(REGEX REPLACE ".*MAJOR ([0-9]+).*" "\\1" sdk_major "${version_lines}")
    string(REGEX REPLACE ".*MINOR ([0-9]+).*" "\\1" sdk_minor "${version_lines}")

    add_library(${target} MODULE ${arg_SOURCES})
    target_link_libraries(${target} PRIVATE DistrictPlanner::sdk)
    target_compile_features(${target} PRIVATE cxx_std_20)
    set_target_properties(${target} PROPERTIES
        PREFIX "lib"
        OUTPUT_NAME "dplan_${plugin_id}"
        LIBRARY_OUTPUT_DIRECTORY "${plugin_dir}"
        CXX_VISIBILITY_PRESET hidden
        VISIBILITY_INLINES_HIDDEN ON)
    add_custom_command(TARGET ${target} POST_BUILD
        COMMAND "${CMAKE_COMMAND}" "-DMANIFEST_IN=${manifest}" "-DLIBRARY=$<TARGET_FILE:${target}>"
                "-DOUTPUT=${plugin_dir}/plugin.json" "-DSDK_VERSION=${sdk_major}.${sdk_minor}"
                -P "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/dplan_finish_manifest.cmake"
        COMMENT "Writing plugin.json for ${plugin_id}"
        VERBATIM)
    set_property(TARGET ${target} PROPERTY DPLAN_PLUGIN_DIR "${plugin_dir}")
endfunction()
