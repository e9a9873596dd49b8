#include "worker.hpp"

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

void Worker::loop(std::stop_token stop, Factory factory) {
    std::unique_ptr<DashboardClient> client;
    auto fail = [&](const Bilingual& message, bool conflict) {
        spdlog::error("dashboard: {}", message.en);
        const std::lock_guard lock(mutex_);
        error_ = JobError{message, conflict};
        status_ = {};
    };
    try {
        client = factory();
    } catch (const Error& e) {
        fail(e.message(), false);
        return;
    } catch (const std::exception& e) {
        fail({e.what(), e.what()}, false);
        return;
    }
    std::string stamp;
    while (!stop.stop_requested()) {
        std::optional<std::pair<Bilingual, Job>> job;
        bool reload_now = false;
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
        } catch (const Conflict& e) {
            fail(e.message(), true);
            if (job) reload(*client);
        } catch (const Error& e) {
            fail(e.message(), false);
            try {
                if (job) reload(*client);
            } catch (const Error&) {
            }
        } catch (const std::exception& e) {
            fail({e.what(), e.what()}, false);
        }
    }
}

}  // namespace dplan::gui
