#include "services/store.hpp"

#include <fmt/format.h>
#include <pwd.h>
#include <unistd.h>

#include <array>

#include "services/authorization.hpp"
#include "storage/database.hpp"
#include "storage/migration.hpp"
#include "storage/user_repository.hpp"
#include "storage/write_group.hpp"

namespace dplan {

Store Store::open(const std::string& url, OpenMode mode, const std::optional<std::filesystem::path>& option_file,
                  bool require_current_schema) {
    DatabaseUrl parsed = parse_database_url(url);
    resolve_password(parsed, option_file);
    auto database = Database::open(parsed, mode);
    if (require_current_schema) Migrator(*database).require_current();
    return Store(std::move(database));
}

namespace {

// Direct database mode: whoever runs the program on this machine, for the audit log's "from where".
// --user names the account acted as, which needs no password here (the database's own
// credentials are the trust boundary), so the login and host are what tell who really did it.
std::string local_origin() {
    const passwd* account = getpwuid(geteuid());
    std::array<char, 256> host{};
    if (gethostname(host.data(), host.size() - 1) != 0) host[0] = '\0';
    std::string origin =
        fmt::format("local:{}@{}", account != nullptr ? account->pw_name : std::to_string(geteuid()), host.data());
    // Login and host names are ASCII where they are sane; other bytes (a host name that is not
    // UTF-8) would make every write's audit entry fail to store.
    for (char& c : origin) {
        if (c < 0x20 || c > 0x7e) c = '?';
    }
    return origin;
}

}  // namespace

Store::Store(std::unique_ptr<Database> database) : database_(std::move(database)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

std::string Store::describe() const { return database_->url().redacted(); }

void Store::report_writes_to(ChangeGeneration& generation) { database_->report_writes_to(&generation); }

void Store::share_write_group(std::shared_ptr<WriteGroup>& group) {
    if (database_->dialect() != Dialect::mysql) return;
    if (!group) group = std::make_shared<WriteGroup>();
    database_->commit_together_through(group);
}

User Store::user(const std::string& username) {
    // The built-in account is the same row in every database; answering without a query lets
    // `db migrate` act as it on a database whose users table is not yet at this binary's schema.
    if (username == "system") {
        User system = system_user();
        system.origin = local_origin();
        return system;
    }
    if (!database_->has_table("users")) {
        throw NotFound(
            {fmt::format("資料庫尚未建立，沒有用戶「{}」；請先執行 dplan db init", username),
             fmt::format("the database is not set up yet, so there is no user '{}'; run 'dplan db init' first",
                         username)});
    }
    if (auto found = UserRepository(*database_).find_by_username(username)) {
        if (UserRepository(*database_).is_disabled(found->id)) {
            throw PermissionDenied({fmt::format("用戶「{}」已停用，不可再操作", username),
                                    fmt::format("user '{}' is disabled and may no longer act", username)});
        }
        User user = *found;
        user.origin = local_origin();
        return user;
    }
    throw NotFound({fmt::format("沒有用戶「{}」；管理員可用 dplan user add 建立", username),
                    fmt::format("no user '{}'; an administrator can create one with 'dplan user add'", username)});
}

}  // namespace dplan
