// A real `dplan serve` process for black-box tests: started on a free port of the loopback
// interface, stopped with SIGTERM (the way systemd stops it) when the test ends.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace dplan::testing {

class ServerProcess {
  public:
    // `arguments` come after `dplan --db URL serve --listen 127.0.0.1:0`. Waits until the server
    // prints the port it listens on; throws with what it printed if it exits first.
    ServerProcess(const std::string& database_url, const std::vector<std::string>& arguments = {});
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    unsigned short port() const { return port_; }
    // Sends SIGTERM and waits: the exit status, or -1 when it had to be killed.
    int stop();

  private:
    pid_t pid_ = -1;
    int output_ = -1;
    unsigned short port_ = 0;
};

}  // namespace dplan::testing
