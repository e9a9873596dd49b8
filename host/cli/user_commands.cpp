// dplan user add
#include <fmt/format.h>

#include <iostream>
#include <ostream>

#include "cli/commands.hpp"
#include "domain/password.hpp"
#include "storage/district_repository.hpp"
#include "storage/user_repository.hpp"

namespace dplan::cli {

void register_user_commands(CLI::App& app, Context& context) {
    auto* user = app.add_subcommand("user", "Accounts / 用戶");
    user->require_subcommand(1);
    struct AddOptions {
        std::string username, name, role, district;
        bool password_stdin = false;
    };
    auto options = std::make_shared<AddOptions>();
    auto* add = user->add_subcommand("add", "Create an account / 建立用戶");
    add->add_option("USERNAME", options->username, "Sign-in name / 登入名稱")->required();
    add->add_option("--name", options->name, "Display name / 顯示名稱");
    add->add_option("--role", options->role, "admin, officer, committee_member, ngo or viewer / 角色")
        ->required()
        ->check(CLI::IsMember({"admin", "officer", "committee_member", "ngo", "viewer"}));
    add->add_option("--district", options->district, "District code (officers) / 地區代號");
    add->add_flag("--password-stdin", options->password_stdin,
                  "Read a password from standard input (stored as an argon2id hash) / 從標準輸入讀取密碼");
    add->callback([&context, options] {
        Database& database = context.database(OpenMode::must_exist);
        User account;
        account.username = options->username;
        account.display_name = options->name.empty() ? options->username : options->name;
        account.role = *parse_role(options->role);
        if (!options->district.empty()) {
            account.district_id = DistrictRepository(database).get_by_code(options->district).id;
        }
        std::string hash;
        if (options->password_stdin) {
            std::string password;
            std::getline(std::cin, password);
            hash = hash_password(password);
        }
        const auto id = UserRepository(database).create(account, hash);
        context.out << context.pick({fmt::format("已建立用戶 {}（編號 {}）。", account.username, id),
                                     fmt::format("Created user {} (id {}).", account.username, id)})
                    << '\n';
    });
}

}  // namespace dplan::cli
