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

  private:
    Database& db_;
    User actor_;
};

}  // namespace dplan
