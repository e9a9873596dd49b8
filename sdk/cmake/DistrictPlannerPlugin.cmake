# dplan_add_plugin(<target> MANIFEST <plugin.json> SOURCES <files...> [OUTPUT_DIR <dir>])
#
# Builds a District Planner plugin: a shared library that exports only `dplan_entry`, placed in
# <OUTPUT_DIR>/<id>/ (default: <build dir>/plugins/<id>/) beside its finished plugin.json, which
# gets the library's file name, its SHA-256 and the SDK version the plugin is built for. Sign the
# folder afterwards with `dplan plugin sign`.
#
# The SDK version is the headers' own, or DPLAN_TARGET_SDK when set (e.g. -DDPLAN_TARGET_SDK=1.0
# builds with these headers for 1.0 hosts too). The manifest's "sdk" is written from it: leave it
# out of your plugin.json; one that disagrees stops the build.
#
# dplan_add_plugin_test(<target> PLUGIN <plugin target> SOURCES <test files...>)
#
# An executable of the plugin's sources and your tests, which use dplan/sdk/testing.hpp to run the
# plugin in process. Link your test framework (e.g. GTest::gtest_main) and register it with
# add_test() or gtest_discover_tests().
#
# Needs DPLAN_SDK_INCLUDE_DIR (set by find_package(DistrictPlannerSDK)).
include_guard(GLOBAL)

set(DPLAN_TARGET_SDK "" CACHE STRING "The SDK version (MAJOR.MINOR) plugins are built for; empty: the headers' own")

function(dplan_add_plugin target)
    # KEEP_MANIFEST_SDK: the manifest's "sdk" is kept as written. Only for the host's own test
    # fixtures, which lie about it on purpose.
    cmake_parse_arguments(PARSE_ARGV 1 arg "KEEP_MANIFEST_SDK" "MANIFEST;OUTPUT_DIR" "SOURCES")
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
    set(target_minor ${sdk_minor})
    if(DPLAN_TARGET_SDK)
        if(NOT DPLAN_TARGET_SDK MATCHES "^([0-9]+)\\.([0-9]+)$")
            message(FATAL_ERROR "DPLAN_TARGET_SDK is '${DPLAN_TARGET_SDK}': expected MAJOR.MINOR, such as 1.0")
        endif()
        if(NOT CMAKE_MATCH_1 EQUAL sdk_major OR CMAKE_MATCH_2 GREATER sdk_minor)
            message(FATAL_ERROR "DPLAN_TARGET_SDK ${DPLAN_TARGET_SDK} cannot be built with SDK ${sdk_major}.${sdk_minor}: "
                                "the major must be ${sdk_major} and the minor at most ${sdk_minor}")
        endif()
        set(target_minor ${CMAKE_MATCH_2})
    endif()
    set(sdk_version "${sdk_major}.${target_minor}")

    string(JSON written_sdk ERROR_VARIABLE no_sdk GET "${manifest_text}" sdk)
    if(NOT no_sdk AND NOT arg_KEEP_MANIFEST_SDK AND NOT written_sdk STREQUAL sdk_version)
        message(FATAL_ERROR "${manifest}: \"sdk\" is \"${written_sdk}\" but the plugin is built for SDK "
                            "${sdk_version}. Remove \"sdk\" from plugin.json (the build writes it), or set "
                            "DPLAN_TARGET_SDK.")
    endif()

    add_library(${target} MODULE ${arg_SOURCES})
    target_link_libraries(${target} PRIVATE DistrictPlanner::sdk)
    target_compile_features(${target} PRIVATE cxx_std_20)
    target_compile_definitions(${target} PRIVATE DPLAN_TARGET_SDK_MINOR=${target_minor})
    set_target_properties(${target} PROPERTIES
        PREFIX "lib"
        OUTPUT_NAME "dplan_${plugin_id}"
        LIBRARY_OUTPUT_DIRECTORY "${plugin_dir}"
        CXX_VISIBILITY_PRESET hidden
        VISIBILITY_INLINES_HIDDEN ON)
    set(keep OFF)
    if(arg_KEEP_MANIFEST_SDK)
        set(keep ON)
    endif()
    add_custom_command(TARGET ${target} POST_BUILD
        COMMAND "${CMAKE_COMMAND}" "-DMANIFEST_IN=${manifest}" "-DLIBRARY=$<TARGET_FILE:${target}>"
                "-DOUTPUT=${plugin_dir}/plugin.json" "-DSDK_VERSION=${sdk_version}" "-DKEEP_MANIFEST_SDK=${keep}"
                -P "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/dplan_finish_manifest.cmake"
        COMMENT "Writing plugin.json for ${plugin_id}"
        VERBATIM)
    set_property(TARGET ${target} PROPERTY DPLAN_PLUGIN_DIR "${plugin_dir}")
    set(sources "")
    foreach(source IN LISTS arg_SOURCES)
        get_filename_component(source "${source}" ABSOLUTE)
        list(APPEND sources "${source}")
    endforeach()
    set_property(TARGET ${target} PROPERTY DPLAN_PLUGIN_SOURCES "${sources}")
    set_property(TARGET ${target} PROPERTY DPLAN_TARGET_SDK_MINOR "${target_minor}")
endfunction()

function(dplan_add_plugin_test target)
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "PLUGIN" "SOURCES")
    if(NOT arg_PLUGIN OR NOT arg_SOURCES)
        message(FATAL_ERROR "dplan_add_plugin_test(${target}): PLUGIN and SOURCES are required")
    endif()
    get_target_property(plugin_sources ${arg_PLUGIN} DPLAN_PLUGIN_SOURCES)
    get_target_property(target_minor ${arg_PLUGIN} DPLAN_TARGET_SDK_MINOR)
    add_executable(${target} ${arg_SOURCES} ${plugin_sources})
    target_link_libraries(${target} PRIVATE DistrictPlanner::sdk)
    target_compile_features(${target} PRIVATE cxx_std_20)
    target_compile_definitions(${target} PRIVATE DPLAN_TARGET_SDK_MINOR=${target_minor})
endfunction()
