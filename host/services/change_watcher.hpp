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
//
// A busy server's request threads can keep the watcher's thread from running in time (16 threads
// on 2 cores: its 1 ms looks came late, the trust ran out, and 1 read in 5 went to the database).
// So a request that finds the trust about to run out (less than a quarter of an interval left:
// the watcher is late) looks itself, on its own connection, before it reads: one at a time, the
// others still covered by the last look.
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

    // For a request about to read: when no look vouches for a quarter interval from now, looks on
    // `store` (the request's own connection) unless another look is under way. Throws nothing: a
    // look that fails leaves the cache unused, and the request's reads report the database's
    // trouble.
    void look_if_due(Store& store) noexcept;

  private:
    // Looks on `store`, with looking_ held. Returns when it asked (the database's answer vouches
    // for no later moment).
    ChangeGeneration::Clock::time_point look(Store& store);
    void watch();

    Store store_;
    ChangeGeneration& generation_;
    std::chrono::microseconds interval_;
    std::mutex looking_;    // one look at a time, the watcher's or a request's
    std::string stamp_;     // guarded by looking_
    bool failing_ = false;  // guarded by looking_: the last look failed
    std::mutex mutex_;
    std::condition_variable stop_requested_;
    bool stopping_ = false;  // guarded by mutex_
    std::thread thread_;     // last: started once everything above is ready
};

}  // namespace dplan
