// An open plan store (SQLite or MariaDB). Front ends hold one and hand it to the services; only
// the services and storage see the database inside, so no front end can reach SQL directly.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "domain/database_url.hpp"
#include "domain/user.hpp"

namespace dplan {

class ChangeGeneration;
class Database;
class WriteGroup;

class Store {
  public:
    // Opens the database named by `url` (a password missing from it comes from
    // $DPLAN_DB_PASSWORD or the option file). With `require_current_schema`, refuses a database
    // that is not at this binary's schema version.
    static Store open(const std::string& url, OpenMode mode, const std::optional<std::filesystem::path>& option_file,
                      bool require_current_schema = true);

    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    // The URL without its password, for messages and window titles.
    std::string describe() const;

    // The acting user by sign-in name (NotFound if there is none). A database with no schema yet
    // has only the built-in system account, which only `db init` and `demo` use.
    User user(const std::string& username);

    Database& database() { return *database_; }
    // After each write that ends here, `generation` moves on (services/read_cache.hpp).
    void report_writes_to(ChangeGeneration& generation);
    // The server's connections: on MariaDB, the comments made on all the stores given the same
    // `group` are committed together (group commit, storage/write_group.hpp); the first call
    // makes the group. Nothing on SQLite, where a commit is cheap.
    void share_write_group(std::shared_ptr<WriteGroup>& group);

  private:
    explicit Store(std::unique_ptr<Database> database);
    std::unique_ptr<Database> database_;
};

}  // namespace dplan
