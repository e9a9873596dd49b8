// Each group of subcommands registers itself on the root app.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/context.hpp"

namespace dplan::cli {

void register_db_commands(CLI::App& app, Context& context);
void register_demo_command(CLI::App& app, Context& context);
void register_plan_commands(CLI::App& app, Context& context);

}  // namespace dplan::cli
