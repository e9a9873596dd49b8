// SQLite lets one writer in at a time. A second connection that asks meanwhile is told "busy",
// and SQLite's busy handler puts it to sleep in steps of 1 to 100 ms before asking again, which
// under load (the server's threads each on a connection of their own) costs far more than the
// writes. So the connections of one process to one file first take turns on a mutex, which wakes
// the next writer as soon as the last is done; only writers in other processes still meet the
// busy handler. A writer waits for its turn no longer than SQLite's own busy timeout, so a
// database held by another program fails each write after that timeout, not after one timeout per
// writer queued before it.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>

namespace dplan {

// How long a writer waits for its turn, and then for SQLite's write lock (the busy timeout).
inline constexpr std::chrono::seconds sqlite_write_wait{10};

// The mutex every connection of this process to `file` takes before it begins a write.
std::shared_ptr<std::timed_mutex> sqlite_writer_turn(const std::filesystem::path& file);

}  // namespace dplan
