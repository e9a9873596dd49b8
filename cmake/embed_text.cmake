# Writes a C++ file defining `std::string_view ${FUNCTION}()` that returns the text of ${INPUT},
# so a document the binary serves (docs/openapi.json) is the one in the repository.
#   cmake -DINPUT=... -DOUTPUT=... -DNAMESPACE=... -DFUNCTION=... -P embed_text.cmake
file(READ "${INPUT}" text)
string(FIND "${text}" ")dplan_embedded\"" clash)
if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${INPUT} contains the raw string delimiter )dplan_embedded\"")
endif()
file(WRITE "${OUTPUT}.tmp"
     "// Generated from ${INPUT} by cmake/embed_text.cmake; do not edit.\n#include <string_view>\n"
     "namespace ${NAMESPACE} {\nstd::string_view ${FUNCTION}() {\n    static constexpr std::string_view text = "
     "R\"dplan_embedded(${text})dplan_embedded\";\n    return text;\n}\n}  // namespace ${NAMESPACE}\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
