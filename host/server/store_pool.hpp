// Open database connections shared by the server's worker threads: a request borrows one for its
// length and gives it back. A connection is not shared by two requests at once (SOCI sessions
// are not thread-safe), and opening one per request would cost a MariaDB handshake each time.
// Each connection comes with its own plugin registry: a registry takes a plugin that fails at
// run time out of service, which is a write, so two requests never share one.
#pragma once

#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "plugins/plugin_registry.hpp"
#include "services/read_cache.hpp"
#include "services/store.hpp"

namespace dplan::server {

class StorePool {
  public:
    StorePool(const std::string& url, const std::optional<std::filesystem::path>& option_file,
              const plugins::LoaderOptions& plugin_options, std::size_t size, ReadCache* cache);

    struct Connection {
        Store store;
        std::unique_ptr<plugins::PluginRegistry> plugins;
    };

    class Lease {
      public:
        Lease(StorePool& pool, Connection connection) : pool_(&pool), connection_(std::move(connection)) {}
        Lease(Lease&& other) noexcept
            : pool_(std::exchange(other.pool_, nullptr)), connection_(std::move(other.connection_)) {}
        Lease& operator=(Lease&&) = delete;
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        ~Lease();
        Store& store() { return connection_->store; }
        plugins::PluginRegistry& plugins() { return *connection_->plugins; }

      private:
        StorePool* pool_;
        std::optional<Connection> connection_;
    };

    // Waits while every connection is lent out.
    Lease borrow();

  private:
    std::mutex mutex_;
    std::condition_variable returned_;
    std::vector<Connection> idle_;
    std::shared_ptr<WriteGroup> write_group_;  // shared by the connections (MariaDB)
};

}  // namespace dplan::server
