#include "services/database_admin.hpp"

#include "services/authorization.hpp"
#include "services/demo.hpp"
#include "storage/change_stamp.hpp"
#include "storage/database.hpp"
#include "storage/migration.hpp"

namespace dplan {

namespace {
const Subject database_subject{{}, {}, {}, {"資料庫", "the database"}};
}  // namespace

DatabaseAdmin::DatabaseAdmin(Database& db, User actor) : db_(db), actor_(std::move(actor)) {}

std::vector<int> DatabaseAdmin::migrate(int target) {
    authorize(actor_, Operation::administer_database, database_subject);
    return Migrator(db_, {actor_.id, actor_.username, actor_.origin}).migrate(target);
}

SchemaReport DatabaseAdmin::status() {
    authorize(actor_, Operation::inspect_database, database_subject);
    const SchemaStatus schema = Migrator(db_).status();
    SchemaReport report{schema.current, schema.latest, {}};
    for (const auto& migration : schema.pending) report.pending.emplace_back(migration.version, migration.name);
    return report;
}

DemoLoaded DatabaseAdmin::load_demo() {
    authorize(actor_, Operation::administer_database, database_subject);
    Migrator(db_, {actor_.id, actor_.username, actor_.origin}).migrate();
    const DemoResult result = dplan::load_demo(db_, actor_);
    return {result.plan_id, result.created};
}

std::string DatabaseAdmin::change_stamp() {
    authorize(actor_, Operation::inspect_database, database_subject);
    return dplan::change_stamp(db_);
}

}  // namespace dplan
