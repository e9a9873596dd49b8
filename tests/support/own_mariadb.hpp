// A MariaDB server of one test's own, started with scripts/mariadb-throwaway.sh in a temporary
// folder, so the test can pause it (SIGSTOP: a network that stops answering), resume it, and
// stop and start it again without disturbing the server every other test shares.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

namespace dplan::testing {

class OwnMariaDb {
  public:
    // nullptr with `why_not` set when MariaDB tests are not wanted here (no DPLAN_TEST_MYSQL_URL,
    // as for every MariaDB test) or the server did not start.
    static std::unique_ptr<OwnMariaDb> start(std::string& why_not);
    ~OwnMariaDb();
    OwnMariaDb(const OwnMariaDb&) = delete;
    OwnMariaDb& operator=(const OwnMariaDb&) = delete;

    // mysql://dplan_test:dplan_test@127.0.0.1:PORT/dplan_test
    const std::string& url() const { return url_; }

    void pause();   // SIGSTOP: connections stay open, nothing answers
    void resume();  // SIGCONT
    // Stops the server and starts it again on the same data and port; returns the new URL.
    std::string restart();

  private:
    OwnMariaDb() = default;
    int pid() const;
    std::string run_script(const char* action) const;

    std::filesystem::path dir_;
    std::string url_;
    int first_port_ = 0;
    bool paused_ = false;
};

}  // namespace dplan::testing
