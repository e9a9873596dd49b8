#include "server/server_config.hpp"

#include <fmt/format.h>

#include <boost/property_tree/ini_parser.hpp>
#include <boost/property_tree/ptree.hpp>
#include <charconv>

#include "domain/error.hpp"

namespace dplan::server {

namespace {

class ConfigReader {
  public:
    ConfigReader(const std::filesystem::path& file, const boost::property_tree::ptree& tree)
        : file_(file), tree_(tree) {}

    void text(const char* key, std::string& value) const {
        if (const auto found = tree_.get_optional<std::string>(key)) value = *found;
    }
    void path(const char* key, std::filesystem::path& value) const {
        if (const auto found = tree_.get_optional<std::string>(key)) value = *found;
    }
    template <typename Number>
    void number(const char* key, Number& value) const {
        const auto found = tree_.get_optional<std::string>(key);
        if (!found) return;
        long long parsed = 0;
        const auto [end, error] = std::from_chars(found->data(), found->data() + found->size(), parsed);
        if (error != std::errc() || end != found->data() + found->size() || parsed < 0) {
            throw InvalidInput({fmt::format("{}：設定「{}」須為非負整數，收到「{}」", file_.string(), key, *found),
                                fmt::format("{}: setting '{}' must be a whole number, 0 or more, not '{}'",
                                            file_.string(), key, *found)});
        }
        if constexpr (std::is_arithmetic_v<Number>) {
            value = static_cast<Number>(parsed);
        } else {
            value = Number(parsed);
        }
    }
    void list(const char* key, std::vector<std::string>& value) const {
        const auto found = tree_.get_optional<std::string>(key);
        if (!found) return;
        value.clear();
        std::size_t start = 0;
        while (start <= found->size()) {
            const auto end = std::min(found->find(',', start), found->size());
            std::string item = found->substr(start, end - start);
            item.erase(0, item.find_first_not_of(' '));
            item.erase(item.find_last_not_of(' ') + 1);
            if (!item.empty()) value.push_back(item);
            start = end + 1;
        }
    }

  private:
    const std::filesystem::path& file_;
    const boost::property_tree::ptree& tree_;
};

// A setting outside what works, said with its file and key.
void require_range(const std::filesystem::path& file, const char* key, long long value, long long lowest,
                   long long highest) {
    if (value >= lowest && value <= highest) return;
    throw InvalidInput(
        {fmt::format("{}：設定「{}」須介乎 {} 至 {}，收到 {}", file.string(), key, lowest, highest, value),
         fmt::format("{}: {} must be {} to {}, not {}", file.string(), key, lowest, highest, value)});
}

}  // namespace

void read_server_config(const std::filesystem::path& file, ServerConfig& config) {
    boost::property_tree::ptree tree;
    try {
        boost::property_tree::read_ini(file.string(), tree);
    } catch (const boost::property_tree::ini_parser_error& e) {
        throw InvalidInput(
            {fmt::format("{} 第 {} 行：設定檔格式錯誤（{}）", e.filename(), e.line(), e.message()),
             fmt::format("{} line {}: not a valid settings file ({})", e.filename(), e.line(), e.message())});
    }
    const ConfigReader read(file, tree);
    read.text("server.db", config.database_url);
    read.text("server.listen", config.listen);
    read.path("server.tls_certificate", config.tls_certificate);
    read.path("server.tls_private_key", config.tls_private_key);
    read.number("server.threads", config.threads);
    read.number("server.max_connections", config.max_connections);
    read.number("server.max_connections_per_client", config.max_connections_per_client);
    read.number("server.max_body_bytes", config.max_body_bytes);
    read.number("server.max_header_bytes", config.max_header_bytes);
    read.number("server.read_timeout_seconds", config.read_timeout);
    read.number("server.idle_timeout_seconds", config.idle_timeout);
    read.number("server.shutdown_grace_seconds", config.shutdown_grace);
    read.number("server.change_check_interval_ms", config.change_check_interval);
    require_range(file, "server.change_check_interval_ms", config.change_check_interval.count(), 0, 10000);
    read.list("server.trusted_proxies", config.trusted_proxies);
    read.number("sign_in.failed_sign_in_delay_ms", config.failed_sign_in_delay);
    read.number("sign_in.max_failures", config.sign_in.max_failures);
    require_range(file, "sign_in.max_failures", config.sign_in.max_failures, 1, 1000);
    read.number("sign_in.failure_window_seconds", config.sign_in.failure_window);
    read.number("sign_in.lockout_seconds", config.sign_in.lockout);
    read.number("sign_in.idle_timeout_seconds", config.sign_in.idle_timeout);
    read.number("sign_in.absolute_lifetime_seconds", config.sign_in.absolute_lifetime);
}

std::pair<std::string, unsigned short> split_listen_address(const std::string& listen) {
    const auto colon = listen.rfind(':');
    const auto invalid = [&] {
        return InvalidInput(
            {fmt::format("監聽位址須為「位址:埠」，例如 127.0.0.1:8080，收到「{}」", listen),
             fmt::format("the listen address must be ADDRESS:PORT, such as 127.0.0.1:8080, not '{}'", listen)});
    };
    if (colon == std::string::npos || colon == 0) throw invalid();
    std::string address = listen.substr(0, colon);
    if (address.size() > 2 && address.front() == '[' && address.back() == ']')
        address = address.substr(1, address.size() - 2);
    unsigned port = 0;
    const auto digits = std::string_view(listen).substr(colon + 1);
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
    if (digits.empty() || error != std::errc() || end != digits.data() + digits.size() || port > 65535) throw invalid();
    return {address, static_cast<unsigned short>(port)};
}

}  // namespace dplan::server
