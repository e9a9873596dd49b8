#include "domain/contact_address.hpp"

#include <fmt/format.h>

#include "domain/error.hpp"

namespace dplan {

namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// example.org.hk: labels of letters, digits and inner hyphens, 63 bytes each; the last all letters.
bool is_domain(std::string_view domain) {
    if (domain.empty() || domain.size() > 253) return false;
    std::size_t labels = 0;
    std::string_view last;
    while (true) {
        const auto dot = domain.find('.');
        const std::string_view label = domain.substr(0, dot);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
        for (const char c : label) {
            if (!is_letter(c) && !is_digit(c) && c != '-') return false;
        }
        ++labels;
        last = label;
        if (dot == std::string_view::npos) break;
        domain.remove_prefix(dot + 1);
    }
    if (labels < 2 || last.size() < 2) return false;
    for (const char c : last) {
        if (!is_letter(c)) return false;
    }
    return true;
}

bool is_ipv4(std::string_view host) {
    int parts = 0;
    while (true) {
        const auto dot = host.find('.');
        const std::string_view part = host.substr(0, dot);
        if (part.empty() || part.size() > 3 || (part.size() > 1 && part[0] == '0')) return false;
        int value = 0;
        for (const char c : part) {
            if (!is_digit(c)) return false;
            value = value * 10 + (c - '0');
        }
        if (value > 255) return false;
        ++parts;
        if (dot == std::string_view::npos) break;
        host.remove_prefix(dot + 1);
    }
    return parts == 4;
}

}  // namespace

bool is_email_address(std::string_view text) {
    if (text.size() > 254) return false;
    const auto at = text.rfind('@');
    if (at == std::string_view::npos) return false;
    const std::string_view local = text.substr(0, at);
    if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.' ||
        local.find("..") != std::string_view::npos) {
        return false;
    }
    for (const char c : local) {
        if (!is_letter(c) && !is_digit(c) &&
            std::string_view(".!#$%&'*+/=?^_`{|}~-").find(c) == std::string_view::npos) {
            return false;
        }
    }
    return is_domain(text.substr(at + 1));
}

bool is_web_address(std::string_view text) {
    if (text.size() > 2048) return false;
    std::string_view rest;
    if (text.starts_with("https://")) {
        rest = text.substr(8);
    } else if (text.starts_with("http://")) {
        rest = text.substr(7);
    } else {
        return false;
    }
    const auto host_end = rest.find_first_of(":/?#");
    const std::string_view host = rest.substr(0, host_end);
    if (!is_domain(host) && !is_ipv4(host) && host != "localhost") return false;
    rest = host_end == std::string_view::npos ? std::string_view{} : rest.substr(host_end);
    if (rest.starts_with(':')) {
        std::size_t digits = 1;
        while (digits < rest.size() && is_digit(rest[digits])) ++digits;
        if (digits == 1 || digits > 6) return false;
        rest.remove_prefix(digits);
        if (!rest.empty() && rest.front() != '/' && rest.front() != '?' && rest.front() != '#') return false;
    }
    for (std::size_t i = 0; i < rest.size(); ++i) {
        const char c = rest[i];
        if (c == '%') {
            if (i + 2 >= rest.size() || !is_hex(rest[i + 1]) || !is_hex(rest[i + 2])) return false;
            i += 2;
        } else if (!is_letter(c) && !is_digit(c) &&
                   std::string_view("-._~:/?#[]@!$&'()*+,;=").find(c) == std::string_view::npos) {
            return false;
        }
    }
    return true;
}

void require_email_address(std::string_view text) {
    if (is_email_address(text)) return;
    throw InvalidInput({fmt::format("電郵地址「{}」不正確，應如 chan.tai.man@example.org.hk", text),
                        fmt::format("the e-mail address '{}' is not valid; expected one such as "
                                    "chan.tai.man@example.org.hk",
                                    text)});
}

void require_web_address(std::string_view text) {
    if (is_web_address(text)) return;
    throw InvalidInput(
        {fmt::format("網上會議連結「{}」不正確，應為 http:// 或 https:// 開首的網址，不含空格或引號", text),
         fmt::format("the online meeting link '{}' is not valid; expected an http:// or https:// address "
                     "without spaces or quotes",
                     text)});
}

}  // namespace dplan
