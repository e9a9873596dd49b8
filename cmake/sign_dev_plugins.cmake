# Makes this build tree's development key (once) and signs every built plugin with it, so that the
# dplan and dplan-gui built here load the plugins built here under the same signature check as an
# installation (scripts/run.sh did this by hand before). The key never leaves the build tree.
# Run after the plugins and dplan are built:
#   cmake -DDPLAN=... -DPLUGIN_DIR=... -DKEY=.../dev-signing/dev -DSTAMP=... -P sign_dev_plugins.cmake
if(NOT EXISTS "${KEY}.key")
    execute_process(COMMAND "${DPLAN}" plugin keygen --out "${KEY}" RESULT_VARIABLE failed OUTPUT_QUIET)
    if(failed)
        message(FATAL_ERROR "dplan plugin keygen --out ${KEY} failed")
    endif()
endif()
file(GLOB plugins LIST_DIRECTORIES true "${PLUGIN_DIR}/*")
foreach(plugin IN LISTS plugins)
    if(NOT IS_DIRECTORY "${plugin}")
        continue()
    endif()
    # A plugin rebuilt since it was signed fails verification; only those are signed again.
    execute_process(COMMAND "${DPLAN}" plugin verify "${plugin}" --trusted-key "${KEY}.pub"
                    RESULT_VARIABLE unverified OUTPUT_QUIET ERROR_QUIET)
    if(unverified)
        execute_process(COMMAND "${DPLAN}" plugin sign "${plugin}" --key "${KEY}.key" RESULT_VARIABLE failed
                        OUTPUT_QUIET)
        if(failed)
            message(FATAL_ERROR "dplan plugin sign ${plugin} failed")
        endif()
    endif()
endforeach()
file(WRITE "${STAMP}" "signed\n")
