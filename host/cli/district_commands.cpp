// dplan district list | add | rename
#include <fmt/format.h>

#include "cli/commands.hpp"

namespace dplan::cli {

namespace {

struct DistrictOptions {
    std::string code, name_zh, name_en, council_zh, council_en, committee_zh, committee_en, office_zh, office_en;

    District district() const {
        return {0,
                code,
                {name_zh, name_en},
                {council_zh, council_en},
                {committee_zh, committee_en},
                {office_zh, office_en}};
    }
};

void add_letterhead_options(CLI::App* command, DistrictOptions& options) {
    command->add_option("--name-zh", options.name_zh, "Name in Chinese / 中文名稱");
    command->add_option("--name-en", options.name_en, "Name in English / 英文名稱");
    command->add_option("--council-zh", options.council_zh, "District Council, in Chinese / 區議會（中文）");
    command->add_option("--council-en", options.council_en, "District Council, in English / 區議會（英文）");
    command->add_option("--committee-zh", options.committee_zh,
                        "Committee that receives plans, in Chinese / 委員會（中文）");
    command->add_option("--committee-en", options.committee_en,
                        "Committee that receives plans, in English / 委員會（英文）");
    command->add_option("--office-zh", options.office_zh,
                        "Welfare office that writes plans, in Chinese / 福利辦事處（中文）");
    command->add_option("--office-en", options.office_en,
                        "Welfare office that writes plans, in English / 福利辦事處（英文）");
}

}  // namespace

void register_district_commands(CLI::App& app, Context& context) {
    auto* district = app.add_subcommand("district", "Districts and their councils and offices / 地區");
    district->require_subcommand(1);

    district->add_subcommand("list", "List districts / 地區列表")->callback([&context] {
        for (const auto& item : context.districts().list()) {
            context.out << fmt::format("{:<16} {}  {}\n", item.code, context.pick(item.name),
                                       context.pick(item.office));
        }
    });

    auto add_options = std::make_shared<DistrictOptions>();
    auto* add = district->add_subcommand("add", "Add a district (administrators) / 新增地區（管理員）");
    add->add_option("code", add_options->code, "Short code for the command line / 地區代號")->required();
    add_letterhead_options(add, *add_options);
    add->get_option("--name-zh")->required();
    add->callback([&context, add_options] {
        context.districts().add(add_options->district());
        context.out << context.pick({fmt::format("已新增地區 {}。", add_options->code),
                                     fmt::format("Added district {}.", add_options->code)})
                    << '\n';
    });

    auto rename_options = std::make_shared<DistrictOptions>();
    auto* rename = district->add_subcommand(
        "rename",
        "Change a district's names, council, committee or office (administrators) / 修改地區名稱及預設（管理員）");
    rename->add_option("code", rename_options->code, "The district's code / 地區代號")->required();
    add_letterhead_options(rename, *rename_options);
    rename->callback([&context, rename_options] {
        const District changed = context.districts().rename(rename_options->code, rename_options->district());
        context.out << context.pick({fmt::format("已更新地區 {}：{}。", changed.code, changed.name.zh),
                                     fmt::format("Updated district {}: {}.", changed.code, changed.name.en)})
                    << '\n';
    });
}

}  // namespace dplan::cli
