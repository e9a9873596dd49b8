// Accounts. Passwords are stored only as argon2id hashes.
#pragma once

#include <optional>
#include <string>

#include "domain/user.hpp"
#include "storage/database.hpp"

namespace dplan {

class UserRepository {
  public:
    explicit UserRepository(Database& db) : db_(db) {}

    // `password_hash` empty: the account cannot sign in. Throws InvalidInput on a taken username.
    std::int64_t create(const User& user, const std::string& password_hash);
    std::optional<User> find_by_username(const std::string& username);
    std::optional<std::string> password_hash(std::int64_t user_id);

  private:
    Database& db_;
};

}  // namespace dplan
