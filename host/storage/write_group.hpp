// Group commit for the server on MariaDB. Every audited write takes the audit log's head in turn,
// so while one write holds it the others wait, and the round trips and statements it makes while
// holding it add up to everyone's wait. Writes made with Database::write_together() on the
// server's connections instead queue here: the first to find no group forming leads one, taking
// every write queued by then. On its own connection it begins one transaction, takes the head's
// lock, checks every write's session and makes all their reads (each read once) in one round
// trip; runs each write's step in turn, each chaining its audit entry on from the one before; and
// sends all they wrote with one COMMIT. Meanwhile the next group queues: after a group of one or
// two has taken the head it may already form and wait for the head inside MariaDB; after a larger
// one it forms once that group is done, and so gathers more.
//
// A write refused by its own checks (not signed in, not allowed, bad input) fails alone and
// leaves the others in the group. A group the database refuses (one write's row too long for its
// column) is rolled back, and each of its writes runs again on its own connection, one at a time:
// the one at fault fails alone there, with its own message.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

#include "storage/database.hpp"

namespace dplan {

class WriteGroup {
  public:
    // One write waiting to be committed in a group.
    struct Member {
        Database* db = nullptr;  // the connection the write was made on; its thread waits meanwhile
        std::string_view what;
        const std::optional<Database::SessionToCheck>* session = nullptr;
        const std::vector<TurnRead>* reads = nullptr;
        const std::function<void(const Database::TurnRows&)>* step = nullptr;
        enum class Outcome { committed, failed, alone };
        Outcome outcome = Outcome::alone;
        std::exception_ptr error;     // when failed
        bool reached_commit = false;  // its group's COMMIT was sent with its writes in it
        bool queued = false;          // under the group's mutex: in no group yet
        bool finished = false;        // under the group's mutex: the outcome is set
    };

    // Returns once `member` was committed in a group, failed, or must run alone.
    void take_part(Member& member);

    // How many groups reached their COMMIT, and how many writes they held (for tests and logs).
    struct Counts {
        std::size_t groups = 0;
        std::size_t writes = 0;
    };
    Counts counts() const {
        const std::lock_guard lock(mutex_);
        return counts_;
    }

  private:
    // Where each write of the group stands while its leader runs it.
    struct Running {
        Member* member;
        std::vector<std::size_t> read_at;  // its reads' statements in BEGIN's batch
        bool saving = false;               // its writes are in the group's batch
    };

    // Runs `group` on `leader`'s connection and sets each member's outcome; calls `turn_taken`
    // once the group holds the audit head, or gave up. Throws nothing.
    static void lead(Database& leader, std::vector<Member*>& group, const std::function<void()>& turn_taken);
    static void run_steps(std::vector<Running>& running, const std::vector<std::optional<BatchRow>>& rows_at_turn,
                          Database::AuditHead& head, CommitBatch& batch);
    // Throws nothing but what allocation throws.
    static void commit(Database& leader, std::vector<Running>& running, CommitBatch& batch,
                       const Database::AuditHead& head);

    mutable std::mutex mutex_;
    std::condition_variable changed_;  // a group took its turn, or finished
    std::deque<Member*> queued_;
    bool forming_ = false;  // a group's leader has not taken the head yet
    Counts counts_;
};

}  // namespace dplan
