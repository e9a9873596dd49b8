// SQLite lets one writer in at a time. A second connection that asks meanwhile is told "busy",
// and SQLite's busy handler puts it to sleep in steps of 1 to 100 ms before asking again, which
// under load (the server's threads each on a connection of their own) costs far more than the
// writes. So the connections of one process to one file first take turns here, which wakes the
// next writer as soon as the last is done; only writers in other processes still meet the busy
// handler. A writer waits for its turn no longer than SQLite's own busy timeout, so a database
// held by another program fails each write after that timeout, not after one timeout per writer
// queued before it.
//
// (A condition variable rather than std::timed_mutex: ThreadSanitizer does not see the lock that
// timed_mutex::try_lock_for takes, and the tsan preset must stay free of false reports.)
#pragma once

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <utility>

namespace dplan {

// How long a writer waits for its turn, and then for SQLite's write lock (the busy timeout).
inline constexpr std::chrono::seconds sqlite_write_wait{10};

class SqliteWriterTurn {
  public:
    // The turn, held until this goes away; empty when the turn did not come in time.
    class Held {
      public:
        Held() = default;
        explicit Held(SqliteWriterTurn& turn) : turn_(&turn) {}
        Held(Held&& other) noexcept : turn_(std::exchange(other.turn_, nullptr)) {}
        Held& operator=(Held&& other) noexcept {
            std::swap(turn_, other.turn_);
            return *this;
        }
        Held(const Held&) = delete;
        Held& operator=(const Held&) = delete;
        ~Held() {
            if (turn_ != nullptr) turn_->give_back();
        }
        explicit operator bool() const { return turn_ != nullptr; }

      private:
        SqliteWriterTurn* turn_ = nullptr;
    };

    Held take(std::chrono::steady_clock::duration wait);

  private:
    void give_back();

    std::mutex mutex_;
    std::condition_variable given_back_;
    bool taken_ = false;
};

// The turn every connection of this process to `file` takes before it begins a write.
std::shared_ptr<SqliteWriterTurn> sqlite_writer_turn(const std::filesystem::path& file);

}  // namespace dplan
