// What the collaboration server keeps in memory between requests, so that the requests it answers
// most (is this token signed in? read this plan) need no database work while nothing changed:
// signed-in sessions with their users, and plans with their JSON. Each value is kept with the
// ChangeGeneration it was read at and is used only while that generation lasts (any audited
// write moves it on, here or, through the change watcher, in any other process).
//
// The cache holds data, never decisions: the services check every permission on each request
// exactly as they would on a freshly read value.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "domain/plan.hpp"
#include "domain/user.hpp"
#include "storage/change_generation.hpp"
#include "storage/session_repository.hpp"

namespace dplan {

template <typename Key, typename Value>
class GenerationCache {
  public:
    GenerationCache(ChangeGeneration& generation, std::size_t capacity)
        : generation_(generation), capacity_(capacity) {}

    // The generation a value read from the database now belongs to; none: do not keep it.
    std::optional<std::uint64_t> generation() const { return generation_.usable(); }

    // The value kept for `key`, if it was read in the current generation.
    std::shared_ptr<const Value> find(const Key& key) const {
        const auto now = generation_.usable();
        if (!now) return nullptr;
        std::shared_lock lock(mutex_);
        const auto found = entries_.find(key);
        if (found == entries_.end() || found->second.generation != *now) return nullptr;
        return found->second.value;
    }

    // Keeps `value`, read from the database in generation `read_in` (taken before reading).
    void keep(const Key& key, std::shared_ptr<const Value> value, std::uint64_t read_in) {
        std::unique_lock lock(mutex_);
        if (entries_.size() >= capacity_ && !entries_.contains(key)) {
            std::erase_if(entries_, [read_in](const auto& entry) { return entry.second.generation != read_in; });
            if (entries_.size() >= capacity_) entries_.clear();
        }
        entries_.insert_or_assign(key, Entry{read_in, std::move(value)});
    }

  private:
    struct Entry {
        std::uint64_t generation;
        std::shared_ptr<const Value> value;
    };

    ChangeGeneration& generation_;
    const std::size_t capacity_;
    mutable std::shared_mutex mutex_;
    std::unordered_map<Key, Entry> entries_;
};

// A plan with its JSON form (docs/plan-json.md), rendered once per change rather than per read.
struct RenderedPlan {
    Plan plan;
    std::string json;
};

class ReadCache {
  public:
    ReadCache() = default;
    ReadCache(const ReadCache&) = delete;
    ReadCache& operator=(const ReadCache&) = delete;

    // What every database connection reports its writes to, and the change watcher confirms.
    ChangeGeneration& generation() { return generation_; }
    GenerationCache<std::string, StoredSession>& sessions() { return sessions_; }  // by the token's SHA-256
    GenerationCache<std::int64_t, RenderedPlan>& plans() { return plans_; }        // by plan id

  private:
    ChangeGeneration generation_;  // first: the caches refer to it
    GenerationCache<std::string, StoredSession> sessions_{generation_, 100'000};
    GenerationCache<std::int64_t, RenderedPlan> plans_{generation_, 1'000};  // a plan's JSON may be 100 KB
};

}  // namespace dplan
