// How many times this process has seen the database change, for caches of what was read from it.
// A cached value remembers the generation it was read at and is used only while the generation
// is still the same. The generation moves on after every audited write this process makes (the
// database reports it), and when the change watcher (services/change_watcher.hpp) sees a write
// made by another process.
//
// The generation is only as good as the watcher's last look: each look vouches for the database
// until a moment the watcher sets. Past it (no look lately, a database that stopped answering,
// an idle server whose watcher went to sleep) nothing is taken from a cache, and the first
// request to find it so wakes the watcher.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>

namespace dplan {

class ChangeGeneration {
  public:
    using Clock = std::chrono::steady_clock;

    // The generation caches may use now; none when no look vouches for this moment.
    std::optional<std::uint64_t> usable() noexcept {
        // Asked for: the watcher keeps looking while requests keep asking.
        if (!wanted_.load(std::memory_order_relaxed) && !wanted_.exchange(true)) wanted_.notify_one();
        if (Clock::now().time_since_epoch().count() > trusted_until_.load(std::memory_order_acquire)) {
            return std::nullopt;
        }
        return value_.load(std::memory_order_acquire);
    }

    // Called after a change was committed (or may have been): what was cached before is stale.
    void advance() noexcept { value_.fetch_add(1, std::memory_order_acq_rel); }

    // For the watcher: no change but those already reported was committed before `until`.
    void trust_until(Clock::time_point until) noexcept {
        trusted_until_.store(until.time_since_epoch().count(), std::memory_order_release);
    }

    // Whether a look vouches for the database up to `moment`.
    bool trusted_at(Clock::time_point moment) const noexcept {
        return moment.time_since_epoch().count() <= trusted_until_.load(std::memory_order_acquire);
    }

    // For the watcher: true (and reset) if a cache was asked for since the last call.
    bool take_wanted() noexcept { return wanted_.exchange(false); }
    // For the watcher: sleeps until a cache is asked for (or wake() is called).
    void wait_until_wanted() const noexcept { wanted_.wait(false); }
    void wake() noexcept {
        wanted_.store(true);
        wanted_.notify_one();
    }

  private:
    std::atomic<std::uint64_t> value_{0};
    std::atomic<Clock::rep> trusted_until_{0};
    std::atomic<bool> wanted_{false};
};

}  // namespace dplan
