// dplan demo: the fictional Riverside district's plan, for trying things out.
#include <fmt/format.h>

#include <ostream>

#include "cli/commands.hpp"

namespace dplan::cli {

void register_demo_command(CLI::App& app, Context& context) {
    auto* demo =
        app.add_subcommand("demo", "Load the demo district (Riverside 河畔區) and its 2024-25 plan / 載入示範資料");
    demo->callback([&context] {
        const DemoLoaded result = context.admin(OpenMode::create).load_demo();
        context.out << context.pick(
                           result.created
                               ? Bilingual{fmt::format("已載入示範計劃，編號 {}。", result.plan_id),
                                           fmt::format("Loaded the demo plan as plan {}.", result.plan_id)}
                               : Bilingual{fmt::format("示範計劃已存在，編號 {}。", result.plan_id),
                                           fmt::format("The demo plan is already there as plan {}.", result.plan_id)})
                    << '\n';
    });
}

}  // namespace dplan::cli
