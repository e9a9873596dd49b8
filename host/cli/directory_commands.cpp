// dplan org add | list; dplan stakeholder add | list
#include <fmt/format.h>

#include "cli/commands.hpp"

namespace dplan::cli {

namespace {

Sector sector_or_throw(const std::string& code) {
    if (const auto sector = parse_sector(code)) return *sector;
    throw InvalidInput(
        {fmt::format("不明界別「{}」", code),
         fmt::format("unknown sector '{}' (ngo, health, education, business, district_group, government, "
                     "resident)",
                     code)});
}

}  // namespace

void register_directory_commands(CLI::App& app, Context& context) {
    auto* org = app.add_subcommand("org", "Organisations and their sectors / 機構");
    org->require_subcommand(1);
    struct OrgOptions {
        std::string name_zh, name_en, sector = "ngo";
    };
    auto org_options = std::make_shared<OrgOptions>();
    auto* org_add = org->add_subcommand("add", "Register an organisation / 登記機構");
    org_add->add_option("--name-zh", org_options->name_zh, "Name in Chinese / 中文名稱")->required();
    org_add->add_option("--name-en", org_options->name_en, "Name in English / 英文名稱");
    org_add->add_option("--sector", org_options->sector, "Sector / 界別")->capture_default_str();
    org_add->callback([&context, org_options] {
        const auto id = context.directory().add_organisation(
            {0, {org_options->name_zh, org_options->name_en}, sector_or_throw(org_options->sector)});
        context.out << context.pick(
                           {fmt::format("已登記機構 {}。", id), fmt::format("Registered organisation {}.", id)})
                    << '\n';
    });
    org->add_subcommand("list", "List organisations / 機構列表")->callback([&context] {
        for (const auto& item : context.directory().organisations()) {
            context.out << fmt::format("{:>4}  {:<16} {}\n", item.id, context.pick(sector_name(item.sector)),
                                       context.pick(item.name));
        }
    });

    auto* stakeholder = app.add_subcommand("stakeholder", "People who take part in planning / 持份者");
    stakeholder->require_subcommand(1);
    struct StakeholderOptions {
        std::string name_zh, name_en, organisation, sector = "resident", email;
    };
    auto options = std::make_shared<StakeholderOptions>();
    auto* add = stakeholder->add_subcommand("add", "Register a stakeholder / 登記持份者");
    add->add_option("--name-zh", options->name_zh, "Name in Chinese / 中文姓名");
    add->add_option("--name-en", options->name_en, "Name in English / 英文姓名");
    add->add_option("--organisation", options->organisation, "Their organisation (name); gives the sector / 所屬機構");
    add->add_option("--sector", options->sector, "Sector when there is no organisation / 界別")->capture_default_str();
    add->add_option("--email", options->email, "E-mail, for calendar invitations / 電郵");
    add->callback([&context, options] {
        Stakeholder person;
        person.name = {options->name_zh, options->name_en};
        person.sector = sector_or_throw(options->sector);
        person.email = options->email;
        if (!options->organisation.empty())
            person.organisation_id = context.directory().organisation(options->organisation).id;
        const auto id = context.directory().add_stakeholder(person);
        context.out << context.pick(
                           {fmt::format("已登記持份者 {}。", id), fmt::format("Registered stakeholder {}.", id)})
                    << '\n';
    });
    stakeholder->add_subcommand("list", "List stakeholders / 持份者列表")->callback([&context] {
        for (const auto& item : context.directory().stakeholders()) {
            context.out << fmt::format("{:>4}  {:<16} {}  {}\n", item.id, context.pick(sector_name(item.sector)),
                                       context.pick(item.name), context.pick(item.organisation_name));
        }
    });
}

}  // namespace dplan::cli
