#include "services/account_service.hpp"

#include <fmt/format.h>

#include "domain/password.hpp"
#include "services/authorization.hpp"
#include "storage/database.hpp"
#include "storage/user_repository.hpp"

namespace dplan {

AccountService::AccountService(Database& db, User actor) : db_(db), actor_(std::move(actor)) {}

std::int64_t AccountService::add_user(const User& account, const std::string& password) {
    authorize(actor_, Operation::manage_users, {{}, {}, {}, {"用戶帳戶", "user accounts"}});
    if (account.role == Role::system) {
        throw InvalidInput({"不可建立 system 角色的帳戶", "no account may be given the system role"});
    }
    if ((account.role == Role::officer || account.role == Role::committee_member) && !account.district_id) {
        throw InvalidInput({fmt::format("{} 角色的帳戶須以 --district 指明地區", role_code(account.role)),
                            fmt::format("a {} account needs a district (--district CODE)", role_code(account.role))});
    }
    if (account.role == Role::ngo && !account.organisation_id) {
        throw InvalidInput({"ngo 角色的帳戶須以 --organisation 指明所屬機構",
                            "an ngo account needs an organisation (--organisation NAME)"});
    }
    return UserRepository(db_).create(account, password.empty() ? std::string() : hash_password(password));
}

}  // namespace dplan
