#include "server/server_process.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <thread>

namespace dplan::testing {

ServerProcess::ServerProcess(const std::string& database_url, const std::vector<std::string>& arguments) {
    int pipe_ends[2];
    if (::pipe(pipe_ends) != 0) throw std::runtime_error("pipe failed");
    std::vector<std::string> words{DPLAN_EXECUTABLE,
                                   "--db",
                                   database_url,
                                   "--log-level",
                                   "warn",
                                   "--lang",
                                   "en",
                                   "--plugin-dir",
                                   DPLAN_BUILT_PLUGIN_DIR,
                                   "--allow-unsigned",
                                   "serve",
                                   "--listen",
                                   "127.0.0.1:0",
                                   "--threads",
                                   "4"};
    words.insert(words.end(), arguments.begin(), arguments.end());
    pid_ = ::fork();
    if (pid_ == 0) {
        ::dup2(pipe_ends[1], STDOUT_FILENO);
        ::dup2(pipe_ends[1], STDERR_FILENO);
        ::close(pipe_ends[0]);
        std::vector<char*> argv;
        for (auto& word : words) argv.push_back(word.data());
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(pipe_ends[1]);
    output_ = pipe_ends[0];
    std::string printed;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
        pollfd ready{output_, POLLIN, 0};
        if (::poll(&ready, 1, 1000) <= 0) continue;
        char buffer[512];
        const auto got = ::read(output_, buffer, sizeof buffer);
        if (got <= 0) break;
        printed.append(buffer, static_cast<std::size_t>(got));
        const auto at = printed.find("port ");
        if (at != std::string::npos && printed.find('\n', at) != std::string::npos) {
            port_ = static_cast<unsigned short>(std::stoi(printed.substr(at + 5)));
            return;
        }
    }
    stop();
    throw std::runtime_error("dplan serve did not start: " + printed);
}

int ServerProcess::stop() {
    if (pid_ <= 0) return -1;
    ::kill(pid_, SIGTERM);
    int status = 0;
    for (int waited = 0; waited < 400; ++waited) {
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            ::close(output_);
            return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    ::close(output_);
    return -1;
}

ServerProcess::~ServerProcess() { stop(); }

}  // namespace dplan::testing
