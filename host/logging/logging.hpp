// Logging for the command-line tools and the dashboard: warnings and errors to stderr, everything
// at --log-level and above to a log file shared by every dplan and dplan-gui process.
//
// The file is one per day (--log-file dplan.log writes dplan_2025-01-15.log), opened in append
// mode and flushed after every line, so lines from processes writing at once land whole and
// none is lost; nothing is ever renamed under another process (size-based rotation is not safe
// across processes). Each line carries the process id. Files older than log_days_kept days are
// deleted when a process starts.
#pragma once

#include <string>

namespace dplan {

inline constexpr int log_days_kept = 14;

// Throws InvalidInput for an unknown level name.
void setup_logging(const std::string& level, const std::string& log_file);

// <state dir>/dplan/dplan.log, with the state dir from $XDG_STATE_HOME or ~/.local/state.
std::string default_log_file();

}  // namespace dplan
