#include "services/change_watcher.hpp"

#include <spdlog/spdlog.h>

#include "storage/change_generation.hpp"
#include "storage/change_stamp.hpp"

namespace dplan {

ChangeWatcher::ChangeWatcher(Store store, ChangeGeneration& generation, std::chrono::microseconds interval)
    : store_(std::move(store)), generation_(generation), interval_(interval) {
    thread_ = std::thread([this] { watch(); });
}

ChangeWatcher::~ChangeWatcher() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    stop_requested_.notify_one();
    generation_.wake();
    thread_.join();
}

void ChangeWatcher::watch() {
    for (;;) {
        generation_.wait_until_wanted();
        generation_.take_wanted();
        std::unique_lock lock(mutex_);
        if (stopping_) return;
        lock.unlock();
        const auto asked_at = [this] {
            const std::lock_guard looking(looking_);
            return look(store_);
        }();
        lock.lock();
        // Half an interval after the last look was asked, not after its answer came: an answer
        // that took long (a database across the network) leaves less of its trust to look again.
        if (stop_requested_.wait_until(lock, asked_at + interval_ / 2, [this] { return stopping_; })) return;
    }
}

void ChangeWatcher::look_if_due(Store& store) noexcept {
    // The watcher looks again when half an interval of trust is left: a quarter left means it is late.
    const auto due = [this] { return !generation_.trusted_at(ChangeGeneration::Clock::now() + interval_ / 4); };
    if (!due()) return;
    const std::unique_lock looking(looking_, std::try_to_lock);
    if (!looking.owns_lock() || !due()) return;  // another looks, or just looked
    look(store);
}

ChangeGeneration::Clock::time_point ChangeWatcher::look(Store& store) {
    // Taken before asking: a change committed after the question may be missing from the answer,
    // so the answer vouches only for up to the moment of asking, plus one interval.
    const auto asked_at = ChangeGeneration::Clock::now();
    try {
        std::string stamp = change_stamp(store.database());
        if (stamp != stamp_) {
            stamp_ = std::move(stamp);
            generation_.advance();
        }
        generation_.trust_until(asked_at + interval_);
        if (failing_) spdlog::info("checking the database for changes made elsewhere works again");
        failing_ = false;
    } catch (const std::exception& e) {
        // The cache goes unused until a look succeeds again (its trust runs out); requests read
        // the database, which reports its own trouble. Said once, not at every look.
        if (!failing_) spdlog::warn("checking the database for changes made elsewhere failed: {}", e.what());
        failing_ = true;
    }
    return asked_at;
}

}  // namespace dplan
