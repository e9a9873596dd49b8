// dplan user add, passwd, disable
#include <fmt/format.h>

#include <iostream>
#include <ostream>

#include "cli/commands.hpp"

namespace dplan::cli {

void register_user_commands(CLI::App& app, Context& context) {
    auto* user = app.add_subcommand("user", "Accounts / 用戶");
    user->require_subcommand(1);
    struct AddOptions {
        std::string username, name, role, district, organisation;
        bool password_stdin = false;
    };
    auto options = std::make_shared<AddOptions>();
    auto* add = user->add_subcommand("add", "Create an account / 建立用戶");
    add->add_option("USERNAME", options->username, "Sign-in name / 登入名稱")->required();
    add->add_option("--name", options->name, "Display name / 顯示名稱");
    add->add_option("--role", options->role, "admin, officer, committee_member, ngo or viewer / 角色")
        ->required()
        ->check(CLI::IsMember({"admin", "officer", "committee_member", "ngo", "viewer"}));
    add->add_option("--district", options->district, "District code (officers, committee members) / 地區代號");
    add->add_option("--organisation", options->organisation, "Organisation name (NGO staff) / 所屬機構");
    add->add_flag("--password-stdin", options->password_stdin,
                  "Read a password from standard input (stored as an argon2id hash) / 從標準輸入讀取密碼");
    add->callback([&context, options] {
        User account;
        account.username = options->username;
        account.display_name = options->name.empty() ? options->username : options->name;
        account.role = *parse_role(options->role);
        if (!options->district.empty()) {
            account.district_id = context.districts().by_code(options->district).id;
        }
        if (!options->organisation.empty()) {
            account.organisation_id = context.directory().organisation(options->organisation).id;
        }
        std::string password;
        if (options->password_stdin) std::getline(std::cin, password);
        const auto id = context.accounts().add_user(account, password);
        context.out << context.pick({fmt::format("已建立用戶 {}（編號 {}）。", account.username, id),
                                     fmt::format("Created user {} (id {}).", account.username, id)})
                    << '\n';
    });

    auto username = std::make_shared<std::string>();
    auto* passwd = user->add_subcommand(
        "passwd", "Set a user's password from standard input; ends their sessions / 設定用戶密碼（從標準輸入讀取）");
    passwd->add_option("USERNAME", *username, "Sign-in name / 登入名稱")->required();
    passwd->callback([&context, username] {
        std::string password;
        std::getline(std::cin, password);
        context.accounts().set_password(*username, password);
        context.out << context.pick({fmt::format("已更改用戶 {} 的密碼；其登入工作階段已全部結束。", *username),
                                     fmt::format("Changed the password of {}; their sessions have ended.", *username)})
                    << '\n';
    });

    auto* disable = user->add_subcommand("disable", "Disable an account and end its sessions / 停用帳戶");
    disable->add_option("USERNAME", *username, "Sign-in name / 登入名稱")->required();
    disable->callback([&context, username] {
        context.accounts().disable(*username);
        context.out << context.pick({fmt::format("已停用用戶 {}；其登入工作階段已全部結束。", *username),
                                     fmt::format("Disabled user {}; their sessions have ended.", *username)})
                    << '\n';
    });
}

}  // namespace dplan::cli
