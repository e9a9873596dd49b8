// What every subcommand gets: the global options, the output language and the database.
#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "domain/bilingual.hpp"
#include "domain/user.hpp"
#include "plugins/plugin_registry.hpp"
#include "services/account_service.hpp"
#include "services/audit_service.hpp"
#include "services/collaboration.hpp"
#include "services/database_admin.hpp"
#include "services/directory_service.hpp"
#include "services/district_service.hpp"
#include "services/meeting_service.hpp"
#include "services/plan_workflow.hpp"
#include "services/programme_service.hpp"
#include "services/store.hpp"

namespace dplan::cli {

enum class OutputLanguage { zh, en, both };

struct GlobalOptions {
    std::string database_url;
    std::string option_file;
    std::string log_level = "info";
    std::string log_file;
    std::string language = "both";
    std::vector<std::string> plugin_dirs;
    std::vector<std::string> trusted_keys;
    bool allow_unsigned = false;
    std::string user = "system";
};

class Context {
  public:
    Context(std::ostream& out, std::ostream& err) : out(out), err(err) {}

    GlobalOptions options;
    std::ostream& out;
    std::ostream& err;

    OutputLanguage language() const;

    // Prints text in the chosen language(s): "zh", "en", or "zh / en".
    std::string pick(const Bilingual& text) const;

    // Opens the database named by --db (or the default). With `require_current_schema`, refuses
    // a database that is not at this binary's schema version.
    Store& store(OpenMode mode = OpenMode::must_exist, bool require_current_schema = true);

    // The services, acting as actor() on store(): the only way commands reach the data.
    PlanWorkflow plans();
    MeetingService meetings();
    ProgrammeService programmes();
    DirectoryService directory();
    DistrictService districts();
    AccountService accounts();
    CollaborationService collaboration();
    AuditService audit();
    // On a database that may not have its schema yet (db init, migrate, demo).
    DatabaseAdmin admin(OpenMode mode);

    // Loads the plugins once: the system plugin folder, then --plugin-dir folders, then
    // $DPLAN_PLUGIN_PATH (':'-separated), then the user's; trusted keys from --trusted-key and
    // the key folders (see plugins::standard_loader_options).
    plugins::PluginRegistry& plugins();
    plugins::LoaderOptions loader_options() const;

    // The user the command acts as (--user, default the local "system" account).
    const User& actor();

    // The service area's name from its plugin, or the bare id when no plugin provides it.
    Bilingual area_name(const std::string& area_id);

  private:
    std::optional<Store> store_;
    std::unique_ptr<plugins::PluginRegistry> plugins_;
    std::optional<User> actor_;
};

}  // namespace dplan::cli
