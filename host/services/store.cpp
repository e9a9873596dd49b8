#include "services/store.hpp"

#include <fmt/format.h>

#include "storage/database.hpp"
#include "storage/migration.hpp"
#include "storage/user_repository.hpp"

namespace dplan {

Store Store::open(const std::string& url, OpenMode mode, const std::optional<std::filesystem::path>& option_file,
                  bool require_current_schema) {
    DatabaseUrl parsed = parse_database_url(url);
    resolve_password(parsed, option_file);
    auto database = Database::open(parsed, mode);
    if (require_current_schema) Migrator(*database).require_current();
    return Store(std::move(database));
}

Store::Store(std::unique_ptr<Database> database) : database_(std::move(database)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

std::string Store::describe() const { return database_->url().redacted(); }

User Store::user(const std::string& username) {
    if (!database_->has_table("users")) {
        if (username == "system") return User{system_user_id, "system", "system", Role::system, {}, {}};
        throw NotFound(
            {fmt::format("資料庫尚未建立，沒有用戶「{}」；請先執行 dplan db init", username),
             fmt::format("the database is not set up yet, so there is no user '{}'; run 'dplan db init' first",
                         username)});
    }
    if (auto found = UserRepository(*database_).find_by_username(username)) return *found;
    throw NotFound({fmt::format("沒有用戶「{}」；管理員可用 dplan user add 建立", username),
                    fmt::format("no user '{}'; an administrator can create one with 'dplan user add'", username)});
}

}  // namespace dplan
