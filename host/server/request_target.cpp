#include "server/request_target.hpp"

#include <algorithm>
#include <boost/asio/ip/address.hpp>
#include <cctype>

namespace dplan::server {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string decode(std::string_view text, bool plus_is_space = true) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+' && plus_is_space) {
            out += ' ';
        } else if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
                   hex_value(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::string trimmed(std::string_view text) {
    const auto begin = text.find_first_not_of(' ');
    if (begin == std::string_view::npos) return {};
    return std::string(text.substr(begin, text.find_last_not_of(' ') - begin + 1));
}

}  // namespace

std::pair<std::string, std::map<std::string, std::string>> split_request_target(std::string_view target) {
    const auto question = target.find('?');
    std::map<std::string, std::string> query;
    if (question != std::string_view::npos) {
        std::string_view rest = target.substr(question + 1);
        while (!rest.empty()) {
            const auto amp = rest.find('&');
            const auto pair = rest.substr(0, amp);
            const auto equals = pair.find('=');
            if (!pair.empty()) {
                query[decode(pair.substr(0, equals))] =
                    equals == std::string_view::npos ? std::string() : decode(pair.substr(equals + 1));
            }
            if (amp == std::string_view::npos) break;
            rest = rest.substr(amp + 1);
        }
    }
    return {std::string(target.substr(0, question)), query};
}

std::string decode_path_segment(std::string_view segment) { return decode(segment, false); }

std::string client_address(const std::string& peer, const std::string& forwarded_for,
                           const std::vector<std::string>& trusted_proxies) {
    if (forwarded_for.empty() ||
        std::find(trusted_proxies.begin(), trusted_proxies.end(), peer) == trusted_proxies.end()) {
        return peer;
    }
    const auto comma = forwarded_for.rfind(',');
    const std::string last = trimmed(comma == std::string::npos ? forwarded_for : forwarded_for.substr(comma + 1));
    // Only an address is taken, whatever the proxy passed on: a proxy that forwards the client's
    // own header would otherwise let it put any bytes in the audit log and the failure count
    // (bytes that are not UTF-8 made both writes fail, and with them the lockout).
    boost::system::error_code invalid;
    const auto address = boost::asio::ip::make_address(last, invalid);
    // A zone (fe80::1%eth0) means nothing for a remote client: not taken either.
    if (invalid || (address.is_v6() && address.to_v6().scope_id() != 0)) return peer;
    return address.to_string();
}

}  // namespace dplan::server
