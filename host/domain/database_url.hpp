// Where the data lives:
//   sqlite:PATH                               the embedded default
//   mysql://USER[:PASS]@HOST[:PORT]/DB        MariaDB or MySQL (also ?socket=/path/to.sock and
//                                             &timeout=SECONDS, how long a read or write may wait)
// A MariaDB password may also come from $DPLAN_DB_PASSWORD or from the [client] section of a
// MySQL option file (--db-option-file, else ~/.my.cnf), so it never has to be on a command line.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace dplan {

enum class Dialect { sqlite, mysql };

enum class OpenMode {
    create,      // create the SQLite file (and its folder) when missing
    must_exist,  // refuse a missing SQLite file: reading commands never create empty databases
};

struct DatabaseUrl {
    Dialect dialect = Dialect::sqlite;
    std::filesystem::path sqlite_path;
    std::string user;
    std::string password;
    std::string host = "127.0.0.1";
    int port = 3306;
    std::string database;
    std::string socket;
    // A read or write that hears nothing from the server for this long fails instead of hanging.
    static constexpr int default_timeout_seconds = 30;
    int timeout_seconds = default_timeout_seconds;

    // The URL without its password, for messages and logs.
    std::string redacted() const;
};

// Throws InvalidInput explaining the accepted forms.
DatabaseUrl parse_database_url(std::string_view url);

// sqlite:<data dir>/dplan/dplan.db, with the data dir from $XDG_DATA_HOME or ~/.local/share.
std::string default_database_url();

// Fills in a missing MariaDB password from the environment or an option file.
void resolve_password(DatabaseUrl& url, const std::optional<std::filesystem::path>& option_file);

}  // namespace dplan
