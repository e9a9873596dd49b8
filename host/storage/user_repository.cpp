#include "storage/user_repository.hpp"

#include <fmt/format.h>

#include "domain/timestamp.hpp"
#include "storage/user_row.hpp"

namespace dplan {

std::int64_t UserRepository::create(const User& user, const std::string& password_hash) {
    if (user.username.empty() || user.username.size() > 64) {
        throw InvalidInput({"用戶名稱必須為 1 至 64 個字元", "a username must be 1 to 64 characters"});
    }
    const std::string role(role_code(user.role));
    const std::string now = now_utc_iso8601();
    const long long district = user.district_id.value_or(0);
    soci::indicator district_flag = user.district_id ? soci::i_ok : soci::i_null;
    const long long organisation = user.organisation_id.value_or(0);
    soci::indicator organisation_flag = user.organisation_id ? soci::i_ok : soci::i_null;
    soci::indicator hash_flag = password_hash.empty() ? soci::i_null : soci::i_ok;
    return db_.write("create user", [&] {
        try {
            db_.session() << "INSERT INTO users (username, display_name, role, district_id, organisation_id, "
                             "password_hash, created_at) VALUES (:username, :display, :role, "
                             ":district, :organisation, :hash, :created)",
                soci::use(user.username), soci::use(user.display_name), soci::use(role),
                soci::use(district, district_flag), soci::use(organisation, organisation_flag),
                soci::use(password_hash, hash_flag), soci::use(now);
        } catch (const soci::soci_error& e) {
            if (!is_unique_violation(e)) throw;
            throw InvalidInput({fmt::format("用戶名稱「{}」已被使用", user.username),
                                fmt::format("username '{}' is already taken", user.username)});
        }
        long long id = 0;
        db_.session().get_last_insert_id("users", id);
        return static_cast<std::int64_t>(id);
    });
}

namespace {

const std::string user_query = "SELECT " + UserRow::columns("") + " FROM users ";

// Every signed-in request looks its user up by id: kept prepared.
struct UserById final : KeptStatement {
    long long key = 0;
    UserRow row;
    soci::statement statement;
    explicit UserById(soci::session& session) : statement(session) {
        statement.exchange(soci::use(key));
        row.bind(statement);
        statement.alloc();
        statement.prepare(user_query + "WHERE id = :key");
        statement.define_and_bind();
    }
};

}  // namespace

std::optional<User> UserRepository::find_by_username(const std::string& username) {
    return db_.read("find user", [&]() -> std::optional<User> {
        UserRow row;
        soci::statement query(db_.session());
        query.exchange(soci::use(username));
        row.bind(query);
        query.alloc();
        query.prepare(user_query + "WHERE username = :key");
        query.define_and_bind();
        if (!query.execute(true)) return std::nullopt;
        return row.to_user();
    });
}

std::optional<User> UserRepository::find_by_id(std::int64_t user_id) {
    return db_.read("find user", [&]() -> std::optional<User> {
        auto& query = db_.kept<UserById>();
        query.key = user_id;
        if (!db_.run_kept(query.statement)) return std::nullopt;
        return query.row.to_user();
    });
}

std::optional<std::string> UserRepository::password_hash(std::int64_t user_id) {
    return db_.read("read password hash", [&]() -> std::optional<std::string> {
        const long long id = user_id;
        std::string hash;
        soci::indicator flag = soci::i_ok;
        db_.session() << "SELECT password_hash FROM users WHERE id = :id", soci::use(id), soci::into(hash, flag);
        if (!db_.session().got_data() || flag != soci::i_ok) return std::nullopt;
        return hash;
    });
}

void UserRepository::set_password_hash(std::int64_t user_id, const std::string& password_hash) {
    const long long id = user_id;
    soci::indicator hash_flag = password_hash.empty() ? soci::i_null : soci::i_ok;
    db_.write("change password", [&] {
        db_.session() << "UPDATE users SET password_hash = :hash, version = version + 1 WHERE id = :id",
            soci::use(password_hash, hash_flag), soci::use(id);
    });
}

void UserRepository::set_disabled(std::int64_t user_id, bool disabled) {
    const long long id = user_id;
    const int flag = disabled ? 1 : 0;
    db_.write("disable user", [&] {
        db_.session() << "UPDATE users SET disabled = :flag, version = version + 1 WHERE id = :id", soci::use(flag),
            soci::use(id);
    });
}

bool UserRepository::is_disabled(std::int64_t user_id) {
    return db_.read("read whether the user is disabled", [&] {
        const long long id = user_id;
        int disabled = 0;
        db_.session() << "SELECT disabled FROM users WHERE id = :id", soci::use(id), soci::into(disabled);
        return disabled != 0;
    });
}

}  // namespace dplan
