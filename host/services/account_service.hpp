// Accounts: who signs in, with which role, scoped to which district or organisation. Only
// administrators (and the local system account) manage them.
#pragma once

#include <cstdint>
#include <string>

#include "domain/user.hpp"

namespace dplan {

class Database;

class AccountService {
  public:
    AccountService(Database& db, User actor);

    // Officers and committee members need a district; NGO staff an organisation. An empty
    // password makes an account that cannot sign in; a given one is stored as an argon2id hash.
    std::int64_t add_user(const User& account, const std::string& password);

    // An administrator sets someone's password (at least 10 characters). The user's open
    // sessions end at once, so whoever knew the old password is signed out.
    void set_password(const std::string& username, const std::string& new_password);
    // (A user's change of their own password is the sign-in service's: it checks the current one.)
    // The account can no longer sign in or act, and its sessions end at once; its history stays.
    void disable(const std::string& username);

  private:
    // The account by sign-in name; NotFound naming it.
    User find(const std::string& username);

    Database& db_;
    User actor_;
};

}  // namespace dplan
