#include "support/run_command.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstring>
#include <stdexcept>

extern char** environ;

namespace dplan::testing {

namespace {
std::string drain(int fd) {
    std::string text;
    std::array<char, 4096> buffer{};
    ssize_t n = 0;
    while ((n = read(fd, buffer.data(), buffer.size())) > 0) text.append(buffer.data(), n);
    close(fd);
    return text;
}
}  // namespace

CommandResult run_command(const std::string& program, const std::vector<std::string>& arguments,
                          const std::vector<std::string>& environment) {
    // stdout and stderr go to temporary files so neither pipe can fill up and block the child.
    char out_name[] = "/tmp/dplan_out_XXXXXX";
    char err_name[] = "/tmp/dplan_err_XXXXXX";
    const int out_fd = mkstemp(out_name);
    const int err_fd = mkstemp(err_name);
    if (out_fd < 0 || err_fd < 0) throw std::runtime_error("cannot create temporary files");

    std::vector<char*> argv{const_cast<char*>(program.c_str())};
    for (const auto& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    // getenv() takes the first of two entries with one name, so an override must replace the
    // inherited entry, not follow it.
    auto name_of = [](const std::string& entry) { return entry.substr(0, entry.find('=')); };
    std::vector<std::string> env_strings;
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string inherited(*e);
        bool overridden = false;
        for (const auto& entry : environment) overridden = overridden || name_of(entry) == name_of(inherited);
        if (!overridden) env_strings.push_back(inherited);
    }
    for (const auto& entry : environment) {
        if (entry.find('=') != std::string::npos) env_strings.push_back(entry);
    }
    std::vector<char*> envp;
    for (auto& entry : env_strings) envp.push_back(entry.data());
    envp.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out_fd, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err_fd, STDERR_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) throw std::runtime_error("cannot start " + program + ": " + std::strerror(spawned));

    int status = 0;
    waitpid(pid, &status, 0);
    CommandResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    lseek(out_fd, 0, SEEK_SET);
    lseek(err_fd, 0, SEEK_SET);
    result.out = drain(out_fd);
    result.err = drain(err_fd);
    unlink(out_name);
    unlink(err_name);
    return result;
}

}  // namespace dplan::testing
