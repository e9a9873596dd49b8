# Fails when a source file reaches past its layer (docs/architecture.md):
#   host/cli, host/server, gui   front ends: services only; no storage header, no SQL session
#   host/services       no SQL session of their own: queries live in storage
#   host/storage        no services, plugins or front ends
#   host/domain         nothing but domain
#   only storage/session_repository.cpp writes without an audit entry (bookkeeping_write)
# Run at build time by host/CMakeLists.txt: cmake -DSOURCE_DIR=... -DSTAMP=... -P check_layers.cmake
set(rules
    "host/cli~#include \"storage/~a front end includes a storage header, call a service instead"
    "host/cli~soci::~a front end uses SOCI, call a service instead"
    "host/cli~\\.session\\(\\)~a front end reaches the database session, call a service instead"
    "host/server~#include \"storage/~the server includes a storage header, call a service instead"
    "host/server~soci::~the server uses SOCI, call a service instead"
    "host/server~\\.session\\(\\)~the server reaches the database session, call a service instead"
    "host/server~#include \"cli/~the server includes the CLI"
    "gui~#include \"storage/~the dashboard includes a storage header, call a service instead"
    "gui~#include \"cli/~the dashboard includes the CLI"
    "gui~soci::~the dashboard uses SOCI, call a service instead"
    "gui~\\.session\\(\\)~the dashboard reaches the database session, call a service instead"
    "host/services~soci::~a service runs SQL itself, put the query in storage"
    "host/services~\\.session\\(\\)~a service reaches the database session, put the query in storage"
    "host/services~#include \"cli/~a service includes the CLI"
    "host/storage~#include \"services/~storage includes a service"
    "host/storage~#include \"cli/~storage includes the CLI"
    "host/domain~#include \"(storage|services|plugins|cli)/~domain includes another layer"
)
set(problems "")
foreach(rule IN LISTS rules)
    string(REPLACE "~" ";" parts "${rule}")
    list(GET parts 0 folder)
    list(GET parts 1 pattern)
    list(GET parts 2 why)
    file(GLOB_RECURSE files "${SOURCE_DIR}/${folder}/*.cpp" "${SOURCE_DIR}/${folder}/*.hpp")
    foreach(file IN LISTS files)
        file(STRINGS "${file}" hits REGEX "${pattern}")
        if(hits)
            file(RELATIVE_PATH relative "${SOURCE_DIR}" "${file}")
            list(GET hits 0 first)
            string(STRIP "${first}" first)
            string(APPEND problems "  ${relative}: ${why}: ${first}\n")
        endif()
    endforeach()
endforeach()
# Only sign-in bookkeeping may commit without an audit entry (storage/database.hpp).
file(GLOB_RECURSE all_sources "${SOURCE_DIR}/host/*.cpp" "${SOURCE_DIR}/host/*.hpp" "${SOURCE_DIR}/gui/*.cpp"
     "${SOURCE_DIR}/gui/*.hpp")
foreach(file IN LISTS all_sources)
    file(RELATIVE_PATH relative "${SOURCE_DIR}" "${file}")
    if(relative STREQUAL "host/storage/session_repository.cpp" OR relative STREQUAL "host/storage/database.hpp")
        continue()
    endif()
    file(STRINGS "${file}" hits REGEX "bookkeeping_write")
    if(hits)
        string(APPEND problems "  ${relative}: only the session repository may write without an audit entry\n")
    endif()
endforeach()
if(problems)
    message(FATAL_ERROR "Layer check failed (see docs/architecture.md):\n${problems}")
endif()
file(WRITE "${STAMP}" "ok\n")
