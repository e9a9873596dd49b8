// How `dplan serve` runs: where it listens, TLS, the limits that keep one client from holding the
// server, and the sign-in policy. Read from `--config FILE` (INI, through Boost.PropertyTree),
// then overridden by command-line options; docs/server.md lists every key.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "services/sign_in.hpp"

namespace dplan::server {

struct ServerConfig {
    std::string database_url;
    std::string listen = "127.0.0.1:8080";  // address:port; port 0 picks a free one
    std::filesystem::path tls_certificate;  // both set: HTTPS only
    std::filesystem::path tls_private_key;
    std::size_t threads = 0;  // 0: one per core
    std::size_t max_connections = 512;
    // From one client address; 0: no limit (behind a reverse proxy every client has its address,
    // so limit there instead: nginx limit_conn).
    std::size_t max_connections_per_client = 64;
    std::size_t max_body_bytes = 8 * 1024 * 1024;  // a whole plan's JSON fits
    std::size_t max_header_bytes = 16 * 1024;
    std::chrono::seconds read_timeout{30};    // to receive a whole request once it has begun
    std::chrono::seconds idle_timeout{60};    // a kept-alive connection with no request
    std::chrono::seconds shutdown_grace{30};  // for requests in flight after SIGTERM
    std::chrono::milliseconds failed_sign_in_delay{1000};
    // Reads find sessions and plans in memory while the database has not changed. A change made
    // elsewhere (another server process, dplan in direct mode) is seen within this interval; this
    // process's own changes at once; writes always check the session in the database.
    // 0: no cache, every request reads the database. 2 ms: at 1 ms a busy two-core machine woke the
    // watcher late so often that reads fell through to the database (bench/README.md).
    std::chrono::milliseconds change_check_interval{2};
    // The reverse proxies whose X-Forwarded-For is believed for the client's address.
    std::vector<std::string> trusted_proxies;
    SignInPolicy sign_in;
};

// Reads an INI file into `config` (keys it does not have stay as they are). Throws InvalidInput
// naming the file, the key and what was expected.
void read_server_config(const std::filesystem::path& file, ServerConfig& config);

// "127.0.0.1:8080" or "[::1]:8080" into address and port; InvalidInput otherwise.
std::pair<std::string, unsigned short> split_listen_address(const std::string& listen);

}  // namespace dplan::server
