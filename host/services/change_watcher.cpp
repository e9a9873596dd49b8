#include "services/change_watcher.hpp"

#include <spdlog/spdlog.h>

#include "storage/change_generation.hpp"
#include "storage/change_stamp.hpp"

namespace dplan {

ChangeWatcher::ChangeWatcher(Store store, ChangeGeneration& generation, std::chrono::milliseconds interval)
    : store_(std::move(store)), generation_(generation), interval_(interval) {
    check();
    thread_ = std::thread([this] { watch(); });
}

ChangeWatcher::~ChangeWatcher() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    stop_requested_.notify_one();
    thread_.join();
}

// Twice per interval, so the next answer normally arrives before the last one's trust runs out.
void ChangeWatcher::watch() {
    std::unique_lock lock(mutex_);
    while (!stop_requested_.wait_for(lock, interval_ / 2, [this] { return stopping_; })) {
        lock.unlock();
        check();
        lock.lock();
    }
}

void ChangeWatcher::check() {
    // Taken before the question is asked: a change committed after it was asked may be missed by
    // this answer, so the answer vouches only for up to the moment of asking, plus one interval.
    const auto asked_at = ChangeGeneration::Clock::now();
    try {
        std::string stamp = change_stamp(store_.database());
        if (stamp != stamp_) {
            stamp_ = std::move(stamp);
            generation_.advance();
        }
        generation_.trust_until(asked_at + interval_);
    } catch (const Error& e) {
        // The caches go unused until a check succeeds again (trust runs out); requests read the
        // database, which reports its own trouble.
        spdlog::warn("checking the database for changes made elsewhere failed: {}", e.what());
    }
}

}  // namespace dplan
