// The server's settings file (INI): a value outside what works is refused with the file, the key
// and the range, before the server starts, never taken as is (max_failures = 0 crashed the
// first sign-in).
#include "server/server_config.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "domain/error.hpp"
#include "support/test_database.hpp"

namespace dplan::server {
namespace {

std::string refusal(const std::string& settings) {
    const auto folder = testing::make_temp_dir("server-config");
    const auto file = folder / "server.ini";
    std::ofstream(file) << settings;
    ServerConfig config;
    std::string message;
    try {
        read_server_config(file, config);
    } catch (const InvalidInput& e) {
        message = e.message().en;
    }
    std::filesystem::remove_all(folder);
    return message;
}

TEST(ServerConfig, ValuesOutsideWhatWorksAreRefusedWithTheKeyAndTheRange) {
    EXPECT_NE(refusal("[sign_in]\nmax_failures = 0\n").find("sign_in.max_failures must be 1 to 1000, not 0"),
              std::string::npos);
    EXPECT_NE(refusal("[server]\nchange_check_interval_ms = 20000\n")
                  .find("server.change_check_interval_ms must be 0 to 10000, not 20000"),
              std::string::npos);
    EXPECT_NE(refusal("[sign_in]\nmax_failures = -3\n").find("must be a whole number, 0 or more"), std::string::npos);
    EXPECT_EQ(refusal("[sign_in]\nmax_failures = 3\n[server]\nchange_check_interval_ms = 0\n"), "");
}

// The deployment's settings file (docs/server.md) is what scripts/bench_server.sh measures on
// MariaDB: it must read as written.
TEST(ServerConfig, TheDeploymentsSettingsFileReadsAsDocumented) {
    ServerConfig config;
    read_server_config(std::filesystem::path(DPLAN_SOURCE_DIR) / "docs/deploy/dplan-server.ini", config);
    EXPECT_EQ(config.threads, 16u);
    EXPECT_EQ(config.change_check_interval, std::chrono::milliseconds(10));
    EXPECT_EQ(config.max_connections_per_client, 0u);
    EXPECT_EQ(config.trusted_proxies, std::vector<std::string>{"127.0.0.1"});
}

}  // namespace
}  // namespace dplan::server
