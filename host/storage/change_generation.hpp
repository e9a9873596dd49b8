// How many times this process has seen the database change, for caches of what was read from it.
// A cached value remembers the generation it was read at and is used only while the generation
// is still the same. The generation moves on after every audited write this process makes (the
// database reports it), and when a watcher sees another process's write (server/change_watcher).
//
// A cache is only as fresh as its watcher: the watcher also confirms, after each check, until
// when the generation may be trusted. Past that moment (a watcher that stopped, or a database that
// no longer answers) nothing is taken from a cache.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>

namespace dplan {

class ChangeGeneration {
  public:
    using Clock = std::chrono::steady_clock;

    // The generation caches may use now; none when it has not been confirmed recently.
    std::optional<std::uint64_t> usable() const noexcept {
        if (Clock::now().time_since_epoch().count() > trusted_until_.load(std::memory_order_acquire)) {
            return std::nullopt;
        }
        return value_.load(std::memory_order_acquire);
    }

    // Called after a change was committed (or may have been): what was cached before is stale.
    void advance() noexcept { value_.fetch_add(1, std::memory_order_acq_rel); }

    // No change but those already reported can have been made before `until`.
    void trust_until(Clock::time_point until) noexcept {
        trusted_until_.store(until.time_since_epoch().count(), std::memory_order_release);
    }

  private:
    std::atomic<std::uint64_t> value_{0};
    std::atomic<Clock::rep> trusted_until_{0};
};

}  // namespace dplan
