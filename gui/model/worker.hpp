// Runs every database call off the UI thread. No failure ends the worker: whatever a job, a
// reload or the poll throws becomes the error the window shows. The client is created and used on the worker's
// own thread; the UI posts jobs (reload a selection, save, import ...) and each frame picks up
// the newest snapshot, the progress of the running job and any error. While idle the worker
// checks the change stamp every second, so changes made elsewhere (the CLI, another dashboard)
// appear without a restart.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "dashboard_client.hpp"

namespace dplan::gui {

struct JobError {
    Bilingual message;
    bool conflict = false;  // a stale save: the screen offers to re-apply the user's edits
};

struct WorkerStatus {
    bool busy = false;
    Bilingual job;  // what is running
    std::size_t done = 0, total = 0;
    Bilingual finished;  // the last job that succeeded, for the status line
};

class Worker {
  public:
    using Factory = std::function<std::unique_ptr<DashboardClient>()>;
    using Job = std::function<void(DashboardClient&, const Progress&)>;

    explicit Worker(Factory factory, Selection first = {});
    ~Worker();
    Worker(const Worker&) = delete;
    Worker& operator=(const Worker&) = delete;

    void select(const Selection& selection);
    // Runs `job`, then reloads the current selection (also after a failure).
    void run(Bilingual what, Job job);

    std::shared_ptr<const Snapshot> snapshot() const;
    WorkerStatus status() const;
    std::optional<JobError> take_error();
    // True once the first snapshot is in and nothing is queued or running.
    bool idle() const;

  private:
    void loop(std::stop_token stop, Factory factory);
    void reload(DashboardClient& client);
    void fail(const JobError& error);

    mutable std::mutex mutex_;
    std::condition_variable_any wake_;
    std::deque<std::pair<Bilingual, Job>> jobs_;
    Selection selection_;
    bool reload_wanted_ = true;
    std::shared_ptr<const Snapshot> snapshot_;
    WorkerStatus status_;
    std::optional<JobError> error_;
    std::jthread thread_;
};

}  // namespace dplan::gui
