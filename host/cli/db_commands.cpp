// dplan db init | migrate | status
#include <fmt/format.h>

#include <ostream>

#include "cli/commands.hpp"

namespace dplan::cli {

namespace {

void print_applied(Context& context, const std::vector<int>& applied, int latest) {
    if (applied.empty()) {
        context.out << context.pick({fmt::format("資料庫已是最新版本（第 {} 版）。", latest),
                                     fmt::format("The database is up to date (schema version {}).", latest)})
                    << '\n';
        return;
    }
    for (int version : applied) {
        context.out << context.pick({fmt::format("已套用結構更新 {:04}", version),
                                     fmt::format("Applied migration {:04}", version)})
                    << '\n';
    }
}

}  // namespace

void register_db_commands(CLI::App& app, Context& context) {
    auto* db = app.add_subcommand("db", "Create, upgrade and inspect the database / 建立、更新及查看資料庫");
    db->require_subcommand(1);

    auto* init = db->add_subcommand("init", "Create the database (or bring an existing one up to date) / 建立資料庫");
    init->callback([&context] {
        auto admin = context.admin(OpenMode::create);
        const auto applied = admin.migrate();
        print_applied(context, applied, admin.status().latest);
        context.out << context.pick({"資料庫位置：", "Database: "}) << context.store().describe() << '\n';
    });

    auto* migrate =
        db->add_subcommand("migrate", "Upgrade an existing database step by step / 逐步更新現有資料庫的結構");
    auto target = std::make_shared<int>(-1);
    migrate->add_option("--to", *target, "Stop at this schema version / 更新至此版本為止")->check(CLI::PositiveNumber);
    migrate->callback([&context, target] {
        auto admin = context.admin(OpenMode::must_exist);
        const auto applied = admin.migrate(*target);
        print_applied(context, applied, admin.status().current);
    });

    auto* status = db->add_subcommand("status", "Show the schema version / 顯示資料庫結構版本");
    status->callback([&context] {
        const SchemaReport schema = context.admin(OpenMode::must_exist).status();
        context.out << context.pick({"資料庫：", "Database: "}) << context.store().describe() << '\n'
                    << context.pick({"結構版本：", "Schema version: "}) << schema.current << " / " << schema.latest
                    << '\n';
        for (const auto& [version, name] : schema.pending) {
            context.out << context.pick({"待套用：", "Pending: "}) << fmt::format("{:04} {}", version, name) << '\n';
        }
        if (schema.pending.empty()) context.out << context.pick({"已是最新。", "Up to date."}) << '\n';
    });
}

}  // namespace dplan::cli
