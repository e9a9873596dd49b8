// E-mail addresses and web links as people type them for stakeholders and online meetings.
// Checked where they are entered, so a calendar file or a paper never carries a line break,
// a quote or a space inside an address (they would end an iCalendar line or parameter).
#pragma once

#include <string_view>

namespace dplan {

// "name@example.org.hk": an ASCII local part (letters, digits, . and !#$%&'*+/=?^_`{|}~-, no
// leading, trailing or doubled dot, at most 64 bytes) and a domain of two or more labels
// (letters, digits, hyphens inside; a final label of letters), 254 bytes in all at most.
bool is_email_address(std::string_view text);

// "https://meet.example.hk/riverside?pwd=1": http or https, a host name (as in an e-mail's
// domain, or "localhost", or an IPv4 address), an optional port, then only characters a URL
// may hold unescaped (RFC 3986) or %XX; 2048 bytes at most.
bool is_web_address(std::string_view text);

// InvalidInput naming the field and what was expected.
void require_email_address(std::string_view text);
void require_web_address(std::string_view text);

}  // namespace dplan
