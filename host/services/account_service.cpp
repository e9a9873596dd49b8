#include "services/account_service.hpp"

#include <fmt/format.h>

#include "domain/password.hpp"
#include "domain/timestamp.hpp"
#include "services/audit_trail.hpp"
#include "services/authorization.hpp"
#include "storage/database.hpp"
#include "storage/session_repository.hpp"
#include "storage/user_repository.hpp"

namespace dplan {

namespace {
const Subject accounts_subject{{}, {}, {}, {"用戶帳戶", "user accounts"}};

nlohmann::json account_fields(const User& account) {
    return {{"username", account.username},
            {"display_name", account.display_name},
            {"role", role_code(account.role)},
            {"district_id", audit_value(account.district_id)},
            {"organisation_id", audit_value(account.organisation_id)}};
}
}  // namespace

AccountService::AccountService(Database& db, User actor) : db_(db), actor_(std::move(actor)) {}

std::int64_t AccountService::add_user(const User& account, const std::string& password) {
    authorize(actor_, Operation::manage_users, accounts_subject);
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
    const std::string hash = password.empty() ? std::string() : hash_password(password);
    return db_.write("create user", [&] {
        const auto id = UserRepository(db_).create(account, hash);
        nlohmann::json fields = account_fields(account);
        fields["password"] = hash.empty() ? "(none)" : secret_changed;
        record_audit(db_, actor_, {"create user", "user", std::to_string(id), changed_fields(nullptr, fields)});
        return id;
    });
}

User AccountService::find(const std::string& username) {
    if (auto user = UserRepository(db_).find_by_username(username)) return *user;
    throw NotFound({fmt::format("沒有用戶「{}」；可用 dplan user add 建立", username),
                    fmt::format("no user '{}'; create one with 'dplan user add'", username)});
}

void AccountService::set_password(const std::string& username, const std::string& new_password) {
    authorize(actor_, Operation::manage_users, accounts_subject);
    const User account = find(username);
    const std::string hash = hash_password(new_password);
    db_.write("change password", [&] {
        UserRepository(db_).set_password_hash(account.id, hash);
        SessionRepository(db_).revoke_all_of(account.id, now_utc_iso8601());
        record_audit(db_, actor_, password_change(account));
    });
}

void AccountService::disable(const std::string& username) {
    authorize(actor_, Operation::manage_users, accounts_subject);
    const User account = find(username);
    if (account.role == Role::system || account.id == actor_.id) {
        throw InvalidInput({fmt::format("不可停用「{}」：不可停用內置帳戶或自己的帳戶", username),
                            fmt::format("'{}' cannot be disabled: not the built-in account, nor your own", username)});
    }
    db_.write("disable user", [&] {
        const bool was_disabled = UserRepository(db_).is_disabled(account.id);
        UserRepository(db_).set_disabled(account.id, true);
        SessionRepository(db_).revoke_all_of(account.id, now_utc_iso8601());
        record_audit(db_, actor_,
                     {"disable user", "user", std::to_string(account.id),
                      changed_fields({{"disabled", was_disabled}}, {{"disabled", true}})});
    });
}

}  // namespace dplan
