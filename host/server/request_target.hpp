// Reading a request's target and its client: the path and the decoded query parameters, and the
// client's address (X-Forwarded-For believed only from a trusted reverse proxy).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dplan::server {

// "/api/plans?district=riverside&year=2024-25" -> {"/api/plans", {district: riverside, year: ...}}.
// Percent-escapes and '+' are decoded; a malformed escape is kept as written.
std::pair<std::string, std::map<std::string, std::string>> split_request_target(std::string_view target);

// The peer's address, or, when the peer is a trusted proxy, the last address it forwarded.
std::string client_address(const std::string& peer, const std::string& forwarded_for,
                           const std::vector<std::string>& trusted_proxies);

}  // namespace dplan::server
