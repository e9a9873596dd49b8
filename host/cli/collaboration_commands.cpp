// dplan collaboration matrix | trace
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "services/collaboration.hpp"

namespace dplan::cli {

namespace {

void print_matrix(Context& context, std::int64_t plan_id) {
    const auto matrix = context.collaboration().matrix(plan_id);
    context.out << context.pick({"每格：重點提及夥伴 / 會議出席 / 計劃數目；「·」為空格，值得留意。",
                                 "Each cell: partners named in focus points / present at meetings / programmes run; "
                                 "'·' marks an empty cell, worth a look."})
                << "\n\n";
    context.out << fmt::format("{:<28}", "");
    for (const Sector sector : all_sectors) context.out << fmt::format("{:>16}", sector_code(sector));
    context.out << '\n';
    std::size_t empty = 0;
    for (std::size_t a = 0; a < matrix.areas.size(); ++a) {
        context.out << fmt::format("{:<28}", matrix.areas[a] + " " + context.area_name(matrix.areas[a]).zh);
        for (const Sector sector : all_sectors) {
            const auto& cell = matrix.cell(a, sector);
            empty += cell.empty() ? 1 : 0;
            context.out << fmt::format(
                "{:>16}",
                cell.empty() ? "·" : fmt::format("{}/{}/{}", cell.partners, cell.attendance, cell.programmes));
        }
        context.out << '\n';
    }
    context.out << '\n'
                << context.pick({fmt::format("{} 個空格。", empty), fmt::format("{} empty cells.", empty)}) << '\n';
}

void print_trace(Context& context, std::int64_t plan_id) {
    const auto views = context.collaboration().trace(plan_id);
    if (views.empty()) {
        context.out << context.pick({"此計劃的會議未有記錄意見。", "No views recorded in this plan's meetings."})
                    << '\n';
        return;
    }
    for (const auto& traced : views) {
        const auto& view = traced.view;
        context.out << fmt::format("#{} {} {} [{}] {}: {}\n", view.id, traced.meeting.starts_at.substr(0, 10),
                                   context.pick(traced.meeting.title), context.pick(context.area_name(view.area_id)),
                                   context.pick(view.raised_by), view.text);
        context.out << "    → " << context.pick(view_status_name(view.status));
        if (view.status == ViewStatus::not_adopted) context.out << ": " << view.reason;
        context.out << '\n';
        for (const auto& response : traced.responses) context.out << "      " << context.pick(response) << '\n';
    }
}

}  // namespace

void register_collaboration_commands(CLI::App& app, Context& context) {
    auto* collaboration = app.add_subcommand("collaboration", "Cross-sector engagement and traceability / 跨界別協作");
    collaboration->require_subcommand(1);
    auto plan = std::make_shared<std::int64_t>(0);
    auto* matrix =
        collaboration->add_subcommand("matrix", "Service areas x sectors: where partners are engaged / 協作矩陣");
    matrix->add_option("--plan", *plan, "Plan id / 計劃書編號")->required();
    matrix->callback([&context, plan] { print_matrix(context, *plan); });
    auto* trace = collaboration->add_subcommand(
        "trace", "Every view raised in the plan's meetings and what happened to it / 意見追蹤");
    trace->add_option("--plan", *plan, "Plan id / 計劃書編號")->required();
    trace->callback([&context, plan] { print_trace(context, *plan); });
}

}  // namespace dplan::cli
