// Database administration: create, upgrade and inspect the schema, load the demo, and the change
// stamp the dashboard polls. Creating and upgrading are for administrators and the local system
// account; a database with no schema yet knows only the system account (services/store.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/user.hpp"

namespace dplan {

class Database;

struct SchemaReport {
    int current = 0;
    int latest = 0;
    std::vector<std::pair<int, std::string>> pending;  // version, name
};

struct DemoLoaded {
    std::int64_t plan_id = 0;
    bool created = false;  // false: it was there already and was left as it was
};

class DatabaseAdmin {
  public:
    DatabaseAdmin(Database& db, User actor);

    // Applies pending migrations up to `target` (-1: the latest). Returns the versions applied.
    std::vector<int> migrate(int target = -1);
    SchemaReport status();
    // Migrates, then loads the demo district and plan once.
    DemoLoaded load_demo();
    // Changes whenever anyone (another process too) changes what the dashboard shows.
    std::string change_stamp();

  private:
    Database& db_;
    User actor_;
};

}  // namespace dplan
