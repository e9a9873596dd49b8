#include "worker.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>

namespace dplan::gui {

Worker::Worker(Factory factory, Selection first) : selection_(first) {
    thread_ = std::jthread([this, factory = std::move(factory)](std::stop_token stop) { loop(stop, factory); });
}

Worker::~Worker() {
    thread_.request_stop();
    wake_.notify_all();
}

void Worker::select(const Selection& selection) {
    {
        const std::lock_guard lock(mutex_);
        selection_ = selection;
        reload_wanted_ = true;
    }
    wake_.notify_all();
}

void Worker::run(Bilingual what, Job job) {
    {
        const std::lock_guard lock(mutex_);
        jobs_.emplace_back(std::move(what), std::move(job));
    }
    wake_.notify_all();
}

std::shared_ptr<const Snapshot> Worker::snapshot() const {
    const std::lock_guard lock(mutex_);
    return snapshot_;
}

WorkerStatus Worker::status() const {
    const std::lock_guard lock(mutex_);
    return status_;
}

std::optional<JobError> Worker::take_error() {
    const std::lock_guard lock(mutex_);
    auto error = std::move(error_);
    error_.reset();
    return error;
}

bool Worker::idle() const {
    const std::lock_guard lock(mutex_);
    return snapshot_ && jobs_.empty() && !reload_wanted_ && !status_.busy;
}

void Worker::reload(DashboardClient& client) {
    Selection selection;
    {
        const std::lock_guard lock(mutex_);
        selection = selection_;
        reload_wanted_ = false;
        status_ = {true, {"載入中", "Loading"}, 0, 0, status_.finished};
    }
    auto loaded = std::make_shared<const Snapshot>(client.load(selection));
    const std::lock_guard lock(mutex_);
    snapshot_ = std::move(loaded);
    status_ = {false, {}, 0, 0, status_.finished};
}

namespace {

// Whatever a job, a reload or the poll throws, as a message for the window: the worker thread
// must never end on an exception (std::terminate would take the window down with it).
JobError describe(const std::exception_ptr& failure) {
    try {
        std::rethrow_exception(failure);
    } catch (const Conflict& e) {
        return {e.message(), true};
    } catch (const Error& e) {
        return {e.message(), false};
    } catch (const std::exception& e) {
        return {{fmt::format("發生意外錯誤：{}。詳情已寫入記錄檔。", e.what()),
                 fmt::format("unexpected error: {}; the details are in the log file", e.what())},
                false};
    } catch (...) {
        return {{"發生不明錯誤。詳情已寫入記錄檔。", "unknown error; the details are in the log file"}, false};
    }
}

}  // namespace

void Worker::fail(const JobError& error) {
    spdlog::error("dashboard: {}", error.message.en);
    const std::lock_guard lock(mutex_);
    error_ = error;
    status_ = {};
}

void Worker::loop(std::stop_token stop, Factory factory) {
    std::unique_ptr<DashboardClient> client;
    try {
        client = factory();
    } catch (...) {
        fail(describe(std::current_exception()));
        return;
    }
    std::string stamp;
    // The poll runs every second: a database that stays unreachable is reported once, not every
    // second, until a poll succeeds again.
    std::optional<std::string> poll_failure;
    while (!stop.stop_requested()) {
        std::optional<std::pair<Bilingual, Job>> job;
        bool reload_now = false;
        bool job_done = false, job_failed = false;
        {
            std::unique_lock lock(mutex_);
            wake_.wait_for(lock, stop, std::chrono::seconds(1), [&] { return !jobs_.empty() || reload_wanted_; });
            if (stop.stop_requested()) break;
            if (!jobs_.empty()) {
                job = std::move(jobs_.front());
                jobs_.pop_front();
                status_ = {true, job->first, 0, 0, {}};
            }
            reload_now = reload_wanted_;
        }
        try {
            if (job) {
                job->second(*client, [this](std::size_t done, std::size_t total) {
                    const std::lock_guard lock(mutex_);
                    status_.done = done;
                    status_.total = total;
                });
                job_done = true;
                {
                    const std::lock_guard lock(mutex_);
                    status_.finished = {"完成：" + job->first.zh, "Done: " + job->first.en};
                }
                reload_now = true;
            }
            if (!reload_now) {
                const std::string current = client->change_stamp();
                reload_now = !stamp.empty() && current != stamp;
                stamp = current;
            }
            if (reload_now) {
                reload(*client);
                stamp = snapshot()->change_stamp;
            }
            poll_failure.reset();
        } catch (...) {
            const JobError error = describe(std::current_exception());
            job_failed = job.has_value() && !job_done;
            if (job || poll_failure != error.message.en) fail(error);
            if (!job) poll_failure = error.message.en;
        }
        if (!job_failed) continue;
        // After a failed job the window shows what is stored now (after a conflict: the other
        // person's save). That reload can fail too, when the database went away meanwhile.
        try {
            reload(*client);
        } catch (...) {
            fail(describe(std::current_exception()));
        }
    }
}

}  // namespace dplan::gui
