// One HTTP request as the API sees it, and its answer: the transport (http_server) fills these
// in and writes them out, so routes and their tests never touch sockets.
#pragma once

#include <map>
#include <string>

namespace dplan::server {

struct ApiRequest {
    std::string method;  // "GET", "POST", ...
    std::string path;    // "/api/plans/3", without the query
    std::map<std::string, std::string> query;
    std::string authorization;  // the Authorization header
    std::string if_match;       // the If-Match header
    std::string body;
    std::string origin;  // the client's address
};

struct ApiResponse {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::string etag;                 // a resource's version, quoted: "\"7\""
    std::string content_disposition;  // downloads: attachment; filename=...
    // A failed sign-in: the transport answers no sooner than the configured delay after the
    // request arrived, so failures cannot be tried quickly nor timed.
    bool delay_as_failed_sign_in = false;
};

}  // namespace dplan::server
