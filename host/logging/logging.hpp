// Logging for the command-line tools and the dashboard: warnings and errors to stderr, everything at --log-level
// and above to a rotating file (default ~/.local/state/dplan/dplan.log).
#pragma once

#include <string>

namespace dplan {

// Throws InvalidInput for an unknown level name.
void setup_logging(const std::string& level, const std::string& log_file);

std::string default_log_file();

}  // namespace dplan
