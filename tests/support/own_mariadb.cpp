#include "support/own_mariadb.hpp"

#include <fmt/format.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <thread>

#include "support/run_command.hpp"
#include "support/test_database.hpp"

namespace dplan::testing {

std::unique_ptr<OwnMariaDb> OwnMariaDb::start(std::string& why_not) {
    const char* shared = std::getenv("DPLAN_TEST_MYSQL_URL");
    if (shared == nullptr || *shared == '\0') {
        why_not = "MariaDB tests need DPLAN_TEST_MYSQL_URL (scripts/test.sh starts a throwaway server and sets it)";
        return nullptr;
    }
    std::unique_ptr<OwnMariaDb> server(new OwnMariaDb);
    server->dir_ = make_temp_dir("dplan_own_mariadb");
    // Away from the shared server's 33306 and from each other: tests run in parallel, and two
    // servers starting at once can pick the same free port (then the second fails; try again).
    server->first_port_ = 40000 + static_cast<int>(::getpid() % 20000);
    for (int attempt = 1;; ++attempt) {
        try {
            server->url_ = server->run_script("start");
            return server;
        } catch (const std::exception& e) {
            if (attempt == 3) {
                why_not = e.what();
                return nullptr;
            }
        }
    }
}

OwnMariaDb::~OwnMariaDb() {
    try {
        if (paused_) resume();
        run_script("stop");
    } catch (const std::exception&) {
        // The folder goes below; a server left running would be found by its pid file.
    }
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
}

std::string OwnMariaDb::run_script(const char* action) const {
    const auto result =
        run_command("/bin/bash", {DPLAN_SOURCE_DIR "/scripts/mariadb-throwaway.sh", action, dir_.string()},
                    {"DPLAN_MARIADB_PORT=" + std::to_string(first_port_)});
    if (result.exit_code != 0) {
        throw std::runtime_error(std::string("mariadb-throwaway.sh ") + action + " failed: " + result.err);
    }
    std::string url = result.out;
    while (!url.empty() && (url.back() == '\n' || url.back() == '\r')) url.pop_back();
    if (const auto last_line = url.rfind('\n'); last_line != std::string::npos) url = url.substr(last_line + 1);
    return url;
}

int OwnMariaDb::pid() const {
    std::ifstream in(dir_ / "mariadbd.pid");
    int pid = 0;
    if (!(in >> pid) || pid <= 0)
        throw std::runtime_error("no pid file for the test's own MariaDB in " + dir_.string());
    return pid;
}

namespace {

// True when every thread of `pid` is stopped: SIGSTOP is delivered asynchronously, and a server
// thread still running could answer one more query after kill() returned.
bool all_threads_stopped(int pid) {
    std::error_code ec;
    for (const auto& task : std::filesystem::directory_iterator(fmt::format("/proc/{}/task", pid), ec)) {
        std::ifstream in(task.path() / "stat");
        std::string stat((std::istreambuf_iterator<char>(in)), {});
        const auto close = stat.rfind(')');  // the command name may contain spaces
        if (close == std::string::npos || close + 2 >= stat.size()) return false;
        const char state = stat[close + 2];
        if (state != 'T' && state != 't') return false;
    }
    return !ec;
}

}  // namespace

void OwnMariaDb::pause() {
    const int server = pid();
    ::kill(server, SIGSTOP);
    paused_ = true;
    for (int i = 0; i < 1000 && !all_threads_stopped(server); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (!all_threads_stopped(server)) throw std::runtime_error("the test's own MariaDB did not stop on SIGSTOP");
}

void OwnMariaDb::resume() {
    ::kill(pid(), SIGCONT);
    paused_ = false;
}

std::string OwnMariaDb::restart() {
    run_script("stop");
    url_ = run_script("start");
    return url_;
}

}  // namespace dplan::testing
