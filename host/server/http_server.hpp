// The collaboration server's transport: HTTP/1.1 (or HTTPS) on Boost.Beast over Asio, a pool of
// threads, limits on request sizes, times and connections, and a graceful stop (SIGTERM/SIGINT:
// stop accepting, close idle connections, finish the requests in flight, then return).
#pragma once

#include <memory>

#include "server/api.hpp"
#include "server/server_config.hpp"

namespace dplan::server {

class HttpServer {
  public:
    // Binds the listening socket at once, so a taken port is reported before anything runs.
    HttpServer(const ServerConfig& config, Api& api);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // The port it listens on (the chosen one when the configuration asked for port 0).
    unsigned short port() const;
    // Serves until stop() or SIGTERM/SIGINT; returns when every request in flight has finished.
    void run();
    // Thread-safe: begins the graceful stop.
    void stop();

    class Impl;  // defined in http_server.cpp, with the connections it serves

  private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace dplan::server
