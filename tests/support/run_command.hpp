// Runs a program the way a user would and captures what it prints.
#pragma once

#include <string>
#include <vector>

namespace dplan::testing {

struct CommandResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// Runs `program` with `arguments` (no shell), with environment entries "NAME=value" added or
// replacing the inherited ones; a bare "NAME" removes NAME.
CommandResult run_command(const std::string& program, const std::vector<std::string>& arguments,
                          const std::vector<std::string>& environment = {});

}  // namespace dplan::testing
