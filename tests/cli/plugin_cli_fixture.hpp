// The dplan binary run as a user would, with the five plugins signed by a key of the test's own,
// and (PlanImportCli) a demo database.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "domain/user.hpp"
#include "plugins/plugin_fixture.hpp"
#include "storage/migration.hpp"
#include "storage/plan_repository.hpp"
#include "support/arrange.hpp"
#include "support/run_command.hpp"
#include "support/sample_plan.hpp"

namespace dplan {

using testing::CommandResult;

class PluginCli : public testing::PluginFolderTest {
  protected:
    CommandResult dplan(std::vector<std::string> arguments) { return dplan_with(std::move(arguments), {}); }

    // With more environment entries ("NAME=value"); `trust_test_key`: pass --trusted-key with the
    // test's key.
    CommandResult dplan_with(std::vector<std::string> arguments, std::vector<std::string> environment,
                             bool trust_test_key = true) {
        std::vector<std::string> all{"--lang", "en", "--plugin-dir", folder.string()};
        if (trust_test_key) all.insert(all.end(), {"--trusted-key", key.public_key_file.string()});
        all.insert(all.end(), arguments.begin(), arguments.end());
        environment.insert(environment.end(), {"HOME=" + root.string(), "XDG_DATA_HOME=" + (root / "data").string(),
                                               "XDG_CONFIG_HOME=" + (root / "config").string(),
                                               "XDG_STATE_HOME=" + (root / "state").string()});
        return testing::run_command(DPLAN_EXECUTABLE, all, environment);
    }

    void sign_with_cli() {
        for (const char* area : testing::standard_areas) {
            const auto result =
                dplan({"plugin", "sign", (folder / area).string(), "--key", key.secret_key_file.string()});
            ASSERT_EQ(result.exit_code, 0) << result.err;
        }
    }

    std::string database_with(const Plan& plan) {
        const auto url = "sqlite:" + (root / "plans.db").string();
        auto db = Database::open(parse_database_url(url), OpenMode::create);
        Migrator(*db).migrate();
        Plan stored = plan;
        stored.district_id = testing::create_sample_district(*db);
        // Straight into storage: the plan may hold what the plan service would refuse.
        testing::arrange(*db, [&] { return PlanRepository(*db).create(stored, system_user_id, "test"); });
        return url;
    }
};

class PlanImportCli : public PluginCli {
  protected:
    void SetUp() override {
        PluginCli::SetUp();
        sign_with_cli();
        url = "sqlite:" + (root / "import.db").string();
        ASSERT_EQ(dplan({"--db", url, "demo"}).exit_code, 0);
    }
    int plan_count() {
        const auto result = dplan({"--db", url, "plan", "list"});
        return static_cast<int>(std::count(result.out.begin(), result.out.end(), '\n'));
    }
    std::string url;
};

}  // namespace dplan
