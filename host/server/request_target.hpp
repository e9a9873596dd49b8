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
// The query's percent-escapes and '+' are decoded (a malformed escape is kept as written); the
// path is left as sent, for the router to split on '/' before decoding each segment, so an
// encoded slash (%2F) never makes a new segment.
std::pair<std::string, std::map<std::string, std::string>> split_request_target(std::string_view target);

// One path segment with its percent-escapes decoded ('+' stays a '+' in a path).
std::string decode_path_segment(std::string_view segment);

// The peer's address, or, when the peer is a trusted proxy, the last address it forwarded.
std::string client_address(const std::string& peer, const std::string& forwarded_for,
                           const std::vector<std::string>& trusted_proxies);

}  // namespace dplan::server
