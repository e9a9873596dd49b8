// Keeps a server process's cache (services/read_cache.hpp) honest about changes it did not make:
// another server process behind the same proxy, or an administrator's `dplan` in direct database
// mode (a password reset, a disabled account). A thread of its own reads the database's change
// stamp (the audit log's head) on a connection of its own; when the stamp moved, the cache's
// generation moves on.
//
// Each look vouches for the moment it was asked plus one `interval`, and while requests use the
// cache the watcher looks twice per interval. So a cached value is never used more than
// `interval` after another process committed a change; a look that fails or hangs stops the
// cache from being used instead of letting it grow old. With no requests the watcher sleeps, and
// the first request after (answered from the database) wakes it.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "services/store.hpp"
#include "storage/change_generation.hpp"

namespace dplan {

class ChangeGeneration;

class ChangeWatcher {
  public:
    ChangeWatcher(Store store, ChangeGeneration& generation, std::chrono::microseconds interval);
    ~ChangeWatcher();
    ChangeWatcher(const ChangeWatcher&) = delete;
    ChangeWatcher& operator=(const ChangeWatcher&) = delete;

  private:
    // Returns when it asked (the database's answer vouches for no later moment).
    ChangeGeneration::Clock::time_point look();
    void watch();

    Store store_;
    ChangeGeneration& generation_;
    std::chrono::microseconds interval_;
    std::string stamp_;
    bool failing_ = false;  // the last look failed
    std::mutex mutex_;
    std::condition_variable stop_requested_;
    bool stopping_ = false;  // guarded by mutex_
    std::thread thread_;     // last: started once everything above is ready
};

}  // namespace dplan
