// The `dplan` command line: global options, subcommands, and the one place where errors become
// a clear message and an exit code.
#pragma once

#include <iosfwd>

namespace dplan::cli {

// Exit codes, documented in the README.
enum ExitCode : int {
    exit_ok = 0,
    exit_failure = 1,        // storage or other failure
    exit_invalid_input = 2,  // bad arguments or bad input data
    exit_not_found = 3,
    exit_conflict = 4,
    exit_findings = 5,  // plan validate found errors; plugin check/verify found a problem
    exit_permission_denied = 6,
};

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace dplan::cli
