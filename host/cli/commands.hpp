// Each group of subcommands registers itself on the root app.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/context.hpp"

namespace dplan::cli {

void register_db_commands(CLI::App& app, Context& context);
void register_demo_command(CLI::App& app, Context& context);
void register_plan_commands(CLI::App& app, Context& context);
void register_plugin_commands(CLI::App& app, Context& context);
void register_plan_workflow_commands(CLI::App& app, Context& context);
void register_user_commands(CLI::App& app, Context& context);
void register_audit_commands(CLI::App& app, Context& context);
void register_programme_commands(CLI::App& app, Context& context);
// `programme import-report`, under the programme command.
void register_report_import_command(CLI::App& programme, Context& context);
void register_indicator_commands(CLI::App& app, Context& context);
void register_meeting_commands(CLI::App& app, Context& context);
void register_directory_commands(CLI::App& app, Context& context);
void register_district_commands(CLI::App& app, Context& context);
void register_collaboration_commands(CLI::App& app, Context& context);
// `serve` and `cert self-signed`: the collaboration server.
void register_serve_command(CLI::App& app, Context& context);

// Thrown by a command that ran to completion but must exit non-zero (e.g. findings).
struct ExitWith {
    int code;
};

}  // namespace dplan::cli
