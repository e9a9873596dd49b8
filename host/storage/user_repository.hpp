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
    std::optional<User> find_by_id(std::int64_t user_id);
    std::optional<std::string> password_hash(std::int64_t user_id);
    // `password_hash` empty: the account can no longer sign in.
    void set_password_hash(std::int64_t user_id, const std::string& password_hash);
    void set_disabled(std::int64_t user_id, bool disabled);
    bool is_disabled(std::int64_t user_id);

  private:
    Database& db_;
};

}  // namespace dplan
