// Keeps a server process's cache (services/read_cache.hpp) honest about changes it did not make:
// another server process behind the same proxy, or an administrator's `dplan` in direct database
// mode. A thread of its own reads the database's change stamp (the audit log's head) twice per
// `interval` on a connection of its own; when the stamp moved, the cache's generation moves on.
// An answer vouches for the moment it was asked plus one interval: so a cached value is never
// used more than `interval` after another process changed the database, and a check that fails or
// hangs stops the caches from being used instead of letting them grow old.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "services/store.hpp"

namespace dplan {

class ChangeGeneration;

class ChangeWatcher {
  public:
    // Checks once before returning, so the cache is usable from the first request.
    ChangeWatcher(Store store, ChangeGeneration& generation, std::chrono::milliseconds interval);
    ~ChangeWatcher();
    ChangeWatcher(const ChangeWatcher&) = delete;
    ChangeWatcher& operator=(const ChangeWatcher&) = delete;

  private:
    void check();
    void watch();

    Store store_;
    ChangeGeneration& generation_;
    std::chrono::milliseconds interval_;
    std::string stamp_;
    std::mutex mutex_;
    std::condition_variable stop_requested_;
    bool stopping_ = false;
    std::thread thread_;  // last: started once everything above is ready
};

}  // namespace dplan
