#include "domain/database_url.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <fstream>

#include "domain/error.hpp"

namespace dplan {

namespace {

// The URL as typed, with anything that may be a password replaced by "****": a message about a
// malformed URL must not leak the password it carries, even when the URL is too broken to parse.
// Everything between the first ':' of the credentials and the last '@' is hidden; without an '@',
// a "port" that is not a number may be a password whose host was forgotten (mysql://user:secret/db).
std::string hide_password(std::string_view url) {
    const auto scheme_end = url.find("://");
    if (scheme_end == std::string_view::npos) return std::string(url);
    const std::string_view scheme = url.substr(0, scheme_end + 3);
    const std::string_view rest = url.substr(scheme_end + 3);
    if (const auto at = rest.rfind('@'); at != std::string_view::npos) {
        const std::string_view credentials = rest.substr(0, at);
        const auto colon = credentials.find(':');
        if (colon == std::string_view::npos) return std::string(url);
        return fmt::format("{}{}:****{}", scheme, credentials.substr(0, colon), rest.substr(at));
    }
    const std::string_view authority = rest.substr(0, rest.find_first_of("/?"));
    const auto colon = authority.rfind(':');
    if (colon == std::string_view::npos) return std::string(url);
    const std::string_view port = authority.substr(colon + 1);
    if (std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::string(url);
    return fmt::format("{}{}:****{}", scheme, authority.substr(0, colon), rest.substr(authority.size()));
}

[[noreturn]] void bad_url(std::string_view url, std::string_view problem) {
    const std::string shown = hide_password(url);
    throw InvalidInput({fmt::format("資料庫位址「{}」不正確（{}）。可用格式：sqlite:路徑 或 "
                                    "mysql://用戶:密碼@主機:埠/資料庫",
                                    shown, problem),
                        fmt::format("database URL '{}' is not valid ({}). Use sqlite:PATH or "
                                    "mysql://USER:PASS@HOST:PORT/DB",
                                    shown, problem)});
}

// ?timeout=SECONDS: how long a read or write may wait for the server.
int parse_timeout(std::string_view url, std::string_view text) {
    int seconds = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
    if (ec != std::errc{} || ptr != text.data() + text.size() || seconds < 1 || seconds > 3600) {
        bad_url(url, "timeout must be a number of seconds from 1 to 3600");
    }
    return seconds;
}

// %XX escapes let a password or user name contain ':', '@' or '/'.
std::string percent_decode(std::string_view url, std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        unsigned value = 0;
        if (i + 2 >= text.size()) bad_url(url, "incomplete %-escape");
        auto [ptr, ec] = std::from_chars(text.data() + i + 1, text.data() + i + 3, value, 16);
        if (ec != std::errc{} || ptr != text.data() + i + 3) bad_url(url, "bad %-escape");
        out += static_cast<char>(value);
        i += 2;
    }
    return out;
}

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r");
    return std::string(text.substr(first, last - first + 1));
}

std::optional<std::string> password_from_option_file(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) return std::nullopt;
    std::string line;
    bool in_client = false;
    while (std::getline(in, line)) {
        const std::string text = trim(line);
        if (text.empty() || text[0] == '#' || text[0] == ';') continue;
        if (text.front() == '[') {
            in_client = text == "[client]" || text == "[dplan]";
            continue;
        }
        const auto equals = text.find('=');
        if (!in_client || equals == std::string::npos) continue;
        if (trim(text.substr(0, equals)) != "password") continue;
        std::string value = trim(text.substr(equals + 1));
        if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) {
            value = value.substr(1, value.size() - 2);
        }
        return value;
    }
    return std::nullopt;
}

}  // namespace

std::string DatabaseUrl::redacted() const {
    if (dialect == Dialect::sqlite) return "sqlite:" + sqlite_path.string();
    std::string text = fmt::format("mysql://{}@{}:{}/{}", user, host, port, database);
    char separator = '?';
    if (!socket.empty()) {
        text += separator + ("socket=" + socket);
        separator = '&';
    }
    if (timeout_seconds != default_timeout_seconds) text += fmt::format("{}timeout={}", separator, timeout_seconds);
    return text;
}

DatabaseUrl parse_database_url(std::string_view url) {
    DatabaseUrl result;
    if (url.starts_with("sqlite:")) {
        std::string_view path = url.substr(7);
        if (path.starts_with("//")) path.remove_prefix(2);  // also accept sqlite://PATH
        if (path.empty()) bad_url(url, "no file path after sqlite:");
        result.dialect = Dialect::sqlite;
        result.sqlite_path = std::filesystem::path(std::string(path));
        return result;
    }
    if (!url.starts_with("mysql://") && !url.starts_with("mariadb://")) {
        bad_url(url, "unknown scheme");
    }
    result.dialect = Dialect::mysql;
    std::string_view rest = url.substr(url.find("://") + 3);

    std::string_view query;
    if (const auto q = rest.find('?'); q != std::string_view::npos) {
        query = rest.substr(q + 1);
        rest = rest.substr(0, q);
    }
    const auto slash = rest.find('/');
    if (slash == std::string_view::npos || slash + 1 == rest.size()) bad_url(url, "no database name");
    result.database = percent_decode(url, rest.substr(slash + 1));
    std::string_view authority = rest.substr(0, slash);

    if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
        std::string_view credentials = authority.substr(0, at);
        authority = authority.substr(at + 1);
        if (const auto colon = credentials.find(':'); colon != std::string_view::npos) {
            result.user = percent_decode(url, credentials.substr(0, colon));
            result.password = percent_decode(url, credentials.substr(colon + 1));
        } else {
            result.user = percent_decode(url, credentials);
        }
    }
    if (const auto colon = authority.rfind(':'); colon != std::string_view::npos) {
        const std::string_view port = authority.substr(colon + 1);
        auto [ptr, ec] = std::from_chars(port.data(), port.data() + port.size(), result.port);
        if (ec != std::errc{} || ptr != port.data() + port.size() || result.port <= 0 || result.port > 65535) {
            bad_url(url, "port must be a number from 1 to 65535");
        }
        authority = authority.substr(0, colon);
    }
    if (!authority.empty()) result.host = std::string(authority);
    while (!query.empty()) {
        const auto amp = query.find('&');
        const std::string_view option = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        if (option.starts_with("socket=")) {
            result.socket = percent_decode(url, option.substr(7));
        } else if (option.starts_with("timeout=")) {
            result.timeout_seconds = parse_timeout(url, option.substr(8));
        } else {
            bad_url(url, "the options are ?socket=PATH and &timeout=SECONDS");
        }
    }
    return result;
}

std::string default_database_url() {
    std::filesystem::path data_home;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg != '\0') {
        data_home = xdg;
    } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
        data_home = std::filesystem::path(home) / ".local" / "share";
    } else {
        data_home = ".";
    }
    return "sqlite:" + (data_home / "dplan" / "dplan.db").string();
}

void resolve_password(DatabaseUrl& url, const std::optional<std::filesystem::path>& option_file) {
    if (url.dialect != Dialect::mysql || !url.password.empty()) return;
    if (const char* env = std::getenv("DPLAN_DB_PASSWORD"); env != nullptr && *env != '\0') {
        url.password = env;
        return;
    }
    std::filesystem::path file;
    if (option_file) {
        file = *option_file;
        if (!std::filesystem::exists(file)) {
            throw InvalidInput({fmt::format("找不到選項檔「{}」", file.string()),
                                fmt::format("option file '{}' does not exist", file.string())});
        }
    } else if (const char* home = std::getenv("HOME"); home != nullptr) {
        file = std::filesystem::path(home) / ".my.cnf";
    }
    if (auto password = password_from_option_file(file)) url.password = *password;
}

}  // namespace dplan
